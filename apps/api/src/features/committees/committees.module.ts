import { Module } from '@nestjs/common';
import { CommitteesController } from './committees.controller.js';
import { CreateCommitteeHandler } from './create-committee.command.js';

@Module({ controllers: [CommitteesController], providers: [CreateCommitteeHandler] })
export class CommitteesModule {}
