import type { SqlQueryable } from '#event-store';
import type { Projection } from './projection.js';

/** The live tables were swapped for another version's while this runner applied a batch: it rolled back. */
export class ProjectionVersionMovedError extends Error {
  constructor(
    readonly projection: string,
    readonly ownVersion: number,
    readonly storedVersion: number | undefined,
  ) {
    super(`Projection ${projection}: the live tables are at version ${storedVersion ?? 'none'}, this runner applies version ${ownVersion}`);
    this.name = 'ProjectionVersionMovedError';
  }
}

/** The version the live tables were built by, or undefined before the first start. */
export async function storedVersion(db: SqlQueryable, name: string): Promise<number | undefined> {
  const { rows } = await db.query<{ version: number }>('SELECT version FROM projection_versions WHERE name = $1', [name]);
  return rows[0] === undefined ? undefined : Number(rows[0].version);
}

/**
 * Throws unless the live tables belong to the projection's version. A batch calls it after moving its checkpoint:
 * every version change (the swap) locks that checkpoint row first, so once the batch holds it, the version read
 * here cannot change before the batch commits.
 */
export async function confirmVersion(tx: SqlQueryable, projection: Projection): Promise<void> {
  const stored = await storedVersion(tx, projection.name);
  if (stored !== projection.version) throw new ProjectionVersionMovedError(projection.name, projection.version, stored);
}
