import type { SqlQueryable } from '#event-store';
import type { Projection, TableSpec } from '../engine/projection.js';
import { physicalName } from '../engine/table-sql.js';

/** Rows of one side that the other side lacks (a changed row counts on both sides), with a few of their keys. */
export interface OneSidedRows {
  readonly count: number;
  readonly sampleKeys: readonly string[];
}

export interface TableComparison {
  /** The live table's name. */
  readonly table: string;
  readonly liveRows: number;
  readonly rebuiltRows: number;
  readonly onlyInLive: OneSidedRows;
  readonly onlyInRebuilt: OneSidedRows;
}

export const differs = (comparison: TableComparison): boolean => comparison.onlyInLive.count > 0 || comparison.onlyInRebuilt.count > 0;

/** Compares every table of a generation with the live one, both ways, over all columns (EXCEPT ALL). */
export async function compareWithLive(
  tx: SqlQueryable,
  projection: Projection,
  generation: string,
  sampleSize = 5,
): Promise<TableComparison[]> {
  const comparisons: TableComparison[] = [];
  for (const table of projection.tables) {
    const live = physicalName(table, '');
    const rebuilt = physicalName(table, generation);
    comparisons.push({
      table: live,
      liveRows: await countRows(tx, live),
      rebuiltRows: await countRows(tx, rebuilt),
      onlyInLive: await rowsMissingFrom(tx, table, live, rebuilt, sampleSize),
      onlyInRebuilt: await rowsMissingFrom(tx, table, rebuilt, live, sampleSize),
    });
  }
  return comparisons;
}

async function countRows(tx: SqlQueryable, table: string): Promise<number> {
  const { rows } = await tx.query<{ count: string }>(`SELECT count(*)::text AS count FROM ${table}`);
  return Number(rows[0]?.count ?? 0);
}

async function rowsMissingFrom(tx: SqlQueryable, spec: TableSpec, from: string, other: string, sampleSize: number): Promise<OneSidedRows> {
  const columns = Object.keys(spec.columns).join(', ');
  const { rows } = await tx.query<{ total: string; key: string }>(
    `SELECT count(*) OVER ()::text AS total, difference.${spec.key}::text AS key
     FROM (SELECT ${columns} FROM ${from} EXCEPT ALL SELECT ${columns} FROM ${other}) difference
     ORDER BY difference.${spec.key} LIMIT $1`,
    [Math.max(1, sampleSize)],
  );
  return { count: Number(rows[0]?.total ?? 0), sampleKeys: rows.map((row) => row.key) };
}
