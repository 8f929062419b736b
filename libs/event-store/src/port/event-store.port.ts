/** The one port every event-store adapter implements (embedded PGlite, PostgreSQL, KurrentDB). */

export type ExpectedVersion = number | 'no_stream' | 'stream_exists' | 'any';

export interface EventMetadata {
  readonly actor?: { readonly id: string; readonly name?: string; readonly roles?: readonly string[] };
  readonly correlationId?: string;
  readonly causationId?: string;
  readonly requestId?: string;
  readonly [key: string]: unknown;
}

/** What a caller hands to appendToStream. */
export interface NewEvent {
  readonly eventId: string;
  readonly type: string;
  readonly data: Record<string, unknown>;
  readonly metadata?: EventMetadata;
  /** Defaults to the upcaster registry's current version for the type (1 when unregistered). */
  readonly schemaVersion?: number;
}

export interface StoredEvent {
  readonly eventId: string;
  readonly streamId: string;
  readonly streamVersion: number;
  /** Monotonic, commit-safe, not dense: readers never see a lower position appear later. */
  readonly globalPosition: number;
  readonly type: string;
  readonly schemaVersion: number;
  readonly data: Record<string, unknown>;
  readonly metadata: EventMetadata;
  readonly recordedAt: Date;
  readonly hash: string;
  readonly prevHash: string | null;
}

export interface AppendResult {
  readonly streamId: string;
  /** The stream's version after the append (version of its last event). */
  readonly nextExpectedVersion: number;
  /** Global position of the last event written. */
  readonly lastPosition: number;
  /** True when the events were already stored by an earlier identical append. */
  readonly idempotentReplay: boolean;
}

export interface ReadStreamOptions {
  readonly fromVersion?: number;
  /** Only events recorded at or before this instant: the stream as it stood then. */
  readonly asOf?: Date;
  readonly maxCount?: number;
}

export interface ReadAllResult {
  readonly events: readonly StoredEvent[];
  /** Pass back as `after` to continue; equals `after` when nothing new is committed. */
  readonly lastPosition: number;
}

export interface VerifyProgress {
  readonly checkedEvents: number;
}

export interface BrokenLink {
  readonly streamId: string;
  readonly streamVersion: number;
  readonly eventId: string | null;
  readonly globalPosition: number | null;
  readonly reason: 'hash-mismatch' | 'chain-broken' | 'version-gap' | 'stream-head-mismatch';
}

/** An event in the log the store did not write (KurrentDB: no envelope in its metadata), so it cannot vouch for it. */
export interface ForeignEvent {
  readonly streamId: string;
  readonly streamVersion: number;
  readonly eventId: string;
  readonly globalPosition: number;
  readonly type: string;
}

export interface VerifyResult {
  readonly ok: boolean;
  readonly checkedEvents: number;
  readonly checkedStreams: number;
  readonly firstBroken?: BrokenLink;
  /** Events skipped as not the store's own (only a store that can hold them reports this); not part of any chain. */
  readonly foreignEvents?: { readonly count: number; readonly first: ForeignEvent };
}

export interface EventStore {
  appendToStream(streamId: string, events: readonly NewEvent[], options?: { expectedVersion?: ExpectedVersion }): Promise<AppendResult>;
  readStream(streamId: string, options?: ReadStreamOptions): Promise<readonly StoredEvent[]>;
  /** The event stored under this id, whatever its stream, or undefined when no append has stored it. */
  findEvent(eventId: string): Promise<StoredEvent | undefined>;
  /** Current version of a stream, or 0 when it does not exist. */
  streamVersion(streamId: string): Promise<number>;
  /**
   * The stream's version when this store knows it without reading, else undefined. Only a store that is the one
   * writer of its storage can know it (the embedded store: its data folder is locked to this process).
   */
  knownStreamVersion(streamId: string): number | undefined;
  readAll(after: number, limit: number): Promise<ReadAllResult>;
  /** Highest position a reader can safely see now. */
  headPosition(): Promise<number>;
  verify(onProgress?: (p: VerifyProgress) => void): Promise<VerifyResult>;
  /** Resolves when new events may be available (LISTEN/NOTIFY, or the adapter's own push), or after timeoutMs. */
  waitForEvents(timeoutMs: number): Promise<void>;
  close(): Promise<void>;
}
