import { Body, Controller, Get, HttpCode, Post, Query, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { decisionDecider, implementationStatusOn, streamIdFor, ukDateOf } from '#domain';
import { AnswersETag, IfMatchVersion, Sends, UuidParam } from '../../platform/index.js';
import { Roles } from '../../platform/auth/index.js';
import { Caller } from '../../platform/caller.js';
import { AggregateStore } from '../shared/aggregate-store.js';
import { Clock } from '../shared/clock.js';
import { CommandOutcome } from '../shared/command-outcome.js';
import { idFrom } from '../shared/create-id.js';
import { RecordAsOfDto } from '../shared/record-as-of.dto.js';
import { sendFolded, type HeaderSink } from '../shared/send-folded.js';
import {
  ConcludeCallInDto,
  PublishDecisionDto,
  ReconsiderDecisionDto,
  RecordDecisionDto,
  RequestCallInDto,
} from './decision-requests.dto.js';
import { DecisionStepCommand, type DecisionStep } from './decision-step.command.js';
import { RecordDecisionCommand } from './record-decision.command.js';

@ApiTags('decisions')
@ApiBearerAuth()
@Controller('decisions')
export class DecisionsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly aggregates: AggregateStore,
    private readonly clock: Clock,
  ) {}

  @Post()
  @Sends(['RecordDecision'])
  @Roles('member', 'officer', 'scrutiny', 'admin')
  @ApiOperation({
    summary:
      "Record an executive decision: by the holder of the decision maker's post, or by scrutiny staff on its behalf (recorded as such)",
  })
  @ApiCreatedResponse({ type: CommandOutcome })
  record(@Body() body: RecordDecisionDto, @Caller() caller: Caller): Promise<CommandOutcome> {
    return this.commands.execute(new RecordDecisionCommand(idFrom(body, caller), body, caller));
  }

  @Post(':decisionId/publication')
  @Sends(['PublishDecision'])
  @Roles('scrutiny', 'admin')
  @HttpCode(200)
  @ApiOperation({
    summary:
      "Record its publication; the call-in period is the council's clear working days after it (CALL_IN_CLEAR_WORKING_DAYS, BANK_HOLIDAY_DIVISION)",
  })
  @ApiOkResponse({ type: CommandOutcome })
  publish(
    @UuidParam('decisionId') id: string,
    @Body() body: PublishDecisionDto,
    @IfMatchVersion() expected: number | undefined,
    @Caller() caller: Caller,
  ): Promise<CommandOutcome> {
    return this.step(id, { kind: 'publish', body }, expected, caller);
  }

  @Post(':decisionId/call-in')
  @Sends(['RequestCallIn'])
  @Roles('member', 'scrutiny', 'admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Call it in (during the call-in period): implementation pauses until the call-in is concluded' })
  @ApiOkResponse({ type: CommandOutcome })
  callIn(
    @UuidParam('decisionId') id: string,
    @Body() body: RequestCallInDto,
    @IfMatchVersion() expected: number | undefined,
    @Caller() caller: Caller,
  ): Promise<CommandOutcome> {
    return this.step(id, { kind: 'call-in', body }, expected, caller);
  }

  @Post(':decisionId/call-in-outcome')
  @Sends(['ConcludeCallIn'])
  @Roles('scrutiny', 'admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Conclude the call-in: upheld (the decision stands), referred back, or referred to full council' })
  @ApiOkResponse({ type: CommandOutcome })
  concludeCallIn(
    @UuidParam('decisionId') id: string,
    @Body() body: ConcludeCallInDto,
    @IfMatchVersion() expected: number | undefined,
    @Caller() caller: Caller,
  ): Promise<CommandOutcome> {
    return this.step(id, { kind: 'conclude-call-in', body }, expected, caller);
  }

  @Post(':decisionId/reconsideration')
  @Sends(['ReconsiderDecision'])
  @Roles('member', 'officer', 'scrutiny', 'admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Record the decision maker reconsidering a referred decision: confirmed, amended or withdrawn' })
  @ApiOkResponse({ type: CommandOutcome })
  reconsider(
    @UuidParam('decisionId') id: string,
    @Body() body: ReconsiderDecisionDto,
    @IfMatchVersion() expected: number | undefined,
    @Caller() caller: Caller,
  ): Promise<CommandOutcome> {
    return this.step(id, { kind: 'reconsider', body }, expected, caller);
  }

  @Get(':decisionId')
  @AnswersETag()
  @Roles('member', 'officer', 'scrutiny', 'monitoring', 'admin')
  @ApiOperation({
    summary:
      'The decision folded from its stream, now or as recorded at `asOf`, with whether it may be implemented that day; ETag is its version',
  })
  async get(
    @UuidParam('decisionId') id: string,
    @Query() query: RecordAsOfDto,
    @Res({ passthrough: true }) res: HeaderSink,
  ): Promise<object> {
    const asOf = query.asOf === undefined ? undefined : new Date(query.asOf);
    const loaded = await this.aggregates.load(decisionDecider, streamIdFor('decision', id), asOf);
    const decision = sendFolded(res, loaded, 'decision-not-found', `Decision ${id} does not exist`);
    const on = ukDateOf(asOf ?? this.clock.now());
    const implementation = loaded.state.exists ? implementationStatusOn(loaded.state, on) : undefined;
    return { ...decision, implementation: { on, ...implementation }, ...(asOf ? { asOf: asOf.toISOString() } : {}) };
  }

  private step(id: string, step: DecisionStep, expected: number | undefined, caller: Caller): Promise<CommandOutcome> {
    return this.commands.execute(new DecisionStepCommand(id, step, expected, caller));
  }
}
