import { Inject, Injectable, type Type } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { DomainError } from '#domain';
import type { SqlDatabase } from '#event-store';
import type {
  CommandResult,
  ConsoleCaller,
  DueChange,
  ListPage,
  MeetingOption,
  NewPerson,
  NewPost,
  PersonEntry,
  PostDetail,
  PostEntry,
  Read,
  StaffGateway,
} from '#console';
import type { Caller } from '../platform/caller.js';
import { ProblemException, RequestValidationError, SQL_DATABASE } from '../platform/index.js';
import { ChangeDueDto, ReasonDto, ReassignActionDto } from '../features/actions/action-requests.dto.js';
import { GetActionQuery, type ActionView } from '../features/actions/action-view.query.js';
import { ActionsController } from '../features/actions/actions.controller.js';
import { ChangeDueCommand } from '../features/actions/change-due.command.js';
import { ReassignActionCommand } from '../features/actions/reassign-action.command.js';
import { ReopenActionCommand } from '../features/actions/reopen-action.command.js';
import { WithdrawActionCommand } from '../features/actions/withdraw-action.command.js';
import { GetCommitteeMeetingsQuery, type CommitteeMeetings } from '../features/committees/committee-meetings.query.js';
import { AppointPostHolderCommand } from '../features/directory/appoint-post-holder.command.js';
import { AppointPostHolderDto } from '../features/directory/appoint-post-holder.dto.js';
import { CreatePostCommand } from '../features/directory/create-post.command.js';
import { CreatePostDto } from '../features/directory/create-post.dto.js';
import { ListPeopleQuery, type PersonList } from '../features/directory/list-people.query.js';
import { ListPostsQuery, type PostList } from '../features/directory/list-posts.query.js';
import { PeopleController } from '../features/directory/people.controller.js';
import { readPost } from '../features/directory/post-record.sql.js';
import { PostsController } from '../features/directory/posts.controller.js';
import { RegisterPersonCommand } from '../features/directory/register-person.command.js';
import { RegisterPersonDto } from '../features/directory/register-person.dto.js';
import { VacatePostCommand } from '../features/directory/vacate-post.command.js';
import { idFrom } from '../features/shared/create-id.js';
import { isUuid } from '../features/shared/uuid.js';
import { RouteAccess } from './route-access.js';
import { actorOf, refusalOf } from './console-answers.js';
import { RouteCommands } from './route-commands.js';

/** Rows a page of the posts or people lists shows. */
export const DIRECTORY_PAGE_SIZE = 50;
/** The most posts or meetings a select offers. */
const OPTIONS_LIMIT = 1000;
const CURSOR = /^[A-Za-z0-9_-]{1,2000}$/;

const ACTION_MANAGEMENT_ROUTES = ['reopen', 'changeDue', 'reassign', 'withdraw'] as const;

/** The staff's management pages over the api's commands and queries, each behind its route's access rule. */
@Injectable()
export class ApiStaffGateway implements StaffGateway {
  constructor(
    private readonly queries: QueryBus,
    private readonly access: RouteAccess,
    private readonly routes: RouteCommands,
    @Inject(SQL_DATABASE) private readonly db: SqlDatabase,
  ) {}

  async mayManageActions(caller: ConsoleCaller): Promise<boolean> {
    const actor = actorOf(caller);
    const decisions = await Promise.all(ACTION_MANAGEMENT_ROUTES.map((route) => this.access.decide(ActionsController, route, actor)));
    return decisions.every((d) => d.kind === 'allow');
  }

  async dueMeetingOptions(caller: ConsoleCaller, actionId: string): Promise<Read<readonly MeetingOption[]>> {
    const refusal = refusalOf(await this.access.decide(ActionsController, 'changeDue', actorOf(caller), actionId));
    if (refusal) return refusal;
    if (!isUuid(actionId)) return { kind: 'not-found' };
    const action = await notFoundAsRead(() => this.queries.execute<GetActionQuery, ActionView>(new GetActionQuery(actionId)));
    if (action.kind !== 'ok') return action;
    const found = await notFoundAsRead(() =>
      this.queries.execute<GetCommitteeMeetingsQuery, CommitteeMeetings>(
        new GetCommitteeMeetingsQuery(action.value.committeeId, { limit: OPTIONS_LIMIT }),
      ),
    );
    if (found.kind !== 'ok') return found;
    return { kind: 'ok', value: found.value.meetings.map((m) => ({ meetingId: m.meetingId, date: m.date, title: m.title })) };
  }

  reopenAction(caller: ConsoleCaller, actionId: string, reason: string, expectedVersion: number): Promise<CommandResult> {
    return this.runAction(
      caller,
      actionId,
      'reopen',
      ReasonDto,
      { reason },
      (body, c) => new ReopenActionCommand(actionId, body, expectedVersion, c),
    );
  }

  changeActionDue(caller: ConsoleCaller, actionId: string, change: DueChange, expectedVersion: number): Promise<CommandResult> {
    const input = {
      reason: change.reason,
      ...(change.dueDate ? { dueDate: change.dueDate } : {}),
      ...(change.dueMeetingId ? { dueMeetingId: change.dueMeetingId } : {}),
    };
    return this.runAction(
      caller,
      actionId,
      'changeDue',
      ChangeDueDto,
      input,
      (body, c) => new ChangeDueCommand(actionId, body, expectedVersion, c),
    );
  }

  reassignAction(
    caller: ConsoleCaller,
    actionId: string,
    ownerPostId: string,
    reason: string,
    expectedVersion: number,
  ): Promise<CommandResult> {
    return this.runAction(
      caller,
      actionId,
      'reassign',
      ReassignActionDto,
      { ownerPostId, reason },
      (body, c) => new ReassignActionCommand(actionId, body, expectedVersion, c),
    );
  }

  withdrawAction(caller: ConsoleCaller, actionId: string, reason: string, expectedVersion: number): Promise<CommandResult> {
    return this.runAction(
      caller,
      actionId,
      'withdraw',
      ReasonDto,
      { reason },
      (body, c) => new WithdrawActionCommand(actionId, body, expectedVersion, c),
    );
  }

  async mayManageDirectory(caller: ConsoleCaller): Promise<boolean> {
    const actor = actorOf(caller);
    const decisions = await Promise.all([
      this.access.decide(PostsController, 'create', actor),
      this.access.decide(PostsController, 'appoint', actor),
      this.access.decide(PostsController, 'vacate', actor),
      this.access.decide(PeopleController, 'register', actor),
    ]);
    return decisions.every((d) => d.kind === 'allow');
  }

  async posts(caller: ConsoleCaller, after?: string): Promise<Read<ListPage<PostEntry>>> {
    const refusal = refusalOf(await this.access.decide(PostsController, 'list', actorOf(caller)));
    if (refusal) return refusal;
    const limit = after === 'all' ? OPTIONS_LIMIT : DIRECTORY_PAGE_SIZE;
    const list = await badCursorAsNotFound(() =>
      this.queries.execute<ListPostsQuery, PostList>(new ListPostsQuery(undefined, { after: cursorOf(after), limit })),
    );
    if (list.kind !== 'ok') return list;
    return {
      kind: 'ok',
      value: {
        items: list.value.posts.map((p) => ({
          postId: p.postId,
          title: p.title,
          department: p.department,
          holder: p.holder ? { personId: p.holder.personId, name: p.holder.name ?? '' } : null,
        })),
        nextAfter: list.value.nextAfter,
      },
    };
  }

  async post(caller: ConsoleCaller, postId: string): Promise<Read<PostDetail>> {
    const refusal = refusalOf(await this.access.decide(PostsController, 'get', actorOf(caller)));
    if (refusal) return refusal;
    if (!isUuid(postId)) return { kind: 'not-found' };
    const post = await readPost(this.db, postId);
    if (!post) return { kind: 'not-found' };
    return {
      kind: 'ok',
      value: {
        postId: post.postId,
        title: post.title,
        department: post.department,
        holder: post.holder ? { personId: post.holder.personId, name: post.holder.name ?? '' } : null,
        version: post.version,
      },
    };
  }

  createPost(caller: ConsoleCaller, post: NewPost): Promise<CommandResult> {
    const input = { title: post.title, ...(post.department ? { department: post.department } : {}) };
    return this.routes.run(
      caller,
      [PostsController, 'create'],
      CreatePostDto,
      input,
      (body, c) => new CreatePostCommand(idFrom(body, c), body, c),
    );
  }

  appointPostHolder(caller: ConsoleCaller, postId: string, personId: string, expectedVersion: number): Promise<CommandResult> {
    if (!isUuid(postId)) return Promise.resolve({ kind: 'not-found' });
    return this.routes.run(
      caller,
      [PostsController, 'appoint'],
      AppointPostHolderDto,
      { personId },
      (body, c) => new AppointPostHolderCommand(postId, body, expectedVersion, c),
    );
  }

  vacatePost(caller: ConsoleCaller, postId: string, expectedVersion: number): Promise<CommandResult> {
    if (!isUuid(postId)) return Promise.resolve({ kind: 'not-found' });
    return this.routes.run(
      caller,
      [PostsController, 'vacate'],
      undefined,
      {},
      (_body, c) => new VacatePostCommand(postId, expectedVersion, c),
    );
  }

  async people(caller: ConsoleCaller, after?: string): Promise<Read<ListPage<PersonEntry>>> {
    const refusal = refusalOf(await this.access.decide(PeopleController, 'list', actorOf(caller)));
    if (refusal) return refusal;
    const limit = after === 'all' ? OPTIONS_LIMIT : DIRECTORY_PAGE_SIZE;
    const list = await badCursorAsNotFound(() =>
      this.queries.execute<ListPeopleQuery, PersonList>(new ListPeopleQuery(undefined, { after: cursorOf(after), limit })),
    );
    if (list.kind !== 'ok') return list;
    return {
      kind: 'ok',
      value: {
        items: list.value.people.map((p) => ({ personId: p.personId, name: p.name, email: p.email })),
        nextAfter: list.value.nextAfter,
      },
    };
  }

  registerPerson(caller: ConsoleCaller, person: NewPerson): Promise<CommandResult> {
    const input = {
      name: person.name,
      ...(person.email ? { email: person.email } : {}),
      ...(person.identitySubject ? { identitySubject: person.identitySubject } : {}),
    };
    return this.routes.run(
      caller,
      [PeopleController, 'register'],
      RegisterPersonDto,
      input,
      (body, c) => new RegisterPersonCommand(idFrom(body, c), body, c),
    );
  }

  private runAction<Dto extends object>(
    caller: ConsoleCaller,
    actionId: string,
    route: (typeof ACTION_MANAGEMENT_ROUTES)[number],
    dto: Type<Dto>,
    input: object,
    command: (body: Dto, caller: Caller) => object,
  ): Promise<CommandResult> {
    if (!isUuid(actionId)) return Promise.resolve({ kind: 'not-found' });
    return this.routes.run(caller, [ActionsController, route, actionId], dto, input, command);
  }
}

/** `all`: the first page of up to OPTIONS_LIMIT rows, for a select. */
function cursorOf(after: string | undefined): string | undefined {
  return after !== undefined && after !== 'all' && CURSOR.test(after) ? after : undefined;
}

async function notFoundAsRead<T>(read: () => Promise<T>): Promise<Read<T>> {
  try {
    return { kind: 'ok', value: await read() };
  } catch (error) {
    if (error instanceof DomainError && error.kind === 'not-found') return { kind: 'not-found' };
    throw error;
  }
}

/** A cursor no previous page gave is a page that does not exist. */
async function badCursorAsNotFound<T>(read: () => Promise<T>): Promise<Read<T>> {
  try {
    return { kind: 'ok', value: await read() };
  } catch (error) {
    if (error instanceof RequestValidationError) return { kind: 'not-found' };
    if (error instanceof ProblemException && error.problem.status === 400) return { kind: 'not-found' };
    if (error instanceof DomainError && (error.kind === 'invalid' || error.kind === 'not-found')) return { kind: 'not-found' };
    throw error;
  }
}
