import { Module } from '@nestjs/common';
import { GetActionHandler } from './action-view.query.js';
import { ActionWriter } from './action-writer.js';
import { ActionsController } from './actions.controller.js';
import { AssignActionHandler } from './assign-action.command.js';
import { ChangeDueHandler } from './change-due.command.js';
import { ChaseActionHandler } from './chase-action.command.js';
import { CompleteActionHandler } from './complete-action.command.js';
import { ReassignActionHandler } from './reassign-action.command.js';
import { ReopenActionHandler } from './reopen-action.command.js';
import { ReportProgressHandler } from './report-progress.command.js';
import { SignOffActionHandler } from './sign-off-action.command.js';
import { WithdrawActionHandler } from './withdraw-action.command.js';

@Module({
  controllers: [ActionsController],
  providers: [
    ActionWriter,
    AssignActionHandler,
    ReportProgressHandler,
    CompleteActionHandler,
    SignOffActionHandler,
    ReopenActionHandler,
    ChangeDueHandler,
    ReassignActionHandler,
    ChaseActionHandler,
    WithdrawActionHandler,
    GetActionHandler,
  ],
})
export class ActionsModule {}
