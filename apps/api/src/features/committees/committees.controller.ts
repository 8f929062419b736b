import { Body, Controller, Get, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import { committeeDecider } from '#domain';
import { streamIdFor } from '#domain';
import { AggregateStore } from '../shared/aggregate-store.js';
import { CommandOutcome } from '../shared/command-outcome.js';
import { idFrom } from '../shared/create-id.js';
import { sendFolded, type HeaderSink } from '../shared/send-folded.js';
import { CreateCommitteeCommand } from './create-committee.command.js';
import { CreateCommitteeDto } from './create-committee.dto.js';
import { Roles } from '../../platform/auth/index.js';
import { Caller } from '../../platform/caller.js';
import { AnswersETag, UuidParam } from '../../platform/index.js';

@ApiTags('committees and meetings')
@ApiBearerAuth()
@Controller('committees')
export class CommitteesController {
  constructor(
    private readonly commands: CommandBus,
    private readonly aggregates: AggregateStore,
  ) {}

  @Post()
  @Roles('scrutiny', 'admin')
  @ApiCreatedResponse({ type: CommandOutcome })
  create(@Body() body: CreateCommitteeDto, @Caller() caller: Caller): Promise<CommandOutcome> {
    return this.commands.execute(new CreateCommitteeCommand(idFrom(body, caller), body, caller));
  }

  @Get(':committeeId')
  @AnswersETag()
  @Roles('member', 'officer', 'scrutiny', 'monitoring', 'admin')
  async get(@UuidParam('committeeId') committeeId: string, @Res({ passthrough: true }) res: HeaderSink): Promise<object> {
    const loaded = await this.aggregates.load(committeeDecider, streamIdFor('committee', committeeId));
    return sendFolded(res, loaded, 'committee-not-found', `Committee ${committeeId} does not exist`);
  }
}
