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
  // Unnamed indexes: PostgreSQL picks free names, so generations can be renamed and built again.
  for (const index of table.indexes ?? []) await tx.query(createIndexSql(name, index));
}

export function createIndexSql(table: string, index: IndexSpec): string {
  const { columns, where } = 'where' in index ? index : { columns: index, where: undefined };
  return `CREATE INDEX ON ${table} (${columns.join(', ')})${where ? ` WHERE ${where}` : ''}`;
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

/** Writes changed rows with one upsert per table, and appended rows with one insert. */
export async function saveChangedRows(tx: SqlQueryable, projection: Projection, generation: string, cache: RowCache): Promise<void> {
  for (const table of projection.tables) {
    const name = physicalName(table, generation);
    const changed = table.appendOnly ? cache.insertedInto(table.name) : cache.changed(table.name);
    if (changed.length === 0) continue;
    const columns = Object.keys(table.columns);
    const conflict = table.appendOnly
      ? 'ON CONFLICT DO NOTHING'
      : `ON CONFLICT (${table.key}) DO UPDATE SET ${columns
          .filter((c) => c !== table.key)
          .map((c) => `${c} = EXCLUDED.${c}`)
          .join(', ')}`;
    await tx.query(
      `INSERT INTO ${name} (${columns.join(', ')}) SELECT ${columns.join(', ')} FROM jsonb_populate_recordset(NULL::${name}, $1::jsonb) ${conflict}`,
      [JSON.stringify(changed)],
    );
  }
  cache.clearChanges();
}
