import { Module } from '@nestjs/common';
import { CommitteesController } from './committees.controller.js';
import { GetCommitteeEscalationHandler } from './committee-escalation.query.js';
import { GetCommitteeMeetingsHandler } from './committee-meetings.query.js';
import { CreateCommitteeHandler } from './create-committee.command.js';
import { ListCommitteesHandler } from './list-committees.query.js';
import { SetEscalationHandler } from './set-escalation.command.js';

@Module({
  controllers: [CommitteesController],
  providers: [
    CreateCommitteeHandler,
    SetEscalationHandler,
    ListCommitteesHandler,
    GetCommitteeMeetingsHandler,
    GetCommitteeEscalationHandler,
  ],
})
export class CommitteesModule {}
