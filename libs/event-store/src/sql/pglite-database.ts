import { PGlite, type Transaction } from '@electric-sql/pglite';
import type { SqlDatabase, SqlQueryable } from './sql-database.js';

type PgliteLike = Pick<PGlite, 'query' | 'exec'> | Transaction;

function queryable(db: PgliteLike): SqlQueryable {
  return {
    async query<Row>(sql: string, params?: readonly unknown[]) {
      // Scripts (several statements, no parameters) need the simple protocol.
      if (!params || params.length === 0) {
        const results = await db.exec(sql);
        return { rows: (results.at(-1)?.rows ?? []) as Row[] };
      }
      const result = await db.query<Row>(sql, params as unknown[]);
      return { rows: result.rows };
    },
  };
}

/** Embedded PostgreSQL (WASM) in a data folder, or in memory with `memory://`. One connection per process. */
export class PgliteDatabase implements SqlDatabase {
  readonly dialect = 'pglite' as const;
  private readonly plain: SqlQueryable;

  private constructor(private readonly db: PGlite) {
    this.plain = queryable(db);
  }

  static async open(dataDir: string): Promise<PgliteDatabase> {
    const db = new PGlite(dataDir);
    await db.waitReady;
    return new PgliteDatabase(db);
  }

  query<Row = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<{ rows: Row[] }> {
    return this.plain.query<Row>(sql, params);
  }

  transaction<T>(work: (tx: SqlQueryable) => Promise<T>): Promise<T> {
    return this.db.transaction((tx) => work(queryable(tx)));
  }

  async listen(channel: string, onNotify: () => void): Promise<() => Promise<void>> {
    return this.db.listen(channel, () => onNotify());
  }

  async notify(channel: string): Promise<void> {
    await this.db.query('SELECT pg_notify($1, $2)', [channel, '']);
  }

  async close(): Promise<void> {
    if (!this.db.closed) await this.db.close();
  }
}
