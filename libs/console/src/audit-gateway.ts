import type { ConsoleCaller, FieldProblem, Read } from './console-gateway.js';

/** One stored event as the audit pages show it: who, what, when (both clocks) and in which request. */
export interface AuditEntry {
  readonly globalPosition: number;
  readonly streamId: string;
  readonly streamVersion: number;
  readonly type: string;
  readonly occurredAt: string;
  readonly recordedAt: string;
  readonly actor: { readonly id: string; readonly name: string | null } | null;
  readonly correlationId: string | null;
}

export interface AuditSearch {
  /** A stream name or a record's own id. */
  readonly stream?: string | undefined;
  readonly actorId?: string | undefined;
  readonly type?: string | undefined;
  /** Instants (ISO 8601): recorded at or after `from`, before `to`. */
  readonly from?: string | undefined;
  readonly to?: string | undefined;
  /** The global position the previous page ended at. */
  readonly after?: string | undefined;
}

export interface AuditEntriesPage {
  readonly events: readonly AuditEntry[];
  readonly nextAfter: number | null;
}

export interface StreamEntries {
  readonly streamId: string;
  readonly version: number;
  readonly events: readonly AuditEntry[];
}

/** A record folded from its stream up to an instant: its fields as text, in the order the record holds them. */
export type RecordAsOf =
  | { readonly exists: false; readonly streamId: string; readonly asOf: string }
  | {
      readonly exists: true;
      readonly streamId: string;
      readonly asOf: string;
      readonly version: number;
      readonly fields: readonly { readonly name: string; readonly value: string }[];
    };

export interface VerifyOutcome {
  readonly ok: boolean;
  readonly checkedEvents: number;
  readonly checkedStreams: number;
  readonly firstBroken?:
    | { readonly streamId: string; readonly streamVersion: number; readonly globalPosition: number | null; readonly reason: string }
    | undefined;
}

export type AuditSearchResult = Read<AuditEntriesPage> | { readonly kind: 'invalid'; readonly errors: readonly FieldProblem[] };

/** The monitoring officer's pages: the audit search, a record's history and as-of state, and the log's verification. */
export interface AuditGateway {
  searchAudit(caller: ConsoleCaller, search: AuditSearch): Promise<AuditSearchResult>;
  /** Every event of the stream named (or of the record whose own id it is), in version order. */
  streamEntries(
    caller: ConsoleCaller,
    streamOrRecordId: string,
  ): Promise<Read<StreamEntries> | { readonly kind: 'ambiguous'; readonly streams: readonly string[] }>;
  recordAsOf(caller: ConsoleCaller, streamId: string, asOf: string): Promise<Read<RecordAsOf>>;
  /** Whether the caller may verify the log, asked before the form is shown. */
  mayVerify(caller: ConsoleCaller): Promise<Read<true>>;
  verifyLog(caller: ConsoleCaller, onProgress?: (checkedEvents: number) => void): Promise<Read<VerifyOutcome>>;
}
