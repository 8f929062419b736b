import { Module } from '@nestjs/common';
import { ChangeDueHandler, ReassignActionHandler, SignOffActionHandler } from './action-changes.commands.js';
import {
  ChaseActionHandler, CompleteActionHandler, ReopenActionHandler, ReportProgressHandler, WithdrawActionHandler,
} from './action-lifecycle.commands.js';
import { GetActionHandler } from './action-view.query.js';
import { ActionWriter } from './action-writer.js';
import { ActionsController } from './actions.controller.js';
import { AssignActionHandler } from './assign-action.command.js';

@Module({
  controllers: [ActionsController],
  providers: [
    ActionWriter, AssignActionHandler, ReportProgressHandler, CompleteActionHandler, SignOffActionHandler, ReopenActionHandler,
    ChangeDueHandler, ReassignActionHandler, ChaseActionHandler, WithdrawActionHandler, GetActionHandler,
  ],
})
export class ActionsModule {}
