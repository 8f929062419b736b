import { Module } from '@nestjs/common';
import { GetActionLogHandler } from './action-log.query.js';
import { GetChaseListHandler } from './overdue.query.js';
import { GetPersonQueueHandler, GetPostQueueHandler } from './queue.query.js';
import { ViewsController } from './views.controller.js';

/** Queues, the chase list and the action log, read straight from the read-model tables. */
@Module({
  controllers: [ViewsController],
  providers: [GetPostQueueHandler, GetPersonQueueHandler, GetChaseListHandler, GetActionLogHandler],
})
export class ViewsModule {}
