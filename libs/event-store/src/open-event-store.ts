import { PgliteDatabase } from './sql/pglite-database.js';
import { PostgresDatabase, type PostgresOptions } from './sql/postgres-database.js';
import { SqlEventStore, type SqlEventStoreOptions } from './sql/sql-event-store.js';

/** The embedded default: PGlite in a data folder (`memory://` for a throwaway store). */
export async function openEmbeddedEventStore(dataDir: string, options: SqlEventStoreOptions = {}): Promise<SqlEventStore> {
  return new SqlEventStore(await PgliteDatabase.open(dataDir), options).init();
}

/** The production store: PostgreSQL through a connection pool. */
export async function openPostgresEventStore(pg: PostgresOptions, options: SqlEventStoreOptions = {}): Promise<SqlEventStore> {
  return new SqlEventStore(await PostgresDatabase.open(pg), options).init();
}
