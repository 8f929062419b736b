import { canonicalJson } from '../hashing/canonical-json.js';
import { eventHash } from '../hashing/event-hash.js';
import { ConcurrencyError, DuplicateEventIdError, InvalidAppendError } from '../port/errors.js';
import type {
  AppendResult, EventStore, ExpectedVersion, NewEvent, ReadAllResult, ReadStreamOptions, StoredEvent, VerifyProgress, VerifyResult,
} from '../port/event-store.port.js';
import { UpcasterRegistry } from '../upcasting/upcaster-registry.js';
import { assertAppendable, EVENTS_PER_APPEND_BITS } from './append-validation.js';
import { eventStoreMigrations, migrate } from './migrations.js';
import { pgErrorOf, type SqlDatabase, type SqlQueryable } from './sql-database.js';
import { EVENT_COLUMNS, eventFromRow, type StoredEventRow } from './stored-event-row.js';
import { verifyHashChains } from './verify-hash-chains.js';
import { WakeSignal } from './wake-signal.js';

/**
 * Positions are (writing transaction id << 12) + index. Everything below the oldest running transaction's
 * id is final, so a reader that stops there never skips an event that commits later (see README).
 */
const SAFE_HORIZON = `(pg_snapshot_xmin(pg_current_snapshot())::text::bigint << ${EVENTS_PER_APPEND_BITS})`;

const INSERT_EVENTS = `
  WITH new_events AS (
    SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(
      ord int, event_id uuid, stream_version int, type text, schema_version int, data jsonb, metadata jsonb, prev_hash text, hash text)
  ), inserted AS (
    INSERT INTO events (global_position, event_id, stream_id, stream_version, type, schema_version, data, metadata, recorded_at, prev_hash, hash)
    SELECT (pg_current_xact_id()::text::bigint << ${EVENTS_PER_APPEND_BITS}) + ord, event_id, $2, stream_version, type,
           schema_version, data, metadata, $3, prev_hash, hash
    FROM new_events
    RETURNING global_position
  ), head AS (
    INSERT INTO streams (stream_id, version, last_hash, updated_at) VALUES ($2, $4, $5, $3)
    ON CONFLICT (stream_id) DO UPDATE SET version = EXCLUDED.version, last_hash = EXCLUDED.last_hash, updated_at = EXCLUDED.updated_at
  )
  SELECT max(global_position)::text AS last_position FROM inserted`;

export interface SqlEventStoreOptions {
  readonly upcasters?: UpcasterRegistry;
  readonly clock?: () => Date;
}

/** The event store over SQL, shared by the embedded (PGlite) and PostgreSQL adapters. */
export class SqlEventStore implements EventStore {
  readonly upcasters: UpcasterRegistry;
  private readonly clock: () => Date;
  private readonly signal = new WakeSignal();
  private readonly channel: string;
  private notifyInFlight = false;
  private notifyAgain = false;
  private unlisten: (() => Promise<void>) | undefined;

  constructor(readonly db: SqlDatabase, options: SqlEventStoreOptions = {}) {
    this.upcasters = options.upcasters ?? new UpcasterRegistry();
    this.clock = options.clock ?? (() => new Date());
    this.channel = `at_events_${('schema' in db ? String((db as { schema: string }).schema) : 'public').slice(0, 50)}`;
  }

  /** Applies the migrations and starts listening for other processes' appends. */
  async init(): Promise<this> {
    await migrate(this.db, eventStoreMigrations);
    this.unlisten = await this.db.listen(this.channel, () => this.signal.wake());
    return this;
  }

  async appendToStream(streamId: string, events: readonly NewEvent[], options: { expectedVersion?: ExpectedVersion } = {}): Promise<AppendResult> {
    assertAppendable(streamId, events);
    const expected = options.expectedVersion ?? 'any';
    for (let attempt = 0; ; attempt++) {
      try {
        const result = await this.db.transaction((tx) => this.appendInTransaction(tx, streamId, events, expected));
        this.announce();
        return result;
      } catch (error) {
        const replay = await this.replayIfAlreadyStored(streamId, events, error);
        if (replay) return replay;
        const { code } = pgErrorOf(error);
        // Two writers creating one stream with `any`: the loser simply tries again on the new head.
        if (code === '23505' && expected === 'any' && attempt < 5) continue;
        if (code === '23505') throw new ConcurrencyError(streamId, expected, await this.streamVersion(streamId));
        if (code?.startsWith('22')) throw new InvalidAppendError('Event data cannot be stored as JSON (e.g. a NUL character or a lone surrogate)');
        throw error;
      }
    }
  }

  private async appendInTransaction(tx: SqlQueryable, streamId: string, events: readonly NewEvent[], expected: ExpectedVersion): Promise<AppendResult> {
    const { rows } = await tx.query<{ version: number; last_hash: string }>(
      'SELECT version, last_hash FROM streams WHERE stream_id = $1 FOR UPDATE', [streamId]);
    const head = rows[0];
    const current = head ? Number(head.version) : 0;
    const mismatch = typeof expected === 'number' ? current !== expected
      : expected === 'no_stream' ? head !== undefined
      : expected === 'stream_exists' ? head === undefined : false;
    if (mismatch) throw new ConcurrencyError(streamId, expected, current);

    const recordedAt = this.clock();
    let prevHash = head?.last_hash ?? null;
    const rowsToInsert = events.map((event, index) => {
      const schemaVersion = event.schemaVersion ?? this.upcasters.currentVersion(event.type);
      const stored = { eventId: event.eventId.toLowerCase(), streamId, streamVersion: current + index + 1, type: event.type,
        schemaVersion, data: event.data, metadata: event.metadata ?? {}, recordedAt };
      const hash = eventHash(stored, prevHash);
      const row = { ord: index, event_id: stored.eventId, stream_version: stored.streamVersion, type: event.type,
        schema_version: schemaVersion, data: event.data, metadata: stored.metadata, prev_hash: prevHash, hash };
      prevHash = hash;
      return row;
    });
    const version = current + events.length;
    const inserted = await tx.query<{ last_position: string }>(INSERT_EVENTS, [
      JSON.stringify(rowsToInsert), streamId, recordedAt.toISOString(), version, prevHash]);
    return { streamId, nextExpectedVersion: version, lastPosition: Number(inserted.rows[0]?.last_position), idempotentReplay: false };
  }

  /** A retry of an append that already landed answers as the first one did; a reused id with new content is refused. */
  private async replayIfAlreadyStored(streamId: string, events: readonly NewEvent[], cause: unknown): Promise<AppendResult | undefined> {
    if (!(cause instanceof ConcurrencyError) && pgErrorOf(cause).code !== '23505') return undefined;
    const ids = events.map((e) => e.eventId.toLowerCase());
    const { rows } = await this.db.query<StoredEventRow>(
      `SELECT ${EVENT_COLUMNS} FROM events WHERE event_id IN (SELECT value::uuid FROM jsonb_array_elements_text($1::jsonb))`,
      [JSON.stringify(ids)]);
    if (rows.length === 0) return undefined;
    const byId = new Map(rows.map((r) => [String(r.event_id), r]));
    for (const [index, event] of events.entries()) {
      const row = byId.get(ids[index] ?? '');
      const same = row && row.stream_id === streamId && row.type === event.type && canonicalJson(row.data) === canonicalJson(event.data);
      if (!same) throw new DuplicateEventIdError(row ? event.eventId : (rows[0]?.event_id ?? event.eventId));
    }
    const last = rows.reduce((a, b) => (Number(a.stream_version) > Number(b.stream_version) ? a : b));
    return { streamId, nextExpectedVersion: Number(last.stream_version), lastPosition: Number(last.global_position), idempotentReplay: true };
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<readonly StoredEvent[]> {
    const { rows } = await this.db.query<StoredEventRow>(
      `SELECT ${EVENT_COLUMNS} FROM events
       WHERE stream_id = $1 AND stream_version >= $2 AND ($3::timestamptz IS NULL OR recorded_at <= $3::timestamptz)
       ORDER BY stream_version LIMIT $4`,
      [streamId, options.fromVersion ?? 1, options.asOf?.toISOString() ?? null, options.maxCount ?? 1_000_000]);
    return rows.map((row) => eventFromRow(row, this.upcasters));
  }

  async streamVersion(streamId: string): Promise<number> {
    const { rows } = await this.db.query<{ version: number }>('SELECT version FROM streams WHERE stream_id = $1', [streamId]);
    return rows[0] ? Number(rows[0].version) : 0;
  }

  async readAll(after: number, limit: number): Promise<ReadAllResult> {
    const { rows } = await this.db.query<StoredEventRow>(
      `SELECT ${EVENT_COLUMNS} FROM events WHERE global_position > $1 AND global_position < ${SAFE_HORIZON}
       ORDER BY global_position LIMIT $2`,
      [after, limit]);
    const events = rows.map((row) => eventFromRow(row, this.upcasters));
    return { events, lastPosition: events.at(-1)?.globalPosition ?? after };
  }

  async headPosition(): Promise<number> {
    const { rows } = await this.db.query<{ head: string | null }>(
      `SELECT max(global_position)::text AS head FROM events WHERE global_position < ${SAFE_HORIZON}`);
    return Number(rows[0]?.head ?? 0);
  }

  verify(onProgress?: (p: VerifyProgress) => void): Promise<VerifyResult> {
    return verifyHashChains(this.db, onProgress);
  }

  waitForEvents(timeoutMs: number): Promise<void> {
    return this.signal.wait(timeoutMs);
  }

  async close(): Promise<void> {
    await this.unlisten?.();
    this.signal.wake();
    await this.db.close();
  }

  /** Wakes local readers at once and other processes by NOTIFY, coalesced so a write burst sends few. */
  private announce(): void {
    this.signal.wake();
    if (this.notifyInFlight) {
      this.notifyAgain = true;
      return;
    }
    this.notifyInFlight = true;
    void this.db.notify(this.channel).catch(() => undefined).finally(() => {
      this.notifyInFlight = false;
      if (this.notifyAgain) {
        this.notifyAgain = false;
        this.announce();
      }
    });
  }
}
