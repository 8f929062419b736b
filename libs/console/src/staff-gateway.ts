import type { CommandResult, ConsoleCaller, Read } from './console-gateway.js';

export interface PostEntry {
  readonly postId: string;
  readonly title: string;
  readonly department?: string | undefined;
  readonly holder: { readonly personId: string; readonly name: string } | null;
}

export interface PostDetail extends PostEntry {
  readonly version: number;
}

export interface PersonEntry {
  readonly personId: string;
  readonly name: string;
  readonly email?: string | undefined;
}

/** A page of a list in the API's order; `nextAfter` asks for the next page, null on the last. */
export interface ListPage<T> {
  readonly items: readonly T[];
  readonly nextAfter: string | null;
}

export interface MeetingOption {
  readonly meetingId: string;
  readonly date: string;
  readonly title?: string | undefined;
}

export interface DueChange {
  readonly reason: string;
  readonly dueDate?: string | undefined;
  readonly dueMeetingId?: string | undefined;
}

export interface NewPost {
  readonly title: string;
  readonly department?: string | undefined;
}

export interface NewPerson {
  readonly name: string;
  readonly email?: string | undefined;
  readonly identitySubject?: string | undefined;
}

/** What the staff's management pages need: an action's reopening, due date, owner and withdrawal, and the directory. */
export interface StaffGateway {
  /** Whether the caller may reopen, re-date, reassign and withdraw actions (the API's routes' rule). */
  mayManageActions(caller: ConsoleCaller): Promise<boolean>;
  /** The meetings of the action's committee, newest first: what a due date may be tied to. */
  dueMeetingOptions(caller: ConsoleCaller, actionId: string): Promise<Read<readonly MeetingOption[]>>;
  reopenAction(caller: ConsoleCaller, actionId: string, reason: string, expectedVersion: number): Promise<CommandResult>;
  changeActionDue(caller: ConsoleCaller, actionId: string, change: DueChange, expectedVersion: number): Promise<CommandResult>;
  reassignAction(
    caller: ConsoleCaller,
    actionId: string,
    ownerPostId: string,
    reason: string,
    expectedVersion: number,
  ): Promise<CommandResult>;
  withdrawAction(caller: ConsoleCaller, actionId: string, reason: string, expectedVersion: number): Promise<CommandResult>;
  /** Whether the caller may create posts, appoint and vacate holders, and register people. */
  mayManageDirectory(caller: ConsoleCaller): Promise<boolean>;
  /** A page of the posts after the `nextAfter` given (the first without), or with `all` up to 1000 for a select. */
  posts(caller: ConsoleCaller, after?: string): Promise<Read<ListPage<PostEntry>>>;
  post(caller: ConsoleCaller, postId: string): Promise<Read<PostDetail>>;
  createPost(caller: ConsoleCaller, post: NewPost): Promise<CommandResult>;
  appointPostHolder(caller: ConsoleCaller, postId: string, personId: string, expectedVersion: number): Promise<CommandResult>;
  vacatePost(caller: ConsoleCaller, postId: string, expectedVersion: number): Promise<CommandResult>;
  /** As `posts`: a page after `nextAfter`, or with `all` up to 1000 for a select. */
  people(caller: ConsoleCaller, after?: string): Promise<Read<ListPage<PersonEntry>>>;
  registerPerson(caller: ConsoleCaller, person: NewPerson): Promise<CommandResult>;
}
