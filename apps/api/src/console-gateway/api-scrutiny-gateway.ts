import type { ApiAccountGateway } from './api-account-gateway.js';
import { Injectable, type Type } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { DomainError, MAX_ESCALATION_DAYS } from '#domain';
import {
  CONSOLE_PAGE_SIZE,
  type ActionLogCsv,
  type ActionLogPage,
  type ActionLogPageRequest,
  type ActionLogView,
  type ChaseListView,
  type CommandResult,
  type CommitteeEntry,
  type CommitteePage,
  type EscalationInput,
  type ConsoleCaller,
  type ConsoleGateway,
  type Read,
  type ScrutinyGateway,
} from '#console';
import type { Caller } from '../platform/caller.js';
import { ChaseActionDto, SignOffActionDto } from '../features/actions/action-requests.dto.js';
import { ActionsController } from '../features/actions/actions.controller.js';
import { ChaseActionCommand } from '../features/actions/chase-action.command.js';
import { SignOffActionCommand } from '../features/actions/sign-off-action.command.js';
import { GetCommitteeEscalationQuery, type CommitteeEscalation } from '../features/committees/committee-escalation.query.js';
import { GetCommitteeMeetingsQuery, type CommitteeMeetings } from '../features/committees/committee-meetings.query.js';
import { CommitteesController } from '../features/committees/committees.controller.js';
import { ListCommitteesQuery, type CommitteeList } from '../features/committees/list-committees.query.js';
import { SetEscalationCommand } from '../features/committees/set-escalation.command.js';
import { SetEscalationDto } from '../features/committees/set-escalation.dto.js';
import { isUuid } from '../features/shared/uuid.js';
import { actionLogCsv, actionLogFileName } from '../features/views/action-log.csv.js';
import { decodeActionLogCursor } from '../features/views/action-log-cursor.js';
import { GetActionLogQuery, type ActionLog, type ActionLogFilter, type ActionLogPaging } from '../features/views/action-log.query.js';
import { decodeCursor } from '../features/views/page-cursor.js';
import { GetChaseListQuery, type ChaseList } from '../features/views/overdue.query.js';
import { ViewsController } from '../features/views/views.controller.js';
import { RouteAccess } from './route-access.js';
import { actorOf, isCursorOf, refusalOf } from './console-answers.js';
import type { ApiConsoleGateway } from './api-console-gateway.js';
import type { ApiMetricsGateway } from './api-metrics-gateway.js';
import type { ApiStaffGateway } from './api-staff-gateway.js';
import type { ApiRecordingGateway } from './api-recording-gateway.js';
import type { ApiScrutinyCycleGateway } from './api-scrutiny-cycle-gateway.js';
import { RouteCommands } from './route-commands.js';

const LIST_LIMIT = 1000;

/** The scrutiny staff's pages over the api's queries and commands, each behind its route's access rule. */
@Injectable()
export class ApiScrutinyGateway implements ScrutinyGateway {
  readonly maxEscalationDays = MAX_ESCALATION_DAYS;

  constructor(
    private readonly queries: QueryBus,
    private readonly access: RouteAccess,
    private readonly routes: RouteCommands,
  ) {}

  async committees(caller: ConsoleCaller): Promise<Read<readonly CommitteeEntry[]>> {
    const refusal = refusalOf(await this.access.decide(CommitteesController, 'list', actorOf(caller)));
    if (refusal) return refusal;
    const list = await this.queries.execute<ListCommitteesQuery, CommitteeList>(new ListCommitteesQuery(undefined, { limit: LIST_LIMIT }));
    return { kind: 'ok', value: list.committees.map((c) => ({ committeeId: c.committeeId, name: c.name })) };
  }

  async committee(caller: ConsoleCaller, committeeId: string): Promise<Read<CommitteePage>> {
    const refusal = refusalOf(await this.access.decide(CommitteesController, 'meetings', actorOf(caller)));
    if (refusal) return refusal;
    const found = await notFoundAsRead(() =>
      Promise.all([
        this.queries.execute<GetCommitteeMeetingsQuery, CommitteeMeetings>(
          new GetCommitteeMeetingsQuery(committeeId, { limit: LIST_LIMIT }),
        ),
        this.queries.execute<GetCommitteeEscalationQuery, CommitteeEscalation>(new GetCommitteeEscalationQuery(committeeId)),
      ]),
    );
    if (found.kind !== 'ok') return found;
    const [{ committee, meetings }, { escalation, version }] = found.value;
    return {
      kind: 'ok',
      value: {
        committee: { committeeId: committee.committeeId, name: committee.name },
        meetings: meetings.map((m) => ({ meetingId: m.meetingId, date: m.date, title: m.title, itemCount: m.itemCount })),
        escalation: escalation && { ...escalation, postTitle: escalation.postTitle ?? 'a post no longer listed' },
        version,
      },
    };
  }

  maySetEscalation(caller: ConsoleCaller): Promise<boolean> {
    return this.routes.allowed([CommitteesController, 'setEscalation'], caller);
  }

  setEscalation(caller: ConsoleCaller, committeeId: string, input: EscalationInput, expectedVersion: number): Promise<CommandResult> {
    if (!isUuid(committeeId)) return Promise.resolve({ kind: 'not-found' });
    return this.routes.run(
      caller,
      [CommitteesController, 'setEscalation'],
      SetEscalationDto,
      input,
      (body, apiCaller) => new SetEscalationCommand(committeeId, body, expectedVersion, apiCaller),
    );
  }

  async actionLog(caller: ConsoleCaller, committeeId: string, pageRequest: ActionLogPageRequest = {}): Promise<Read<ActionLogPage>> {
    const { cursor, filters } = pageRequest;
    if (cursor !== undefined && !isCursorOf(decodeActionLogCursor, cursor)) return { kind: 'not-found' };
    const filter: ActionLogFilter = {
      ...(filters?.status ? { status: filters.status } : {}),
      ...(filters?.overdueOnly ? { overdueOnly: true } : {}),
      ...(filters?.meeting ? { meetingId: filters.meeting } : {}),
    };
    const paging = { limit: CONSOLE_PAGE_SIZE, filter, ...(cursor === undefined ? {} : { after: cursor }) };
    const [log, meetings] = await Promise.all([
      this.readLog(caller, committeeId, paging),
      notFoundAsRead(() =>
        this.queries.execute<GetCommitteeMeetingsQuery, CommitteeMeetings>(
          new GetCommitteeMeetingsQuery(committeeId, { limit: LIST_LIMIT }),
        ),
      ),
    ]);
    if (log.kind !== 'ok') return log;
    if (meetings.kind !== 'ok') return meetings;
    const { committee, overdueOn, rows, nextAfter } = log.value;
    return {
      kind: 'ok',
      value: {
        committee,
        overdueOn,
        rows,
        nextCursor: nextAfter,
        meetings: meetings.value.meetings.map((m) => ({ meetingId: m.meetingId, date: m.date })).reverse(),
      },
    };
  }

  async wholeActionLog(caller: ConsoleCaller, committeeId: string): Promise<Read<ActionLogView>> {
    const log = await this.readLog(caller, committeeId, {});
    if (log.kind !== 'ok') return log;
    const { committee, overdueOn, rows } = log.value;
    return { kind: 'ok', value: { committee, overdueOn, rows } };
  }

  async actionLogCsv(caller: ConsoleCaller, committeeId: string): Promise<Read<ActionLogCsv>> {
    const log = await this.readLog(caller, committeeId, {});
    if (log.kind !== 'ok') return log;
    return { kind: 'ok', value: { fileName: actionLogFileName(log.value), csv: actionLogCsv(log.value) } };
  }

  async chaseList(caller: ConsoleCaller, cursor?: string): Promise<Read<ChaseListView>> {
    const refusal = refusalOf(await this.access.decide(ViewsController, 'overdue', actorOf(caller)));
    if (refusal) return refusal;
    if (cursor !== undefined && !isCursorOf(decodeCursor, cursor)) return { kind: 'not-found' };
    const list = await this.queries.execute<GetChaseListQuery, ChaseList>(
      new GetChaseListQuery({ limit: CONSOLE_PAGE_SIZE, ...(cursor === undefined ? {} : { after: cursor }) }),
    );
    return {
      kind: 'ok',
      value: {
        asOf: list.asOf,
        actions: list.actions.map((a) => ({
          actionId: a.actionId,
          ref: a.ref,
          title: a.title,
          committee: a.committee.name ?? '',
          ownerPost: a.ownerPost.title ?? '',
          holder: a.holder?.name ?? null,
          dueOn: a.dueOn,
          daysOverdue: a.daysOverdue,
          lastChasedAt: a.lastChasedAt,
          chaseCount: a.chaseCount,
        })),
        nextCursor: list.nextAfter,
      },
    };
  }

  async mayChaseAndSignOff(caller: ConsoleCaller): Promise<boolean> {
    const actor = actorOf(caller);
    const [chase, signOff] = await Promise.all([
      this.access.decide(ActionsController, 'chase', actor),
      this.access.decide(ActionsController, 'signOff', actor),
    ]);
    return chase.kind === 'allow' && signOff.kind === 'allow';
  }

  chaseAction(caller: ConsoleCaller, actionId: string, note: string): Promise<CommandResult> {
    return this.run(
      caller,
      actionId,
      'chase',
      ChaseActionDto,
      (body, apiCaller) => new ChaseActionCommand(actionId, body, undefined, apiCaller),
      {
        note,
      },
    );
  }

  signOffAction(caller: ConsoleCaller, actionId: string, note: string, expectedVersion: number): Promise<CommandResult> {
    return this.run(
      caller,
      actionId,
      'signOff',
      SignOffActionDto,
      (body, apiCaller) => new SignOffActionCommand(actionId, body, expectedVersion, apiCaller),
      note.trim() === '' ? {} : { note },
    );
  }

  /** The log behind the route's rule: a page of it, or the whole of it when `paging` has no limit. */
  private async readLog(caller: ConsoleCaller, committeeId: string, paging: ActionLogPaging): Promise<Read<ActionLog>> {
    const refusal = refusalOf(await this.access.decide(ViewsController, 'actionLog', actorOf(caller)));
    if (refusal) return refusal;
    if (!isUuid(committeeId)) return { kind: 'not-found' };
    return notFoundAsRead(() => this.queries.execute<GetActionLogQuery, ActionLog>(new GetActionLogQuery(committeeId, paging)));
  }

  /** The route's access rule, then its DTO validation, then the command; answers once the read models show it. */
  private run<Dto extends object>(
    caller: ConsoleCaller,
    actionId: string,
    route: keyof ActionsController,
    dto: Type<Dto>,
    command: (body: Dto, caller: Caller) => object,
    input: object,
  ): Promise<CommandResult> {
    if (!isUuid(actionId)) return Promise.resolve({ kind: 'not-found' });
    return this.routes.run(caller, [ActionsController, route, actionId], dto, input, command);
  }
}

async function notFoundAsRead<T>(read: () => Promise<T>): Promise<Read<T>> {
  try {
    return { kind: 'ok', value: await read() };
  } catch (error) {
    if (error instanceof DomainError && error.kind === 'not-found') return { kind: 'not-found' };
    throw error;
  }
}

/**
 * The console's whole gateway: the officer's pages from ApiConsoleGateway, the scrutiny pages from ApiScrutinyGateway,
 * the staff's management pages from ApiStaffGateway, the officer's figures from ApiMetricsGateway and
 * recording meetings from ApiRecordingGateway and the scrutiny cycle (recommendations, decisions, call-in) from
 * ApiScrutinyCycleGateway.
 */
export function consoleGatewayOf(
  base: ApiConsoleGateway,
  scrutiny: ApiScrutinyGateway,
  staff: ApiStaffGateway,
  metrics: ApiMetricsGateway,
  recording: ApiRecordingGateway,
  cycle: ApiScrutinyCycleGateway,
  account: ApiAccountGateway,
): ConsoleGateway {
  return {
    // The signed-in person's account page.
    account: (caller) => account.account(caller),
    setEmailPreferences: (caller, preferences, version) => account.setEmailPreferences(caller, preferences, version),
    issueCalendarFeed: (caller, origin) => account.issueCalendarFeed(caller, origin),
    revokeCalendarFeed: (caller) => account.revokeCalendarFeed(caller),
    grantableRoles: base.grantableRoles,
    directory: () => base.directory(),
    myQueue: (caller, cursor) => base.myQueue(caller, cursor),
    action: (caller, actionId) => base.action(caller, actionId),
    reportProgress: (caller, actionId, input, version) => base.reportProgress(caller, actionId, input, version),
    completeAction: (caller, actionId, input, version) => base.completeAction(caller, actionId, input, version),
    committees: (caller) => scrutiny.committees(caller),
    committee: (caller, committeeId) => scrutiny.committee(caller, committeeId),
    actionLog: (caller, committeeId, pageRequest) => scrutiny.actionLog(caller, committeeId, pageRequest),
    wholeActionLog: (caller, committeeId) => scrutiny.wholeActionLog(caller, committeeId),
    actionLogCsv: (caller, committeeId) => scrutiny.actionLogCsv(caller, committeeId),
    chaseList: (caller, cursor) => scrutiny.chaseList(caller, cursor),
    mayChaseAndSignOff: (caller) => scrutiny.mayChaseAndSignOff(caller),
    chaseAction: (caller, actionId, note) => scrutiny.chaseAction(caller, actionId, note),
    signOffAction: (caller, actionId, note, version) => scrutiny.signOffAction(caller, actionId, note, version),
    maxEscalationDays: scrutiny.maxEscalationDays,
    maySetEscalation: (caller) => scrutiny.maySetEscalation(caller),
    setEscalation: (caller, committeeId, input, version) => scrutiny.setEscalation(caller, committeeId, input, version),
    mayManageActions: (caller) => staff.mayManageActions(caller),
    dueMeetingOptions: (caller, actionId) => staff.dueMeetingOptions(caller, actionId),
    reopenAction: (caller, actionId, reason, version) => staff.reopenAction(caller, actionId, reason, version),
    changeActionDue: (caller, actionId, change, version) => staff.changeActionDue(caller, actionId, change, version),
    reassignAction: (caller, actionId, postId, reason, version) => staff.reassignAction(caller, actionId, postId, reason, version),
    withdrawAction: (caller, actionId, reason, version) => staff.withdrawAction(caller, actionId, reason, version),
    mayManageDirectory: (caller) => staff.mayManageDirectory(caller),
    posts: (caller, after) => staff.posts(caller, after),
    post: (caller, postId) => staff.post(caller, postId),
    createPost: (caller, post) => staff.createPost(caller, post),
    appointPostHolder: (caller, postId, personId, version) => staff.appointPostHolder(caller, postId, personId, version),
    vacatePost: (caller, postId, version) => staff.vacatePost(caller, postId, version),
    people: (caller, after) => staff.people(caller, after),
    registerPerson: (caller, person) => staff.registerPerson(caller, person),
    recordingVocabulary: recording.recordingVocabulary,
    mayRecord: (caller) => recording.mayRecord(caller),
    createCommittee: (caller, input) => recording.createCommittee(caller, input),
    scheduleMeeting: (caller, committeeId, input) => recording.scheduleMeeting(caller, committeeId, input),
    meeting: (caller, meetingId) => recording.meeting(caller, meetingId),
    recordAttendance: (caller, meetingId, attendees, version) => recording.recordAttendance(caller, meetingId, attendees, version),
    addItem: (caller, meetingId, input, version) => recording.addItem(caller, meetingId, input, version),
    passResolution: (caller, meetingId, input) => recording.passResolution(caller, meetingId, input),
    postOptions: (caller) => recording.postOptions(caller),
    assignAction: (caller, input) => recording.assignAction(caller, input),
    approveMinutes: (caller, meetingId, approvedAt, version) => recording.approveMinutes(caller, meetingId, approvedAt, version),
    correctResolution: (caller, resolutionId, parts, reason, version) =>
      recording.correctResolution(caller, resolutionId, parts, reason, version),
    searchAudit: base.searchAudit,
    streamEntries: base.streamEntries,
    recordAsOf: base.recordAsOf,
    mayVerify: base.mayVerify,
    verifyLog: base.verifyLog,
    personSignedIn: (claims) => base.personSignedIn(claims),
    // The officer's figures (metric snapshots).
    actionFigures: (caller, actionId) => metrics.actionFigures(caller, actionId),
    recordFigures: (caller, actionId, input) => metrics.recordFigures(caller, actionId, input),
    // The scrutiny cycle (recommendations, decisions, call-in).
    cycleVocabulary: cycle.cycleVocabulary,
    recommendationsTracker: (caller, committeeId, filters, cursor) => cycle.recommendationsTracker(caller, committeeId, filters, cursor),
    recommendationsTrackerCsv: (caller, committeeId, filters) => cycle.recommendationsTrackerCsv(caller, committeeId, filters),
    recommendation: (caller, recommendationId) => cycle.recommendation(caller, recommendationId),
    recordResponse: (caller, recommendationId, input, version) => cycle.recordResponse(caller, recommendationId, input, version),
    recommendationStep: (caller, recommendationId, step, version) => cycle.recommendationStep(caller, recommendationId, step, version),
    decisionRegister: (caller, cursor) => cycle.decisionRegister(caller, cursor),
    mayRecordDecision: (caller) => cycle.mayRecordDecision(caller),
    recommendationOptions: (caller, committeeId) => cycle.recommendationOptions(caller, committeeId),
    decisionMakerPosts: (caller) => cycle.decisionMakerPosts(caller),
    recordDecision: (caller, input) => cycle.recordDecision(caller, input),
    decision: (caller, decisionId) => cycle.decision(caller, decisionId),
    requestCallIn: (caller, decisionId, input, version) => cycle.requestCallIn(caller, decisionId, input, version),
    decisionStep: (caller, decisionId, step, version) => cycle.decisionStep(caller, decisionId, step, version),
  };
}
