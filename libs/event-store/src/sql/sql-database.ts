/** The little of a SQL connection the store and the read models need; PGlite and `pg` both provide it. */
export interface QueryOptions {
  /** A name for a hot statement, so PostgreSQL parses and plans it once per connection. */
  readonly prepareAs?: string;
}

export interface SqlQueryable {
  query<Row = Record<string, unknown>>(sql: string, params?: readonly unknown[], options?: QueryOptions): Promise<{ rows: Row[] }>;
}

export interface SqlDatabase extends SqlQueryable {
  readonly dialect: 'pglite' | 'postgres';
  transaction<T>(work: (tx: SqlQueryable) => Promise<T>): Promise<T>;
  /** Calls back on each NOTIFY on the channel; resolves to an unsubscribe function. */
  listen(channel: string, onNotify: () => void): Promise<() => Promise<void>>;
  notify(channel: string): Promise<void>;
  close(): Promise<void>;
}

/** Error fields that PostgreSQL and PGlite both put on a failed query. */
export interface PgErrorLike {
  code?: string;
  constraint?: string;
}

export function pgErrorOf(error: unknown): PgErrorLike {
  return typeof error === 'object' && error !== null ? (error as PgErrorLike) : {};
}
