import type { AccountGateway } from './account-gateway.js';
import type { AuditGateway } from './audit-gateway.js';
import type { MetricsGateway } from './metrics-gateway.js';
import type { RecordingGateway } from './recording-gateway.js';
import type { ScrutinyCycleGateway } from './scrutiny-cycle-gateway.js';
import type { ScrutinyGateway } from './scrutiny-gateway.js';
import type { SignInGateway } from './sign-in/sign-in-gateway.js';
import type { StaffGateway } from './staff-gateway.js';

/** Who is signed in to the console: the person and the roles their sign-in granted. */
export interface ConsolePerson {
  readonly id: string;
  readonly name: string;
  readonly roles: readonly string[];
}

/** A console request acting as the signed-in person, with the request's ids for the events it appends. */
export interface ConsoleCaller {
  readonly person: ConsolePerson;
  readonly correlationId: string;
  readonly requestId: string;
}

export type Refusal = { readonly kind: 'forbidden'; readonly detail: string } | { readonly kind: 'not-found' };

export type Read<T> = { readonly kind: 'ok'; readonly value: T } | Refusal;

export interface FieldProblem {
  readonly field: string;
  readonly message: string;
}

export type CommandResult =
  | { readonly kind: 'done'; readonly version: number }
  | { readonly kind: 'stale'; readonly currentVersion: number }
  | { readonly kind: 'invalid'; readonly errors: readonly FieldProblem[] }
  /** The domain refused it (e.g. completing an action already completed): said to the user as it is. */
  | { readonly kind: 'refused'; readonly detail: string }
  | Refusal;

export interface DirectoryEntry {
  readonly personId: string;
  readonly name: string;
  readonly posts: readonly string[];
}

export interface QueueItem {
  readonly actionId: string;
  readonly ref: string;
  readonly title: string;
  readonly status: string;
  readonly committee: string;
  readonly dueOn: string | null;
  readonly overdue: boolean;
  readonly daysOverdue: number;
  readonly rag: string | null;
  readonly latestUpdate: { readonly note: string; readonly reportedAt: string } | null;
  readonly ownerPost: string;
}

/** Rows on a page of the console's long lists (My actions, the chase list, the action log). */
export const CONSOLE_PAGE_SIZE = 100;

export interface MyQueue {
  readonly posts: readonly string[];
  /** One page, soonest due first. */
  readonly actions: readonly QueueItem[];
  /** Opaque: asks for the page after this one; null on the last page. */
  readonly nextCursor: string | null;
}

export interface ActionHistoryEntry {
  readonly type: string;
  readonly at: string;
  readonly by: string | null;
}

export interface ActionPage {
  readonly actionId: string;
  readonly ref: string;
  readonly title: string;
  readonly description?: string | undefined;
  readonly status: string;
  readonly committee: string;
  readonly ownerPost: string;
  readonly dueOn?: string | undefined;
  readonly overdue: boolean;
  readonly rag?: string | undefined;
  readonly outcome?: string | undefined;
  readonly origin: { readonly partLabel?: string | undefined; readonly partText?: string | undefined };
  readonly updates: readonly { readonly note: string; readonly rag?: string | undefined; readonly reportedAt: string }[];
  readonly chases: readonly { readonly note?: string | undefined; readonly chasedAt: string; readonly chaseNumber: number }[];
  readonly history: readonly ActionHistoryEntry[];
  readonly version: number;
  /** Whether the caller may report progress on it and complete it (the same rule as the API's routes). */
  readonly mayReport: boolean;
}

export interface ProgressInput {
  readonly note: string;
  readonly rag?: string | undefined;
}

export interface CompletionInput {
  readonly outcome: string;
  readonly evidence?: string | undefined;
}

/**
 * What the console's pages need from the application, provided by the app that serves it (apps/api), which runs
 * its own commands and queries on its buses and applies its routes' access rules: the console holds no rule.
 */
export interface ConsoleGateway
  extends
    AuditGateway,
    ScrutinyGateway,
    StaffGateway,
    SignInGateway,
    MetricsGateway,
    RecordingGateway,
    ScrutinyCycleGateway,
    AccountGateway {
  /** The roles a development sign-in may grant. */
  readonly grantableRoles: readonly string[];
  directory(): Promise<readonly DirectoryEntry[]>;
  /** A page of the caller's queue: the first without a cursor; a cursor that is not one of ours is not found. */
  myQueue(caller: ConsoleCaller, cursor?: string): Promise<Read<MyQueue>>;
  action(caller: ConsoleCaller, actionId: string): Promise<Read<ActionPage>>;
  reportProgress(caller: ConsoleCaller, actionId: string, input: ProgressInput, expectedVersion: number): Promise<CommandResult>;
  completeAction(caller: ConsoleCaller, actionId: string, input: CompletionInput, expectedVersion: number): Promise<CommandResult>;
}

export const CONSOLE_GATEWAY = Symbol('ConsoleGateway');
