import { Injectable, type Type } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { DomainError, streamIdFor } from '#domain';
import {
  CONSOLE_PAGE_SIZE,
  type ActionPage,
  type CommandResult,
  type CompletionInput,
  type ConsoleCaller,
  type ConsoleGateway,
  type ConsolePerson,
  type DirectoryEntry,
  type MetricsGateway,
  type MyQueue,
  type ProgressInput,
  type Read,
  type RecordingGateway,
  type ScrutinyCycleGateway,
  type AccountGateway,
  type ScrutinyGateway,
  type StaffGateway,
} from '#console';
import { ApiAuditGateway } from './api-audit-gateway.js';
import { ROLES } from '../platform/auth/roles.js';
import { CompleteActionDto, ReportProgressDto } from '../features/actions/action-requests.dto.js';
import { GetActionQuery, type ActionView } from '../features/actions/action-view.query.js';
import { ActionsController } from '../features/actions/actions.controller.js';
import { CompleteActionCommand } from '../features/actions/complete-action.command.js';
import { ReportProgressCommand } from '../features/actions/report-progress.command.js';
import { GetStreamHistoryQuery, type StreamHistory } from '../features/audit/stream-history.query.js';
import { ListCommitteesQuery, type CommitteeList } from '../features/committees/list-committees.query.js';
import { ListPeopleQuery, type PersonList } from '../features/directory/list-people.query.js';
import { ListPostsQuery, type PostList } from '../features/directory/list-posts.query.js';
import { isUuid } from '../features/shared/uuid.js';
import { decodeCursor } from '../features/views/page-cursor.js';
import { GetPersonQueueQuery, type PersonQueue } from '../features/views/queue.query.js';
import { ViewsController } from '../features/views/views.controller.js';
import { RouteAccess } from './route-access.js';
import { ApiSignInGateway } from './api-sign-in-gateway.js';
import { RouteCommands } from './route-commands.js';
import { actorOf, isCursorOf, refusalOf } from './console-answers.js';

const LIST_LIMIT = 1000;
const HISTORY_LIMIT = 1000;

type ActionCommandClass = typeof ReportProgressCommand | typeof CompleteActionCommand;

/**
 * The console's gateway: the api's own queries and commands on its buses, each behind the access rule its route
 * declares (read from the controllers, so the console and the API cannot disagree about who may do what).
 */
@Injectable()
export class ApiConsoleGateway implements Omit<
  ConsoleGateway,
  | keyof ScrutinyGateway
  | keyof StaffGateway
  | keyof MetricsGateway
  | keyof RecordingGateway
  | keyof ScrutinyCycleGateway
  | keyof AccountGateway
> {
  readonly grantableRoles: readonly string[] = ROLES;

  constructor(
    private readonly queries: QueryBus,
    private readonly access: RouteAccess,
    private readonly routes: RouteCommands,
    private readonly audit: ApiAuditGateway,
    private readonly signIn: ApiSignInGateway,
  ) {}

  readonly searchAudit: ConsoleGateway['searchAudit'] = (...args) => this.audit.searchAudit(...args);
  readonly streamEntries: ConsoleGateway['streamEntries'] = (...args) => this.audit.streamEntries(...args);
  readonly recordAsOf: ConsoleGateway['recordAsOf'] = (...args) => this.audit.recordAsOf(...args);
  readonly mayVerify: ConsoleGateway['mayVerify'] = (...args) => this.audit.mayVerify(...args);
  readonly verifyLog: ConsoleGateway['verifyLog'] = (...args) => this.audit.verifyLog(...args);

  personSignedIn(idTokenClaims: Readonly<Record<string, unknown>>): Promise<ConsolePerson | undefined> {
    return this.signIn.personSignedIn(idTokenClaims);
  }

  async directory(): Promise<readonly DirectoryEntry[]> {
    const [people, posts] = await Promise.all([
      this.queries.execute<ListPeopleQuery, PersonList>(new ListPeopleQuery(undefined, { limit: LIST_LIMIT })),
      this.queries.execute<ListPostsQuery, PostList>(new ListPostsQuery(undefined, { limit: LIST_LIMIT })),
    ]);
    return people.people.map((p) => ({
      personId: p.personId,
      name: p.name,
      posts: posts.posts.filter((post) => post.holder?.personId === p.personId).map((post) => post.title),
    }));
  }

  async myQueue(caller: ConsoleCaller, cursor?: string): Promise<Read<MyQueue>> {
    const actor = actorOf(caller);
    const refusal = refusalOf(await this.access.decide(ViewsController, 'myQueue', actor));
    if (refusal) return refusal;
    if (cursor !== undefined && !isCursorOf(decodeCursor, cursor)) return { kind: 'not-found' };
    const [queue, committees] = await Promise.all([
      this.queries.execute<GetPersonQueueQuery, PersonQueue>(
        new GetPersonQueueQuery(actor.id, { limit: CONSOLE_PAGE_SIZE, ...(cursor === undefined ? {} : { after: cursor }) }),
      ),
      this.committeeNames(),
    ]);
    return {
      kind: 'ok',
      value: {
        posts: queue.posts.map((p) => p.title),
        actions: queue.actions.map((a) => ({
          actionId: a.actionId,
          ref: a.ref,
          title: a.title,
          status: a.status,
          committee: committees.get(a.committeeId) ?? '',
          dueOn: a.dueOn,
          overdue: a.overdue,
          daysOverdue: a.daysOverdue,
          rag: a.rag,
          latestUpdate: a.latestUpdate,
          ownerPost: a.ownerPost.title,
        })),
        nextCursor: queue.nextAfter,
      },
    };
  }

  async action(caller: ConsoleCaller, actionId: string): Promise<Read<ActionPage>> {
    const actor = actorOf(caller);
    const refusal = refusalOf(await this.access.decide(ActionsController, 'get', actor));
    if (refusal) return refusal;
    if (!isUuid(actionId)) return { kind: 'not-found' };
    let view: ActionView;
    try {
      view = await this.queries.execute<GetActionQuery, ActionView>(new GetActionQuery(actionId));
    } catch (error) {
      if (error instanceof DomainError && error.kind === 'not-found') return { kind: 'not-found' };
      throw error;
    }
    const [committees, history, mayReport] = await Promise.all([
      this.committeeNames(),
      this.queries.execute<GetStreamHistoryQuery, StreamHistory | undefined>(
        new GetStreamHistoryQuery(streamIdFor('action', actionId), { after: 0, limit: HISTORY_LIMIT }),
      ),
      this.access.decide(ActionsController, 'progress', actor, actionId),
    ]);
    const actorAt = new Map((history?.events ?? []).map((e) => [e.streamVersion, e.actor?.name ?? e.actor?.id ?? null]));
    return {
      kind: 'ok',
      value: {
        actionId: view.actionId,
        ref: view.ref,
        title: view.title,
        description: view.description,
        status: view.status,
        committee: committees.get(view.committeeId) ?? '',
        ownerPost: view.owner.title ?? '',
        dueOn: view.dueOn,
        overdue: view.overdue,
        rag: view.rag,
        outcome: view.outcome,
        origin: { partLabel: view.origin.partLabel, partText: view.origin.partText },
        updates: view.updates,
        chases: view.chases,
        history: view.history.map((h) => ({ type: h.type, at: h.at, by: actorAt.get(h.version) ?? null })),
        version: view.version,
        mayReport: mayReport.kind === 'allow',
      },
    };
  }

  reportProgress(caller: ConsoleCaller, actionId: string, input: ProgressInput, expectedVersion: number): Promise<CommandResult> {
    return this.runActionCommand(caller, actionId, 'progress', ReportProgressDto, ReportProgressCommand, input, expectedVersion);
  }

  completeAction(caller: ConsoleCaller, actionId: string, input: CompletionInput, expectedVersion: number): Promise<CommandResult> {
    return this.runActionCommand(caller, actionId, 'complete', CompleteActionDto, CompleteActionCommand, input, expectedVersion);
  }

  /** The route's access rule, then the route's DTO validation, then the command; answers once the read models show it. */
  private runActionCommand(
    caller: ConsoleCaller,
    actionId: string,
    route: keyof ActionsController,
    dto: Type<object>,
    command: ActionCommandClass,
    input: object,
    expectedVersion: number,
  ): Promise<CommandResult> {
    if (!isUuid(actionId)) return Promise.resolve({ kind: 'not-found' });
    return this.routes.run(
      caller,
      [ActionsController, route, actionId],
      dto,
      input,
      (body, c) => new command(actionId, body as never, expectedVersion, c),
    );
  }

  private async committeeNames(): Promise<Map<string, string>> {
    const list = await this.queries.execute<ListCommitteesQuery, CommitteeList>(new ListCommitteesQuery(undefined, { limit: LIST_LIMIT }));
    return new Map(list.committees.map((c) => [c.committeeId, c.name]));
  }
}
