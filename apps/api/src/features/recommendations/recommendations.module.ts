import { Module } from '@nestjs/common';
import { DecisionMakerFactsLookup } from './decision-maker-facts.js';
import { MakeRecommendationHandler } from './make-recommendation.command.js';
import { RecommendationStepHandler } from './recommendation-step.command.js';
import { RecommendationsController } from './recommendations.controller.js';

@Module({
  controllers: [RecommendationsController],
  providers: [DecisionMakerFactsLookup, MakeRecommendationHandler, RecommendationStepHandler],
  exports: [DecisionMakerFactsLookup],
})
export class RecommendationsModule {}
