import { pgErrorOf, readCheckpoint, type EventStore, type SqlDatabase, type SqlQueryable } from '#event-store';
import { applyBatch } from '../engine/apply-batch.js';
import type { Projection } from '../engine/projection.js';
import { checkpointNameOf } from '../engine/checkpoint-name.js';
import { physicalName } from '../engine/table-sql.js';
import { existingTables, lockCheckpoint, REBUILD_GENERATION } from './generations.js';
import { sleep } from './retry.js';
import { chunksOf, eventsForTransaction, readEventsAfter } from './transaction-events.js';

/** How long the swap keeps trying to lock the live tables before it gives up and the rebuild tries again. */
const LOCK_DEADLINE_MS = 10_000;
const LOCK_POLL_MS = 10;
const LOCK_NOT_AVAILABLE = '55P03';
const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

export interface SwapOptions {
  readonly store: EventStore;
  readonly db: SqlDatabase;
  readonly projection: Projection;
  readonly batchSize: number;
  /** Tests only: runs inside the swap once the live tables are locked, before the checkpoints are read. */
  readonly afterLiveTablesLocked?: () => Promise<void>;
}

export interface SwapResult {
  /** The live checkpoint after the swap. */
  readonly position: number;
  /** Events applied inside the swap, after the rebuild caught up. */
  readonly applied: number;
}

/**
 * Replaces the live tables by the rebuilt ones in one transaction. Views and the live runner wait on the
 * lock meanwhile; a live batch that was waiting then finds its checkpoint moved, rolls back, and resumes from
 * the new checkpoint, which is never behind the old one.
 *
 * The tables are locked all at once or not at all (NOWAIT), in a fresh transaction each try: waiting for
 * one while holding others could deadlock with a view joining them, and an ACCESS EXCLUSIVE lock gives the
 * transaction an id, which stops every reader of the event log below it until the transaction ends.
 */
export async function swapInRebuild(options: SwapOptions): Promise<SwapResult> {
  const deadline = Date.now() + LOCK_DEADLINE_MS;
  for (;;) {
    try {
      return await swapOnce(options);
    } catch (error) {
      if (pgErrorOf(error).code !== LOCK_NOT_AVAILABLE || Date.now() >= deadline) throw error;
      await sleep(LOCK_POLL_MS);
    }
  }
}

async function swapOnce(options: SwapOptions): Promise<SwapResult> {
  const { store, db, projection, batchSize } = options;
  const liveName = checkpointNameOf(projection);
  const rebuildName = checkpointNameOf(projection, REBUILD_GENERATION);
  const prefetched = await readEventsAfter(store, await readCheckpoint(db, rebuildName), batchSize);
  return db.transaction(async (tx) => {
    const live = await existingTables(tx, projection, '');
    if (live.length > 0) await tx.query(`LOCK TABLE ${live.join(', ')} IN ACCESS EXCLUSIVE MODE NOWAIT`);
    await options.afterLiveTablesLocked?.();
    const livePosition = await lockCheckpoint(tx, liveName);
    const rebuiltTo = await lockCheckpoint(tx, rebuildName);
    const events = await eventsForTransaction({ store, db, prefetched, after: rebuiltTo, through: livePosition, toHead: true, batchSize });
    for (const chunk of chunksOf(events, batchSize)) await applyBatch(tx, projection, REBUILD_GENERATION, chunk);
    const position = events.at(-1)?.globalPosition ?? rebuiltTo;
    await replaceLiveTables(tx, projection);
    await tx.query('UPDATE checkpoints SET position = $2, updated_at = now() WHERE name = $1', [liveName, position]);
    await tx.query('DELETE FROM checkpoints WHERE name = $1', [rebuildName]);
    await tx.query(
      `INSERT INTO projection_versions (name, version) VALUES ($1, $2)
       ON CONFLICT (name) DO UPDATE SET version = EXCLUDED.version, updated_at = now()`,
      [projection.name, projection.version],
    );
    return { position, applied: events.length };
  });
}

async function replaceLiveTables(tx: SqlQueryable, projection: Projection): Promise<void> {
  for (const table of projection.tables) {
    const live = physicalName(table, '');
    const rebuilt = physicalName(table, REBUILD_GENERATION);
    await tx.query(`DROP TABLE IF EXISTS ${live}`);
    await tx.query(`ALTER TABLE ${rebuilt} RENAME TO ${live}`);
    await renameIndexes(tx, live, rebuilt);
  }
}

/** The rebuilt table's indexes (its primary key among them) take the live names, so the next rebuild finds its names free. */
async function renameIndexes(tx: SqlQueryable, table: string, formerName: string): Promise<void> {
  const { rows } = await tx.query<{ name: string }>(
    'SELECT indexname AS name FROM pg_indexes WHERE schemaname = current_schema() AND tablename = $1',
    [table],
  );
  for (const { name } of rows) {
    if (!name.startsWith(formerName) || !IDENTIFIER.test(name)) continue;
    await tx.query(`ALTER INDEX ${name} RENAME TO ${table}${name.slice(formerName.length)}`);
  }
}
