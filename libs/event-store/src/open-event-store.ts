import { PgliteDatabase } from './sql/pglite-database.js';
import { PostgresDatabase, type PostgresOptions } from './sql/postgres-database.js';
import { SqlEventStore, type SqlEventStoreOptions } from './sql/sql-event-store.js';

/**
 * The embedded default: PGlite in a data folder (`memory://` for a throwaway store). The folder is locked to this
 * process and PGlite has one connection, so this store is the one writer of its tables.
 */
export async function openEmbeddedEventStore(dataDir: string, options: SqlEventStoreOptions = {}): Promise<SqlEventStore> {
  const db = await PgliteDatabase.open(dataDir);
  try {
    return await new SqlEventStore(db, { soleWriter: true, ...options }).init();
  } catch (error) {
    // Closing also releases the data folder's lock, so a failed start does not keep the folder.
    await db.close().catch(() => undefined);
    throw error;
  }
}

/** The production store: PostgreSQL through a connection pool. */
export async function openPostgresEventStore(pg: PostgresOptions, options: SqlEventStoreOptions = {}): Promise<SqlEventStore> {
  return new SqlEventStore(await PostgresDatabase.open(pg), options).init();
}
