import { Module } from '@nestjs/common';
import { RecommendationsModule } from '../recommendations/recommendations.module.js';
import { DecisionStepHandler } from './decision-step.command.js';
import { DecisionsController } from './decisions.controller.js';
import { RecordDecisionHandler } from './record-decision.command.js';

@Module({
  imports: [RecommendationsModule],
  controllers: [DecisionsController],
  providers: [RecordDecisionHandler, DecisionStepHandler],
})
export class DecisionsModule {}
