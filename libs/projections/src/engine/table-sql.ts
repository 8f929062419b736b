import type { SqlQueryable } from '#event-store';
import type { IndexSpec, Projection, Row, TableSpec } from './projection.js';
import type { RowCache } from './row-cache.js';

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

/** Physical table names: the live tables, or a generation built beside them for a rebuild or a verify. */
export function physicalName(table: TableSpec | string, generation: string): string {
  const name = typeof table === 'string' ? table : table.name;
  const physical = generation ? `${name}__${generation}` : name;
  if (!IDENTIFIER.test(physical)) throw new Error(`Invalid table name ${physical}`);
  return physical;
}

/**
 * Creates the generation's missing tables with their primary keys and, unless left for later (a rebuild loads
 * first and indexes once, which is faster than keeping every index up to date row by row), their indexes.
 */
export async function createTables(
  tx: SqlQueryable,
  projection: Projection,
  generation: string,
  options: { readonly indexes: boolean } = { indexes: true },
): Promise<void> {
  for (const table of projection.tables) {
    const name = physicalName(table, generation);
    const { rows } = await tx.query<{ missing: boolean }>('SELECT to_regclass($1) IS NULL AS missing', [name]);
    if (!rows[0]?.missing) continue;
    const columns = Object.entries(table.columns).map(([column, type]) => `${column} ${type}${column === table.key ? ' PRIMARY KEY' : ''}`);
    await tx.query(`CREATE TABLE ${name} (${columns.join(', ')})`);
    if (options.indexes) await createIndexes(tx, table, name);
  }
}

/** The secondary indexes of a generation that was created without them. */
export async function createSecondaryIndexes(tx: SqlQueryable, projection: Projection, generation: string): Promise<void> {
  for (const table of projection.tables) await createIndexes(tx, table, physicalName(table, generation));
}

async function createIndexes(tx: SqlQueryable, table: TableSpec, name: string): Promise<void> {
  // Mostly unnamed indexes: PostgreSQL picks free names, so generations can be renamed and built again.
  for (const index of table.indexes ?? []) await tx.query(createIndexSql(name, index));
}

export function createIndexSql(table: string, index: IndexSpec): string {
  const { columns, where, name } = 'columns' in index ? index : { columns: index, where: undefined, name: undefined };
  // A named index takes its table's name first, as PostgreSQL's own names do, so that a swap can rename it.
  const named = name === undefined ? '' : ` ${physicalName(`${table}_${name}`, '')}`;
  return `CREATE INDEX${named} ON ${table} (${columns.join(', ')})${where ? ` WHERE ${where}` : ''}`;
}

export function dropTablesSql(projection: Projection, generation: string): string[] {
  return projection.tables.map((table) => `DROP TABLE IF EXISTS ${physicalName(table, generation)}`);
}

/** Loads every row the batch touches, one query per table. */
export async function loadTouchedRows(
  tx: SqlQueryable,
  projection: Projection,
  generation: string,
  keys: Map<string, Set<string>>,
  cache: RowCache,
): Promise<void> {
  for (const table of projection.tables) {
    const wanted = keys.get(table.name);
    if (table.appendOnly || !wanted || wanted.size === 0) continue;
    const name = physicalName(table, generation);
    const { rows } = await tx.query<{ row: Row }>(
      `SELECT to_jsonb(t) AS row FROM ${name} t WHERE ${table.key} IN (SELECT value FROM jsonb_array_elements_text($1::jsonb))`,
      [JSON.stringify([...wanted])],
    );
    for (const { row } of rows) cache.load(table.name, String(row[table.key]), row);
  }
}

/**
 * Writes changed rows with one upsert per table, and appended rows with one insert, COPY-like: each column goes as
 * one parameter and ROWS FROM zips them back into rows. Scalar columns travel as typed arrays; jsonb columns as one
 * JSON array each (an array literal would escape every quote of every document, which costs more on both sides).
 */
export async function saveChangedRows(tx: SqlQueryable, projection: Projection, generation: string, cache: RowCache): Promise<void> {
  for (const table of projection.tables) {
    const name = physicalName(table, generation);
    const changed = table.appendOnly ? cache.insertedInto(table.name) : cache.changed(table.name);
    if (changed.length === 0) continue;
    const columns = Object.entries(table.columns);
    const names = columns.map(([column]) => column);
    const conflict = table.appendOnly
      ? 'ON CONFLICT DO NOTHING'
      : `ON CONFLICT (${table.key}) DO UPDATE SET ${names
          .filter((c) => c !== table.key)
          .map((c) => `${c} = EXCLUDED.${c}`)
          .join(', ')}`;
    const params = columns.map(([column, type]) =>
      type === 'jsonb' ? JSON.stringify(changed.map((row) => row[column] ?? null)) : changed.map((row) => row[column] ?? null),
    );
    const sources = columns.map(([, type], i) =>
      type === 'jsonb' ? `jsonb_array_elements($${i + 1}::jsonb)` : `unnest($${i + 1}::${type}[])`,
    );
    // A JSON null in a jsonb column is SQL NULL, as jsonb_populate_recordset made it.
    const values = columns.map(([column, type]) => (type === 'jsonb' ? `NULLIF(${column}, 'null'::jsonb)` : column));
    await tx.query(
      `INSERT INTO ${name} (${names.join(', ')}) SELECT ${values.join(', ')} FROM ROWS FROM (${sources.join(', ')}) AS r(${names.join(', ')}) ${conflict}`,
      params,
    );
  }
  cache.clearChanges();
}
