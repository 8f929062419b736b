import { Module } from '@nestjs/common';
import { GetActionLogHandler } from './action-log.query.js';
import { GetDecisionRegisterHandler } from './decision-register.query.js';
import { GetRecommendationsTrackerHandler } from './recommendations-tracker.query.js';
import { ScrutinyViewsController } from './scrutiny-views.controller.js';
import { GetChaseListHandler } from './overdue.query.js';
import { GetPersonQueueHandler, GetPostQueueHandler } from './queue.query.js';
import { ViewsController } from './views.controller.js';

/** Queues, the chase list, the action log, the recommendations tracker and the decision register, read from the read-model tables. */
@Module({
  controllers: [ViewsController, ScrutinyViewsController],
  providers: [
    GetPostQueueHandler,
    GetPersonQueueHandler,
    GetChaseListHandler,
    GetActionLogHandler,
    GetRecommendationsTrackerHandler,
    GetDecisionRegisterHandler,
  ],
})
export class ViewsModule {}
