import type { ActionLogLine } from './action-log-docx.js';
import type { CommandResult, ConsoleCaller, Read } from './console-gateway.js';

export interface CommitteeEntry {
  readonly committeeId: string;
  readonly name: string;
}

export interface CommitteeMeetingEntry {
  readonly meetingId: string;
  readonly date: string;
  readonly title?: string | undefined;
  readonly itemCount: number;
}

/** Where the committee's overdue actions are escalated: the post's holder is emailed `afterDays` after the due date. */
export interface CommitteeEscalationEntry {
  readonly postId: string;
  readonly postTitle: string;
  readonly afterDays: number;
}

export interface EscalationInput {
  readonly escalationPostId: string;
  readonly afterDays: number;
}

export interface CommitteePage {
  readonly committee: CommitteeEntry;
  /** Newest first. */
  readonly meetings: readonly CommitteeMeetingEntry[];
  /** Null until staff set it. */
  readonly escalation: CommitteeEscalationEntry | null;
  /** The committee stream's version: what the escalation form sends back. */
  readonly version: number;
}

export interface ActionLogView {
  readonly committee: CommitteeEntry;
  /** The UK date overdue is judged on. */
  readonly overdueOn: string;
  /** By meeting date, then ref: the whole log. */
  readonly rows: readonly ActionLogLine[];
}

/** What the action log's filter form asks for; an empty value keeps every row. */
export interface ActionLogFilters {
  /** One of the Status column's values (open, overdue, completed, complete, withdrawn). */
  readonly status: string;
  readonly overdueOnly: boolean;
  readonly meeting: string;
}

export interface ActionLogPageRequest {
  readonly filters?: ActionLogFilters | undefined;
  /** Opaque, from the previous page's nextCursor; a cursor that is not one of ours is not found. */
  readonly cursor?: string | undefined;
}

export interface ActionLogPage {
  readonly committee: CommitteeEntry;
  /** The UK date overdue is judged on. */
  readonly overdueOn: string;
  /** One page of the rows the filters keep, by meeting date, then ref. */
  readonly rows: readonly ActionLogLine[];
  readonly nextCursor: string | null;
  /** The committee's meetings, oldest first, for the meeting filter. */
  readonly meetings: readonly { readonly meetingId: string; readonly date: string }[];
}

export interface ActionLogCsv {
  readonly fileName: string;
  readonly csv: string;
}

export interface ChaseListEntry {
  readonly actionId: string;
  readonly ref: string;
  readonly title: string;
  readonly committee: string;
  readonly ownerPost: string;
  readonly holder: string | null;
  readonly dueOn: string;
  readonly daysOverdue: number;
  readonly lastChasedAt: string | null;
  readonly chaseCount: number;
}

export interface ChaseListView {
  /** The UK date overdue is judged on (today). */
  readonly asOf: string;
  /** One page, most overdue first. */
  readonly actions: readonly ChaseListEntry[];
  readonly nextCursor: string | null;
}

/** What the scrutiny staff's pages need: committees, the action log, the chase list, chasing and signing off. */
export interface ScrutinyGateway {
  committees(caller: ConsoleCaller): Promise<Read<readonly CommitteeEntry[]>>;
  committee(caller: ConsoleCaller, committeeId: string): Promise<Read<CommitteePage>>;
  /** A page of the log, filtered in the query. */
  actionLog(caller: ConsoleCaller, committeeId: string, pageRequest?: ActionLogPageRequest): Promise<Read<ActionLogPage>>;
  /** The whole log, for the Word document. */
  wholeActionLog(caller: ConsoleCaller, committeeId: string): Promise<Read<ActionLogView>>;
  /** The API's own CSV of the whole log. */
  actionLogCsv(caller: ConsoleCaller, committeeId: string): Promise<Read<ActionLogCsv>>;
  chaseList(caller: ConsoleCaller, cursor?: string): Promise<Read<ChaseListView>>;
  /** Whether the caller may chase and sign off actions (the API's routes' rule). */
  mayChaseAndSignOff(caller: ConsoleCaller): Promise<boolean>;
  /** Unconditional: a chase does not depend on what the owner reported since the list was read. */
  chaseAction(caller: ConsoleCaller, actionId: string, note: string): Promise<CommandResult>;
  signOffAction(caller: ConsoleCaller, actionId: string, note: string, expectedVersion: number): Promise<CommandResult>;
  /** The most days overdue an escalation may wait (the domain's limit, from the API). */
  readonly maxEscalationDays: number;
  /** Whether the caller may set a committee's escalation (the API's route's rule). */
  maySetEscalation(caller: ConsoleCaller): Promise<boolean>;
  setEscalation(caller: ConsoleCaller, committeeId: string, input: EscalationInput, expectedVersion: number): Promise<CommandResult>;
}
