import type { SqlDatabase, SqlQueryable } from '#event-store';
import { leaderLockFor } from '../engine/leader-lock.js';
import type { Projection } from '../engine/projection.js';
import { checkpointNameOf } from '../engine/checkpoint-name.js';
import { createTables, dropTablesSql, physicalName } from '../engine/table-sql.js';

/** Tables built from zero beside the live ones, then swapped in. */
export const REBUILD_GENERATION = 'rebuild';
/** Tables built from zero beside the live ones up to the live checkpoint, compared, then dropped. */
export const VERIFY_GENERATION = 'verify';

export class GenerationBusyError extends Error {
  constructor(projection: string) {
    super(`Another rebuild or verify of projection ${projection} is running`);
    this.name = 'GenerationBusyError';
  }
}

/** Projections with a rebuild or verify under way in this process, per database (PGlite's lock is the process itself). */
const underWay = new WeakMap<SqlDatabase, Set<string>>();

/** One rebuild or verify per projection at a time, across processes: they share the generation tables' lock. */
export async function withGenerationLock<T>(db: SqlDatabase, projection: Projection, work: () => Promise<T>): Promise<T> {
  const here = underWay.get(db) ?? new Set<string>();
  underWay.set(db, here);
  if (here.has(projection.name)) throw new GenerationBusyError(projection.name);
  here.add(projection.name);
  const lock = leaderLockFor(db, `${projection.name}:${REBUILD_GENERATION}`);
  try {
    if (!(await lock.tryAcquire())) throw new GenerationBusyError(projection.name);
    return await work();
  } finally {
    here.delete(projection.name);
    await lock.release();
  }
}

/**
 * Empty tables for a generation, with no checkpoint: whatever an interrupted run left is thrown away. They
 * have their primary keys only: a rebuild adds the other indexes once loaded, a verify never needs them.
 */
export async function resetGeneration(db: SqlDatabase, projection: Projection, generation: string): Promise<void> {
  await db.transaction(async (tx) => {
    for (const sql of dropTablesSql(projection, generation)) await tx.query(sql);
    await tx.query('DELETE FROM checkpoints WHERE name = $1', [checkpointNameOf(projection, generation)]);
    await createTables(tx, projection, generation, { indexes: false });
  });
}

export async function dropGeneration(db: SqlDatabase, projection: Projection, generation: string): Promise<void> {
  await db.transaction(async (tx) => {
    for (const sql of dropTablesSql(projection, generation)) await tx.query(sql);
    await tx.query('DELETE FROM checkpoints WHERE name = $1', [checkpointNameOf(projection, generation)]);
  });
}

/** The generation's tables that exist now (the live ones are missing before the first start). */
export async function existingTables(tx: SqlQueryable, projection: Projection, generation: string): Promise<string[]> {
  const names = projection.tables.map((table) => physicalName(table, generation));
  const { rows } = await tx.query<{ name: string }>(
    'SELECT value AS name FROM jsonb_array_elements_text($1::jsonb) WHERE to_regclass(value) IS NOT NULL',
    [JSON.stringify(names)],
  );
  const existing = new Set(rows.map((row) => row.name));
  return names.filter((name) => existing.has(name));
}

/**
 * Holds a checkpoint row until the transaction ends, so no runner can commit a batch meanwhile; a missing
 * row is created at 0, which is what a missing checkpoint means.
 */
export async function lockCheckpoint(tx: SqlQueryable, name: string): Promise<number> {
  await tx.query('INSERT INTO checkpoints (name, position) VALUES ($1, 0) ON CONFLICT (name) DO NOTHING', [name]);
  const { rows } = await tx.query<{ position: string }>('SELECT position::text AS position FROM checkpoints WHERE name = $1 FOR UPDATE', [
    name,
  ]);
  return Number(rows[0]?.position ?? 0);
}
