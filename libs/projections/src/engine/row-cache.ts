import type { Row, RowAccess } from './projection.js';

/** Rows of one batch in memory, remembering which changed; also the whole store of a projection spec. */
export class RowCache implements RowAccess {
  private readonly rows = new Map<string, Map<string, Row>>();
  private readonly dirty = new Map<string, Set<string>>();
  private readonly inserted = new Map<string, Row[]>();

  get(table: string, key: string): Row | undefined {
    return this.rows.get(table)?.get(key);
  }

  set(table: string, key: string, row: Row): void {
    this.tableRows(table).set(key, row);
    const dirty = this.dirty.get(table) ?? new Set<string>();
    dirty.add(key);
    this.dirty.set(table, dirty);
  }

  /** Loaded from storage: known, but not changed. */
  load(table: string, key: string, row: Row): void {
    this.tableRows(table).set(key, row);
  }

  insert(table: string, row: Row): void {
    const rows = this.inserted.get(table) ?? [];
    rows.push(row);
    this.inserted.set(table, rows);
  }

  changed(table: string): Row[] {
    const keys = this.dirty.get(table) ?? new Set<string>();
    return [...keys].map((key) => this.rows.get(table)?.get(key)).filter((row): row is Row => row !== undefined);
  }

  insertedInto(table: string): Row[] {
    return this.inserted.get(table) ?? [];
  }

  /** Every row of a table (for specs), inserted rows included. */
  all(table: string): Row[] {
    return [...(this.rows.get(table)?.values() ?? []), ...this.insertedInto(table)];
  }

  clearChanges(): void {
    this.dirty.clear();
    this.inserted.clear();
  }

  private tableRows(table: string): Map<string, Row> {
    const rows = this.rows.get(table) ?? new Map<string, Row>();
    this.rows.set(table, rows);
    return rows;
  }
}
