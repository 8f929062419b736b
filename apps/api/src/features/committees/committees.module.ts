import { Module } from '@nestjs/common';
import { CommitteesController } from './committees.controller.js';
import { GetCommitteeMeetingsHandler } from './committee-meetings.query.js';
import { CreateCommitteeHandler } from './create-committee.command.js';
import { ListCommitteesHandler } from './list-committees.query.js';

@Module({ controllers: [CommitteesController], providers: [CreateCommitteeHandler, ListCommitteesHandler, GetCommitteeMeetingsHandler] })
export class CommitteesModule {}
