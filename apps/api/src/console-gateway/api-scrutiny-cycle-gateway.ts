import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import {
  actionDecider,
  callInOutcomes,
  decisionDecider,
  decisionMakerKinds,
  DomainError,
  executiveResponses,
  implementationRags,
  implementationStatusOn,
  reconsiderationOutcomes,
  recommendationDecider,
  responseStatusOn,
  streamIdFor,
  ukDateOf,
  type ImplementationStatus,
} from '#domain';
import {
  CONSOLE_PAGE_SIZE,
  type ActionHistoryEntry,
  type CallInInput,
  type CommandResult,
  type ConsoleCaller,
  type CreateResult,
  type CycleVocabulary,
  type DecisionInput,
  type DecisionPage,
  type DecisionRegisterPage,
  type DecisionStepInput,
  type FilteredRead,
  type PostOption,
  type Read,
  type RecommendationOption,
  type RecommendationPage,
  type RecommendationStepInput,
  type RecommendationsTrackerPage,
  type ResponseInput,
  type ScrutinyCycleGateway,
  type TrackerCsv,
  type TrackerFilters,
} from '#console';
import { RequestValidationError } from '../platform/index.js';
import { flattenValidationErrors } from '../platform/validation/validation.pipe.js';
import { GetStreamHistoryQuery, type StreamHistory } from '../features/audit/stream-history.query.js';
import { ListCommitteesQuery, type CommitteeList } from '../features/committees/list-committees.query.js';
import { DecisionsController } from '../features/decisions/decisions.controller.js';
import { RecordDecisionDto, RequestCallInDto } from '../features/decisions/decision-requests.dto.js';
import { DecisionStepCommand } from '../features/decisions/decision-step.command.js';
import { RecordDecisionCommand } from '../features/decisions/record-decision.command.js';
import { ListPostsQuery, type PostList } from '../features/directory/list-posts.query.js';
import { PostsController } from '../features/directory/posts.controller.js';
import { RecommendationsController } from '../features/recommendations/recommendations.controller.js';
import { RecordResponseDto } from '../features/recommendations/recommendation-requests.dto.js';
import { RecommendationStepCommand } from '../features/recommendations/recommendation-step.command.js';
import { AggregateStore } from '../features/shared/aggregate-store.js';
import { Clock } from '../features/shared/clock.js';
import { isUuid } from '../features/shared/uuid.js';
import { GetDecisionRegisterQuery, type DecisionRegister } from '../features/views/decision-register.query.js';
import {
  GetRecommendationsTrackerQuery,
  type RecommendationsTracker,
  type TrackedRecommendation,
} from '../features/views/recommendations-tracker.query.js';
import { RecommendationsTrackerQueryDto, trackerStatuses } from '../features/views/scrutiny-view-queries.dto.js';
import { trackerCsv, trackerFileName } from '../features/views/scrutiny-views.csv.js';
import { ScrutinyViewsController } from '../features/views/scrutiny-views.controller.js';
import { decodeDateKey } from '../features/views/date-list-key.js';
import { ApiCycleStepsGateway } from './api-cycle-steps-gateway.js';
import { isCursorOf, refusalOf } from './console-answers.js';
import { defined, RouteCommands } from './route-commands.js';

const LIST_LIMIT = 1000;
const HISTORY_LIMIT = 1000;

/** The scrutiny cycle over the api's commands and queries, each behind its route's access rule and its DTO's validation. */
@Injectable()
export class ApiScrutinyCycleGateway implements ScrutinyCycleGateway {
  readonly cycleVocabulary: CycleVocabulary = {
    executiveResponses,
    decisionMakerKinds,
    trackerStatuses,
    implementationRags,
    callInOutcomes,
    reconsiderationOutcomes,
  };

  constructor(
    private readonly queries: QueryBus,
    private readonly routes: RouteCommands,
    private readonly steps: ApiCycleStepsGateway,
    private readonly aggregates: AggregateStore,
    private readonly clock: Clock,
  ) {}

  async recommendationsTracker(
    caller: ConsoleCaller,
    committeeId: string,
    filters: TrackerFilters,
    cursor?: string,
  ): Promise<FilteredRead<RecommendationsTrackerPage>> {
    if (cursor !== undefined && !isCursorOf((c) => decodeDateKey(c, { positional: true }), cursor)) return { kind: 'not-found' };
    const tracker = await this.readTracker(caller, committeeId, filters, { limit: CONSOLE_PAGE_SIZE, after: cursor });
    if (tracker.kind !== 'ok') return tracker;
    const { committee, asOf, rows, nextAfter } = tracker.value;
    return { kind: 'ok', value: { committee, asOf, rows: rows.map(trackerRowOf), nextCursor: nextAfter } };
  }

  async recommendationsTrackerCsv(caller: ConsoleCaller, committeeId: string, filters: TrackerFilters): Promise<FilteredRead<TrackerCsv>> {
    const tracker = await this.readTracker(caller, committeeId, filters, { limit: undefined });
    if (tracker.kind !== 'ok') return tracker;
    return { kind: 'ok', value: { fileName: trackerFileName(tracker.value), csv: trackerCsv(tracker.value) } };
  }

  async recommendation(caller: ConsoleCaller, recommendationId: string): Promise<Read<RecommendationPage>> {
    const refusal = refusalOf(await this.routes.decide([RecommendationsController, 'get'], caller));
    if (refusal) return refusal;
    if (!isUuid(recommendationId)) return { kind: 'not-found' };
    const loaded = await this.aggregates.load(recommendationDecider, streamIdFor('recommendation', recommendationId));
    const r = loaded.state;
    if (!r.exists) return { kind: 'not-found' };
    const on = ukDateOf(this.clock.now());
    const status = responseStatusOn(r, on);
    const [committees, history, actions, mayRespond, mayRecordDecision, send, publishResponse, linkAction, review, close] =
      await Promise.all([
        this.committeeNames(),
        this.history(recommendationId),
        Promise.all(r.actionIds.map((id) => this.aggregates.load(actionDecider, streamIdFor('action', id)))),
        this.routes.allowed([RecommendationsController, 'respond'], caller),
        this.routes.allowed([DecisionsController, 'record'], caller),
        this.routes.allowed([RecommendationsController, 'send'], caller),
        this.routes.allowed([RecommendationsController, 'publish'], caller),
        this.routes.allowed([RecommendationsController, 'link'], caller),
        this.routes.allowed([RecommendationsController, 'review'], caller),
        this.routes.allowed([RecommendationsController, 'close'], caller),
      ]);
    return {
      kind: 'ok',
      value: {
        recommendationId,
        committee: { committeeId: r.committeeId, name: committees.get(r.committeeId) ?? '' },
        reference: r.reference,
        text: r.text,
        decisionMaker: r.decisionMaker.name,
        madeOn: r.madeOn,
        source: { ...r.source },
        receivedOn: r.sent?.receivedOn,
        responseDueOn: r.sent?.responseDueOn,
        responseStatus: { on, status: status.status, daysOverdue: status.status === 'response-overdue' ? status.daysOverdue : undefined },
        response: r.response && { ...r.response },
        publishedOn: r.publishedOn,
        lastReview: r.lastReview && { ...r.lastReview },
        closedOn: r.closedOn,
        implementationActions: actions.flatMap(({ state }) => (state.exists ? [{ actionId: state.actionId, title: state.title }] : [])),
        history,
        version: loaded.version,
        mayRespond,
        mayRecordDecision,
        may: { send, publishResponse, linkAction, review, close },
      },
    };
  }

  recordResponse(caller: ConsoleCaller, recommendationId: string, input: ResponseInput, expectedVersion: number): Promise<CommandResult> {
    if (!isUuid(recommendationId)) return Promise.resolve({ kind: 'not-found' });
    return this.routes.runStep(
      caller,
      [RecommendationsController, 'respond'],
      RecordResponseDto,
      defined(input),
      (body, c) => new RecommendationStepCommand(recommendationId, { kind: 'respond', body }, expectedVersion, c),
    );
  }

  recommendationStep(
    caller: ConsoleCaller,
    recommendationId: string,
    step: RecommendationStepInput,
    expectedVersion: number,
  ): Promise<CommandResult> {
    return this.steps.recommendationStep(caller, recommendationId, step, expectedVersion);
  }

  async decisionRegister(caller: ConsoleCaller, cursor?: string): Promise<Read<DecisionRegisterPage>> {
    const refusal = refusalOf(await this.routes.decide([ScrutinyViewsController, 'register'], caller));
    if (refusal) return refusal;
    if (cursor !== undefined && !isCursorOf((c) => decodeDateKey(c), cursor)) return { kind: 'not-found' };
    const register = await this.queries.execute<GetDecisionRegisterQuery, DecisionRegister>(
      new GetDecisionRegisterQuery({ limit: CONSOLE_PAGE_SIZE, ...(cursor === undefined ? {} : { after: cursor }) }),
    );
    return {
      kind: 'ok',
      value: {
        nextCursor: register.nextAfter,
        decisions: register.decisions.map((d) => ({
          decisionId: d.decisionId,
          decisionMaker: d.decisionMaker.name,
          title: d.title,
          decidedOn: d.decidedOn,
          keyDecision: d.keyDecision,
          publishedOn: d.publishedOn,
          callInEndsOn: d.callInEndsOn,
          callInStatus: d.callInStatus,
          effectiveOn: d.effectiveOn,
        })),
      },
    };
  }

  mayRecordDecision(caller: ConsoleCaller): Promise<boolean> {
    return this.routes.allowed([DecisionsController, 'record'], caller);
  }

  async recommendationOptions(caller: ConsoleCaller, committeeId?: string): Promise<Read<readonly RecommendationOption[]>> {
    const refusal = refusalOf(await this.routes.decide([ScrutinyViewsController, 'tracker'], caller));
    if (refusal) return refusal;
    const committees = await this.queries.execute<ListCommitteesQuery, CommitteeList>(
      new ListCommitteesQuery(undefined, { limit: LIST_LIMIT }),
    );
    const chosen = committees.committees.filter((c) => committeeId === undefined || c.committeeId === committeeId);
    const trackers = await Promise.all(
      chosen.map((c) =>
        this.queries.execute<GetRecommendationsTrackerQuery, RecommendationsTracker>(
          new GetRecommendationsTrackerQuery(c.committeeId, { limit: LIST_LIMIT }),
        ),
      ),
    );
    return {
      kind: 'ok',
      value: trackers.flatMap((t) =>
        t.rows.map((r) => ({ recommendationId: r.recommendationId, committee: t.committee.name, reference: r.reference, text: r.text })),
      ),
    };
  }

  async decisionMakerPosts(caller: ConsoleCaller): Promise<Read<readonly PostOption[]>> {
    const refusal = refusalOf(await this.routes.decide([PostsController, 'list'], caller));
    if (refusal) return { kind: 'ok', value: [] };
    const list = await this.queries.execute<ListPostsQuery, PostList>(new ListPostsQuery(undefined, { limit: LIST_LIMIT }));
    return { kind: 'ok', value: list.posts.map((p) => ({ postId: p.postId, title: p.title, holder: p.holder?.name ?? null })) };
  }

  async recordDecision(caller: ConsoleCaller, input: DecisionInput): Promise<CreateResult> {
    const id = randomUUID();
    const body = { ...defined(input), decisionMaker: defined(input.decisionMaker) };
    const result = await this.routes.runStep(
      caller,
      [DecisionsController, 'record'],
      RecordDecisionDto,
      body,
      (dto, c) => new RecordDecisionCommand(id, dto, c),
    );
    return result.kind === 'done' ? { kind: 'created', id } : result;
  }

  async decision(caller: ConsoleCaller, decisionId: string): Promise<Read<DecisionPage>> {
    const refusal = refusalOf(await this.routes.decide([DecisionsController, 'get'], caller));
    if (refusal) return refusal;
    if (!isUuid(decisionId)) return { kind: 'not-found' };
    const loaded = await this.aggregates.load(decisionDecider, streamIdFor('decision', decisionId));
    const d = loaded.state;
    if (!d.exists) return { kind: 'not-found' };
    const on = ukDateOf(this.clock.now());
    const [answered, history, mayCallIn, publish, concludeCallIn, reconsider] = await Promise.all([
      Promise.all(d.recommendationIds.map((id) => this.aggregates.load(recommendationDecider, streamIdFor('recommendation', id)))),
      this.history(decisionId),
      this.routes.allowed([DecisionsController, 'callIn'], caller),
      this.routes.allowed([DecisionsController, 'publish'], caller),
      this.routes.allowed([DecisionsController, 'concludeCallIn'], caller),
      this.routes.allowed([DecisionsController, 'reconsider'], caller),
    ]);
    return {
      kind: 'ok',
      value: {
        decisionId,
        decisionMaker: d.decisionMaker.name,
        title: d.title,
        decision: d.decision,
        decidedOn: d.decidedOn,
        keyDecision: d.keyDecision,
        reasons: d.reasons,
        alternativesConsidered: d.alternativesConsidered,
        reportRef: d.reportRef,
        recordedOnBehalf: d.recordedOnBehalf,
        recommendations: answered.flatMap(({ state }) =>
          state.exists ? [{ recommendationId: state.recommendationId, reference: state.reference, text: state.text }] : [],
        ),
        publication: d.publication && {
          publishedOn: d.publication.publishedOn,
          callInEndsOn: d.publication.callInEndsOn,
          effectiveOn: d.publication.effectiveOn,
        },
        callIn: d.callIn && { ...d.callIn },
        reconsideration: d.reconsideration && { ...d.reconsideration },
        implementation: { on, ...implementationOf(implementationStatusOn(d, on)) },
        history,
        version: loaded.version,
        mayCallIn,
        may: { publish, concludeCallIn, reconsider },
      },
    };
  }

  requestCallIn(caller: ConsoleCaller, decisionId: string, input: CallInInput, expectedVersion: number): Promise<CommandResult> {
    if (!isUuid(decisionId)) return Promise.resolve({ kind: 'not-found' });
    return this.routes.runStep(
      caller,
      [DecisionsController, 'callIn'],
      RequestCallInDto,
      { members: [...input.members], reasons: input.reasons },
      (body, c) => new DecisionStepCommand(decisionId, { kind: 'call-in', body }, expectedVersion, c),
    );
  }

  decisionStep(caller: ConsoleCaller, decisionId: string, step: DecisionStepInput, expectedVersion: number): Promise<CommandResult> {
    return this.steps.decisionStep(caller, decisionId, step, expectedVersion);
  }

  /** The tracker behind its route's rule, its filters validated as the route validates them. */
  private async readTracker(
    caller: ConsoleCaller,
    committeeId: string,
    filters: TrackerFilters,
    paging: { readonly limit: number | undefined; readonly after?: string | undefined },
  ): Promise<FilteredRead<RecommendationsTracker>> {
    const refusal = refusalOf(await this.routes.decide([ScrutinyViewsController, 'tracker'], caller));
    if (refusal) return refusal;
    if (!isUuid(committeeId)) return { kind: 'not-found' };
    const query = plainToInstance(RecommendationsTrackerQueryDto, defined({ ...filters }));
    const problems = await validate(query, { whitelist: true, forbidNonWhitelisted: true });
    if (problems.length > 0) return { kind: 'invalid', errors: flattenValidationErrors(problems) };
    try {
      const tracker = await this.queries.execute<GetRecommendationsTrackerQuery, RecommendationsTracker>(
        new GetRecommendationsTrackerQuery(committeeId, { status: query.status, municipalYear: query.municipalYear, ...paging }),
      );
      return { kind: 'ok', value: tracker };
    } catch (error) {
      if (error instanceof DomainError && error.kind === 'not-found') return { kind: 'not-found' };
      if (error instanceof RequestValidationError) return { kind: 'invalid', errors: error.errors };
      throw error;
    }
  }

  private async history(recordId: string): Promise<ActionHistoryEntry[]> {
    const history = await this.queries.execute<GetStreamHistoryQuery, StreamHistory | undefined>(
      new GetStreamHistoryQuery(recordId, { after: 0, limit: HISTORY_LIMIT }),
    );
    return (history?.events ?? []).map((e) => ({ type: e.type, at: e.recordedAt, by: e.actor?.name ?? e.actor?.id ?? null }));
  }

  private async committeeNames(): Promise<Map<string, string>> {
    const list = await this.queries.execute<ListCommitteesQuery, CommitteeList>(new ListCommitteesQuery(undefined, { limit: LIST_LIMIT }));
    return new Map(list.committees.map((c) => [c.committeeId, c.name]));
  }
}

function trackerRowOf(r: TrackedRecommendation): RecommendationsTrackerPage['rows'][number] {
  return {
    recommendationId: r.recommendationId,
    reference: r.reference,
    text: r.text,
    decisionMaker: r.decisionMaker.name,
    receivedOn: r.receivedOn,
    responseDueOn: r.responseDueOn,
    status: r.status,
    daysOverdue: r.daysOverdue,
    response: r.response && { response: r.response.response, respondedOn: r.response.respondedOn, late: r.response.late },
    decision: r.decision && {
      decisionId: r.decision.decisionId,
      title: r.decision.title,
      callInStatus: r.decision.callInStatus,
      effectiveOn: r.decision.effectiveOn,
    },
    closedOn: r.closedOn,
  };
}

/** The date that goes with where implementation stands, whichever the status names it. */
function implementationOf(status: ImplementationStatus): { status: string; date?: string } {
  switch (status.status) {
    case 'in-call-in-period':
      return { status: status.status, date: status.effectiveOn };
    case 'called-in':
      return { status: status.status, date: status.requestedOn };
    case 'withdrawn':
      return { status: status.status, date: status.on };
    case 'effective':
      return { status: status.status, date: status.since };
    default:
      return { status: status.status };
  }
}
