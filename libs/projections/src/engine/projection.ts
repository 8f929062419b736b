import type { StoredEvent } from '#event-store';

export type ColumnType = 'text' | 'integer' | 'bigint' | 'numeric' | 'boolean' | 'date' | 'timestamptz' | 'jsonb';

/**
 * Columns (each may carry ASC/DESC/NULLS, or be an expression in brackets), or columns over the rows a condition
 * selects (a partial index), or columns with a name of their own: PostgreSQL names an index after its columns and
 * cuts the name at 63 bytes, so a long column list needs a short name for a rebuilt generation to keep it whole.
 */
export type IndexSpec = readonly string[] | { readonly columns: readonly string[]; readonly where?: string; readonly name?: string };

/** One read-model table: its logical name, key column, columns and secondary indexes. */
export interface TableSpec {
  readonly name: string;
  readonly key: string;
  readonly columns: Readonly<Record<string, ColumnType>>;
  readonly indexes?: readonly IndexSpec[];
  /** Append-only tables take inserts and are never read back while projecting. */
  readonly appendOnly?: boolean;
}

export type Row = Record<string, unknown>;

/** The rows a batch reads and writes, keyed by table and key; the engine loads them before and saves them after. */
export interface RowAccess {
  get(table: string, key: string): Row | undefined;
  set(table: string, key: string, row: Row): void;
  insert(table: string, row: Row): void;
}

/**
 * A projection applies events to rows, in memory: `touches` names every row an event reads or writes
 * (so a whole batch is loaded in one query per table), and `apply` changes them. Both are pure.
 */
export interface Projection {
  readonly name: string;
  /** Bump when the tables or the meaning of apply change: the runner then rebuilds from zero. */
  readonly version: number;
  readonly tables: readonly TableSpec[];
  touches(event: StoredEvent): readonly (readonly [table: string, key: string])[];
  apply(event: StoredEvent, rows: RowAccess): void;
}
