import type { EventStore, StoredEvent } from '../port/event-store.port.js';
import type { SqlDatabase, SqlQueryable } from '../sql/sql-database.js';

export interface CatchUpOptions {
  /** Checkpoint name: one per projection or relay. */
  readonly name: string;
  readonly store: EventStore;
  /** Where the checkpoint lives, and the transaction the handler's writes share with it. */
  readonly checkpoints: SqlDatabase;
  readonly handle: (events: readonly StoredEvent[], tx: SqlQueryable) => Promise<void>;
  readonly batchSize?: number;
  /** Longest sleep between polls when nothing wakes the subscription earlier. */
  readonly idleWaitMs?: number;
  readonly onError?: (error: unknown) => void;
  /**
   * Reads the next page while the handler applies this one (a rebuild, where both sides are busy). An empty
   * read-ahead is never trusted: events may have come since, so the next call reads again.
   */
  readonly readAhead?: boolean;
  /**
   * Runs in the batch's transaction once the checkpoint has moved, before the commit: throwing rolls the batch
   * back (a projection runner checks there that the tables still belong to the version it applies).
   */
  readonly confirm?: (tx: SqlQueryable) => Promise<void>;
}

type Page = Awaited<ReturnType<EventStore['readAll']>>;

/** Another process moved this checkpoint: this runner's batch was rolled back and it must re-read. */
export class CheckpointMovedError extends Error {
  constructor(readonly checkpointName: string) {
    super(`Checkpoint ${checkpointName} was moved by another runner`);
  }
}

export async function readCheckpoint(db: SqlQueryable, name: string): Promise<number> {
  return (await readStoredCheckpoint(db, name)) ?? 0;
}

/** The checkpoint's position, or null when it has no row (which a compare-and-set must tell apart from 0). */
export async function readStoredCheckpoint(db: SqlQueryable, name: string): Promise<number | null> {
  const { rows } = await db.query<{ position: string }>('SELECT position::text AS position FROM checkpoints WHERE name = $1', [name]);
  return rows[0] ? Number(rows[0].position) : null;
}

/**
 * Moves a checkpoint from the value read, or answers false: an existing row only from its position, a missing
 * row only while it is still missing (a row deleted meanwhile, e.g. by a reset, is never re-created at a stale position).
 */
export async function moveCheckpoint(tx: SqlQueryable, name: string, expected: number | null, to: number): Promise<boolean> {
  const moved =
    expected === null
      ? await tx.query(
          'INSERT INTO checkpoints (name, position, updated_at) VALUES ($1, $2, now()) ON CONFLICT (name) DO NOTHING RETURNING name',
          [name, to],
        )
      : await tx.query('UPDATE checkpoints SET position = $2, updated_at = now() WHERE name = $1 AND position = $3 RETURNING name', [
          name,
          to,
          expected,
        ]);
  return moved.rows.length > 0;
}

/**
 * Follows the global log from a stored checkpoint. Each batch and its checkpoint commit together,
 * and the checkpoint only moves from the value this runner read, so every event takes effect exactly once.
 */
export class CatchUpSubscription {
  /** The stored checkpoint as last read or written: undefined before reading, null for a missing row. */
  private stored: number | null | undefined;
  private running = false;
  private loop: Promise<void> | undefined;
  private ahead: { readonly from: number; readonly page: Promise<Page> } | undefined;

  constructor(private readonly options: CatchUpOptions) {}

  get checkpoint(): number | undefined {
    return this.stored === undefined ? undefined : (this.stored ?? 0);
  }

  /** Reads the stored checkpoint again before the next batch (someone else moved it, e.g. a swap). */
  forgetPosition(): void {
    this.stored = undefined;
    this.ahead = undefined;
  }

  /** Processes at most one batch; answers how many events it applied. */
  async runOnce(): Promise<number> {
    const { name, store, checkpoints, handle, confirm } = this.options;
    if (this.stored === undefined) this.stored = await readStoredCheckpoint(checkpoints, name);
    const expected = this.stored;
    const { events, lastPosition } = await this.read(store, expected ?? 0);
    if (events.length === 0) return 0;
    if (this.options.readAhead) this.readAhead(store, lastPosition);
    try {
      await checkpoints.transaction(async (tx) => {
        await handle(events, tx);
        if (!(await moveCheckpoint(tx, name, expected, lastPosition))) throw new CheckpointMovedError(name);
        await confirm?.(tx);
      });
    } catch (error) {
      this.forgetPosition();
      throw error;
    }
    this.stored = lastPosition;
    return events.length;
  }

  private async read(store: EventStore, from: number): Promise<Page> {
    const ahead = this.ahead;
    this.ahead = undefined;
    if (ahead?.from === from) {
      const page = await ahead.page.catch(() => undefined);
      if (page && page.events.length > 0) return page;
    }
    return store.readAll(from, this.options.batchSize ?? 500);
  }

  private readAhead(store: EventStore, from: number): void {
    const page = store.readAll(from, this.options.batchSize ?? 500);
    page.catch(() => undefined);
    this.ahead = { from, page };
  }

  /** Runs until every committed event is applied. */
  async catchUp(): Promise<void> {
    while ((await this.runOnce()) > 0);
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = (async () => {
      while (this.running) {
        try {
          const applied = await this.runOnce();
          if (applied === 0) await this.options.store.waitForEvents(this.options.idleWaitMs ?? 1_000);
        } catch (error) {
          this.options.onError?.(error);
          await new Promise((resolve) => setTimeout(resolve, 500));
        }
      }
    })();
  }

  async stop(): Promise<void> {
    this.running = false;
    await this.loop;
  }
}
