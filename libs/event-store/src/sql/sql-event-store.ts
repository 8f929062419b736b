import { canonicalJson } from '../hashing/canonical-json.js';
import { ConcurrencyError, DuplicateEventIdError, InvalidAppendError } from '../port/errors.js';
import type {
  AppendResult,
  EventStore,
  ExpectedVersion,
  NewEvent,
  ReadAllResult,
  ReadStreamOptions,
  StoredEvent,
  VerifyProgress,
  VerifyResult,
} from '../port/event-store.port.js';
import { UpcasterRegistry } from '../upcasting/upcaster-registry.js';
import { APPEND_EVENTS, APPEND_ONE_TO_EXISTING_STREAM, chainedRows, REFUSAL_FACTS, type StreamHead } from './append-statement.js';
import { assertAppendable, EVENTS_PER_APPEND_BITS, UUID } from './append-validation.js';
import { eventStoreMigrations, migrate } from './migrations.js';
import { pgErrorOf, type SqlDatabase } from './sql-database.js';
import { StreamHeadCache } from './stream-head-cache.js';
import { EVENT_COLUMNS, eventFromRow, type StoredEventRow } from './stored-event-row.js';
import { verifyHashChains } from './verify-hash-chains.js';
import { WakeSignal } from './wake-signal.js';

/**
 * Positions are (writing transaction id << 12) + index. Everything below the oldest running transaction's
 * id is final, so a reader that stops there never skips an event that commits later (see README).
 */
const SAFE_HORIZON = `(pg_snapshot_xmin(pg_current_snapshot())::text::bigint << ${EVENTS_PER_APPEND_BITS})`;

/** Other processes hear of new events within this window (their polling is the fallback). */
const NOTIFY_WINDOW_MS = 10;

export interface SqlEventStoreOptions {
  readonly upcasters?: UpcasterRegistry;
  readonly clock?: () => Date;
  /** No other process or store writes to these tables (the embedded store's locked data folder): its stream heads are the truth. */
  readonly soleWriter?: boolean;
}

/** The event store over SQL, shared by the embedded (PGlite) and PostgreSQL adapters. */
export class SqlEventStore implements EventStore {
  readonly upcasters: UpcasterRegistry;
  private readonly clock: () => Date;
  private readonly soleWriter: boolean;
  private readonly signal = new WakeSignal();
  private readonly heads = new StreamHeadCache();
  private readonly channel: string;
  private notifyTimer: NodeJS.Timeout | undefined;
  private unlisten: (() => Promise<void>) | undefined;

  constructor(
    readonly db: SqlDatabase,
    options: SqlEventStoreOptions = {},
  ) {
    this.upcasters = options.upcasters ?? new UpcasterRegistry();
    this.clock = options.clock ?? (() => new Date());
    this.soleWriter = options.soleWriter ?? false;
    this.channel = `at_events_${('schema' in db ? String((db as { schema: string }).schema) : 'public').slice(0, 50)}`;
  }

  /** Applies the migrations and starts listening for other processes' appends. */
  async init(): Promise<this> {
    await migrate(this.db, eventStoreMigrations);
    this.unlisten = await this.db.listen(this.channel, () => this.signal.wake());
    return this;
  }

  async appendToStream(
    streamId: string,
    events: readonly NewEvent[],
    options: { expectedVersion?: ExpectedVersion } = {},
  ): Promise<AppendResult> {
    assertAppendable(streamId, events);
    const expected = options.expectedVersion ?? 'any';
    for (let attempt = 0; ; attempt++) {
      try {
        const head = await this.headFor(streamId, expected);
        if (!head) return await this.refuse(streamId, events, expected);
        const result = await this.appendAt(streamId, events, head);
        if (result) {
          this.announce();
          return result;
        }
        this.heads.forget(streamId);
        // `any` and `stream_exists` only lost a race to another writer: try again on the new head.
        if ((expected === 'any' || expected === 'stream_exists') && attempt < 10) continue;
        return await this.refuse(streamId, events, expected);
      } catch (error) {
        // Already decided by `refuse`, replay included.
        if (error instanceof ConcurrencyError || error instanceof DuplicateEventIdError) throw error;
        // Whether it landed is unknown here: the head is read again next time.
        this.heads.forget(streamId);
        const replay = await this.replayIfAlreadyStored(streamId, events, error);
        if (replay) return replay;
        const { code } = pgErrorOf(error);
        if (code === '23505') throw new ConcurrencyError(streamId, expected, await this.streamVersion(streamId));
        if (code?.startsWith('22'))
          throw new InvalidAppendError('Event data cannot be stored as JSON (e.g. a NUL character or a lone surrogate)');
        throw error;
      }
    }
  }

  /**
   * The head an append must find: known without a query for a new stream or a version this process has seen.
   * Undefined when the stream cannot be at the expected version.
   */
  private async headFor(streamId: string, expected: ExpectedVersion): Promise<StreamHead | undefined> {
    if (expected === 'no_stream' || expected === 0) return { version: 0, hash: null };
    const cached = this.heads.get(streamId);
    if (typeof expected === 'number' && cached) {
      if (cached.version === expected) return cached;
      // Versions only grow and the cache holds one this process saw stored: the stream is past `expected`.
      if (cached.version > expected) return undefined;
    }
    const { rows } = await this.db.query<{ version: number; last_hash: string }>(
      'SELECT version, last_hash FROM streams WHERE stream_id = $1',
      [streamId],
      { prepareAs: 'actiontrail_head' },
    );
    const head = rows[0] ? { version: Number(rows[0].version), hash: rows[0].last_hash } : { version: 0, hash: null };
    const mismatch = typeof expected === 'number' ? head.version !== expected : expected === 'stream_exists' && head.version === 0;
    return mismatch ? undefined : head;
  }

  /** An append the head refused: the first one's answer if it is a retry of one that landed, else a ConcurrencyError. */
  private async refuse(streamId: string, events: readonly NewEvent[], expected: ExpectedVersion): Promise<AppendResult> {
    const { rows } = await this.db.query<{ version: number; known_ids: boolean }>(
      REFUSAL_FACTS,
      [streamId, events.map((e) => e.eventId.toLowerCase())],
      { prepareAs: 'actiontrail_refusal' },
    );
    const facts = rows[0];
    if (facts?.known_ids) {
      const replay = await this.replayOf(streamId, events);
      if (replay) return replay;
    }
    throw new ConcurrencyError(streamId, expected, Number(facts?.version ?? 0));
  }

  /** Undefined when the head moved under us. */
  private async appendAt(streamId: string, events: readonly NewEvent[], head: StreamHead): Promise<AppendResult | undefined> {
    const recordedAt = this.clock();
    const { rows, lastHash, version } = chainedRows(streamId, events, head, recordedAt, this.upcasters);
    const lastPosition = await this.insertChained(streamId, rows, recordedAt, { version, hash: lastHash }, head);
    if (lastPosition === undefined) return undefined;
    this.heads.remember(streamId, { version, hash: lastHash });
    return { streamId, nextExpectedVersion: version, lastPosition: Number(lastPosition), idempotentReplay: false };
  }

  /** The last position written, or undefined when the head was no longer `before`. */
  private async insertChained(
    streamId: string,
    rows: ReturnType<typeof chainedRows>['rows'],
    recordedAt: Date,
    after: StreamHead,
    before: StreamHead,
  ): Promise<string | undefined> {
    const [only] = rows;
    if (rows.length === 1 && only && before.version > 0 && before.hash !== null) {
      const { rows: result } = await this.db.query<{ last_position: string }>(
        APPEND_ONE_TO_EXISTING_STREAM,
        [
          streamId,
          recordedAt.toISOString(),
          after.version,
          after.hash,
          before.version,
          before.hash,
          only.event_id,
          only.type,
          only.schema_version,
          JSON.stringify(only.data),
          JSON.stringify(only.metadata),
        ],
        { prepareAs: 'actiontrail_append_one' },
      );
      return result[0]?.last_position;
    }
    const { rows: result } = await this.db.query<{ last_position: string | null }>(
      APPEND_EVENTS,
      [JSON.stringify(rows), streamId, recordedAt.toISOString(), after.version, after.hash, before.version, before.hash],
      { prepareAs: 'actiontrail_append' },
    );
    return result[0]?.last_position ?? undefined;
  }

  /** After a unique violation: the first append's answer if this one is a retry of it. */
  private async replayIfAlreadyStored(streamId: string, events: readonly NewEvent[], cause: unknown): Promise<AppendResult | undefined> {
    return pgErrorOf(cause).code === '23505' ? this.replayOf(streamId, events) : undefined;
  }

  /** A retry of an append that already landed answers as the first one did; a reused id with new content is refused. */
  private async replayOf(streamId: string, events: readonly NewEvent[]): Promise<AppendResult | undefined> {
    const ids = events.map((e) => e.eventId.toLowerCase());
    const { rows } = await this.db.query<StoredEventRow>(
      `SELECT ${EVENT_COLUMNS} FROM events WHERE event_id IN (SELECT value::uuid FROM jsonb_array_elements_text($1::jsonb))`,
      [JSON.stringify(ids)],
    );
    if (rows.length === 0) return undefined;
    const byId = new Map(rows.map((r) => [String(r.event_id), r]));
    for (const [index, event] of events.entries()) {
      const row = byId.get(ids[index] ?? '');
      const same = row && row.stream_id === streamId && row.type === event.type && canonicalJson(row.data) === canonicalJson(event.data);
      if (!same) throw new DuplicateEventIdError(row ? event.eventId : (rows[0]?.event_id ?? event.eventId));
    }
    const last = rows.reduce((a, b) => (Number(a.stream_version) > Number(b.stream_version) ? a : b));
    return {
      streamId,
      nextExpectedVersion: Number(last.stream_version),
      lastPosition: Number(last.global_position),
      idempotentReplay: true,
    };
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<readonly StoredEvent[]> {
    const { rows } = await this.db.query<StoredEventRow>(
      `SELECT ${EVENT_COLUMNS} FROM events
       WHERE stream_id = $1 AND stream_version >= $2 AND ($3::timestamptz IS NULL OR recorded_at <= $3::timestamptz)
       ORDER BY stream_version LIMIT $4`,
      [streamId, options.fromVersion ?? 1, options.asOf?.toISOString() ?? null, options.maxCount ?? 1_000_000],
      { prepareAs: 'actiontrail_read_stream' },
    );
    const events = rows.map((row) => eventFromRow(row, this.upcasters));
    const last = events.at(-1);
    // Only a read that reached the stream's end has read its head.
    const toTheEnd = !options.asOf && (options.maxCount === undefined || events.length < options.maxCount);
    if (last && toTheEnd) this.heads.rememberIfNewer(streamId, { version: last.streamVersion, hash: last.hash });
    return events;
  }

  async findEvent(eventId: string): Promise<StoredEvent | undefined> {
    if (!UUID.test(eventId)) return undefined;
    const { rows } = await this.db.query<StoredEventRow>(`SELECT ${EVENT_COLUMNS} FROM events WHERE event_id = $1::uuid`, [eventId]);
    return rows[0] ? eventFromRow(rows[0], this.upcasters) : undefined;
  }

  async streamVersion(streamId: string): Promise<number> {
    const { rows } = await this.db.query<{ version: number }>('SELECT version FROM streams WHERE stream_id = $1', [streamId], {
      prepareAs: 'actiontrail_stream_version',
    });
    return rows[0] ? Number(rows[0].version) : 0;
  }

  knownStreamVersion(streamId: string): number | undefined {
    return this.soleWriter ? this.heads.get(streamId)?.version : undefined;
  }

  async readAll(after: number, limit: number): Promise<ReadAllResult> {
    const { rows } = await this.db.query<StoredEventRow>(
      // The page is cut first on the primary key, then to the safe horizon: an expression bound would make
      // the planner (without statistics, as in PGlite) scan and sort everything after the cursor.
      `WITH page AS MATERIALIZED (SELECT ${EVENT_COLUMNS} FROM events WHERE global_position > $1 ORDER BY global_position LIMIT $2)
       SELECT * FROM page WHERE global_position < ${SAFE_HORIZON} ORDER BY global_position`,
      [after, limit],
      { prepareAs: 'actiontrail_read_all' },
    );
    const events = rows.map((row) => eventFromRow(row, this.upcasters));
    return { events, lastPosition: events.at(-1)?.globalPosition ?? after };
  }

  async headPosition(): Promise<number> {
    const { rows } = await this.db.query<{ head: string | null }>(
      `SELECT max(global_position)::text AS head FROM events WHERE global_position < ${SAFE_HORIZON}`,
    );
    return Number(rows[0]?.head ?? 0);
  }

  verify(onProgress?: (p: VerifyProgress) => void): Promise<VerifyResult> {
    return verifyHashChains(this.db, onProgress);
  }

  waitForEvents(timeoutMs: number): Promise<void> {
    return this.signal.wait(timeoutMs);
  }

  async close(): Promise<void> {
    clearTimeout(this.notifyTimer);
    this.notifyTimer = undefined;
    await this.unlisten?.();
    this.signal.wake();
    await this.db.close();
  }

  /** Wakes local readers at once, and other processes by one NOTIFY per short window, so a write burst sends few. */
  private announce(): void {
    this.signal.wake();
    if (this.notifyTimer) return;
    this.notifyTimer = setTimeout(() => {
      this.notifyTimer = undefined;
      void this.db.notify(this.channel).catch(() => undefined);
    }, NOTIFY_WINDOW_MS);
    this.notifyTimer.unref();
  }
}
