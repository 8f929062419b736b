import { Body, Controller, Get, HttpCode, Post, Query, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { recommendationDecider, responseStatusOn, streamIdFor, ukDateOf } from '#domain';
import { AnswersETag, IfMatchVersion, Sends, UuidParam } from '../../platform/index.js';
import { Roles } from '../../platform/auth/index.js';
import { Caller } from '../../platform/caller.js';
import { AggregateStore } from '../shared/aggregate-store.js';
import { Clock } from '../shared/clock.js';
import { CommandOutcome } from '../shared/command-outcome.js';
import { idFrom } from '../shared/create-id.js';
import { sendFolded, type HeaderSink } from '../shared/send-folded.js';
import { MakeRecommendationCommand } from './make-recommendation.command.js';
import { RecordAsOfDto } from '../shared/record-as-of.dto.js';
import {
  CloseRecommendationDto,
  LinkActionDto,
  MakeRecommendationDto,
  PublishResponseDto,
  RecordResponseDto,
  ReviewImplementationDto,
  SendRecommendationDto,
} from './recommendation-requests.dto.js';
import { RecommendationStepCommand, type RecommendationStep } from './recommendation-step.command.js';

@ApiTags('recommendations')
@ApiBearerAuth()
@Controller('recommendations')
export class RecommendationsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly aggregates: AggregateStore,
    private readonly clock: Clock,
  ) {}

  @Post()
  @Sends(['MakeRecommendation'], { invalid: ['recommendation-source-required'] })
  @Roles('scrutiny', 'admin')
  @ApiOperation({ summary: 'Record a recommendation a committee made to a decision maker, from a resolution part or a report' })
  @ApiCreatedResponse({ type: CommandOutcome })
  make(@Body() body: MakeRecommendationDto, @Caller() caller: Caller): Promise<CommandOutcome> {
    return this.commands.execute(new MakeRecommendationCommand(idFrom(body, caller), body, caller));
  }

  @Post(':recommendationId/sending')
  @Sends(['SendRecommendation'])
  @Roles('scrutiny', 'admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Record the day the decision maker received it; starts the two-month response clock (s.9FE LGA 2000)' })
  @ApiOkResponse({ type: CommandOutcome })
  send(
    @UuidParam('recommendationId') id: string,
    @Body() body: SendRecommendationDto,
    @IfMatchVersion() expected: number | undefined,
    @Caller() caller: Caller,
  ): Promise<CommandOutcome> {
    return this.step(id, { kind: 'send', body }, expected, caller);
  }

  @Post(':recommendationId/response')
  @Sends(['RecordExecutiveResponse'])
  @Roles('member', 'officer', 'scrutiny', 'admin')
  @HttpCode(200)
  @ApiOperation({
    summary: "Record the decision maker's response: by the holder of its post, or by scrutiny staff on its behalf (recorded as such)",
  })
  @ApiOkResponse({ type: CommandOutcome })
  respond(
    @UuidParam('recommendationId') id: string,
    @Body() body: RecordResponseDto,
    @IfMatchVersion() expected: number | undefined,
    @Caller() caller: Caller,
  ): Promise<CommandOutcome> {
    return this.step(id, { kind: 'respond', body }, expected, caller);
  }

  @Post(':recommendationId/response-publication')
  @Sends(['PublishResponse'])
  @Roles('scrutiny', 'admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Record the day the response was published' })
  @ApiOkResponse({ type: CommandOutcome })
  publish(
    @UuidParam('recommendationId') id: string,
    @Body() body: PublishResponseDto,
    @IfMatchVersion() expected: number | undefined,
    @Caller() caller: Caller,
  ): Promise<CommandOutcome> {
    return this.step(id, { kind: 'publish-response', body }, expected, caller);
  }

  @Post(':recommendationId/implementation-actions')
  @Sends(['LinkImplementationAction'])
  @Roles('scrutiny', 'admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Link an action that implements an accepted recommendation' })
  @ApiOkResponse({ type: CommandOutcome })
  link(
    @UuidParam('recommendationId') id: string,
    @Body() body: LinkActionDto,
    @IfMatchVersion() expected: number | undefined,
    @Caller() caller: Caller,
  ): Promise<CommandOutcome> {
    return this.step(id, { kind: 'link-action', body }, expected, caller);
  }

  @Post(':recommendationId/reviews')
  @Sends(['ReviewImplementation'])
  @Roles('scrutiny', 'admin')
  @HttpCode(200)
  @ApiOperation({ summary: "Record the committee's review of implementation (RAG and evidence)" })
  @ApiOkResponse({ type: CommandOutcome })
  review(
    @UuidParam('recommendationId') id: string,
    @Body() body: ReviewImplementationDto,
    @IfMatchVersion() expected: number | undefined,
    @Caller() caller: Caller,
  ): Promise<CommandOutcome> {
    return this.step(id, { kind: 'review', body }, expected, caller);
  }

  @Post(':recommendationId/closure')
  @Sends(['AgreeRecommendationClosure'])
  @Roles('scrutiny', 'admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Record that the committee agreed to close it' })
  @ApiOkResponse({ type: CommandOutcome })
  close(
    @UuidParam('recommendationId') id: string,
    @Body() body: CloseRecommendationDto,
    @IfMatchVersion() expected: number | undefined,
    @Caller() caller: Caller,
  ): Promise<CommandOutcome> {
    return this.step(id, { kind: 'close', body }, expected, caller);
  }

  @Get(':recommendationId')
  @AnswersETag()
  @Roles('member', 'officer', 'scrutiny', 'monitoring', 'admin')
  @ApiOperation({
    summary: 'The recommendation folded from its stream, now or as recorded at `asOf`, with where its response stands; ETag is its version',
  })
  async get(
    @UuidParam('recommendationId') id: string,
    @Query() query: RecordAsOfDto,
    @Res({ passthrough: true }) res: HeaderSink,
  ): Promise<object> {
    const asOf = query.asOf === undefined ? undefined : new Date(query.asOf);
    const loaded = await this.aggregates.load(recommendationDecider, streamIdFor('recommendation', id), asOf);
    const recommendation = sendFolded(res, loaded, 'recommendation-not-found', `Recommendation ${id} does not exist`);
    const on = ukDateOf(asOf ?? this.clock.now());
    const response = loaded.state.exists ? responseStatusOn(loaded.state, on) : undefined;
    return { ...recommendation, responseStatus: { on, ...response }, ...(asOf ? { asOf: asOf.toISOString() } : {}) };
  }

  private step(id: string, step: RecommendationStep, expected: number | undefined, caller: Caller): Promise<CommandOutcome> {
    return this.commands.execute(new RecommendationStepCommand(id, step, expected, caller));
  }
}
