import { PGlite, type Transaction } from '@electric-sql/pglite';
import { DataFolderLock } from './data-folder-lock.js';
import { initialiseFolderInChildProcess, isInitialisedFolder } from './pglite-folder-setup.js';
import type { SqlDatabase, SqlQueryable } from './sql-database.js';

/**
 * PostgreSQL's 128 MB default is resident memory in this process; PGlite reads its files through the operating
 * system's cache anyway, and bench:api ran as fast with 16 and 32 MB (docs/benchmarks.md).
 */
const SHARED_BUFFERS = '32MB';

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

/** The folder PGlite will write to, or undefined when it keeps nothing on this machine's disk (`memory://`). */
function folderOnDisk(dataDir: string): string | undefined {
  if (dataDir.startsWith('file://')) return dataDir.slice('file://'.length);
  return /^[a-z0-9-]+:\/\//i.test(dataDir) ? undefined : dataDir;
}

/**
 * Embedded PostgreSQL (WASM) in a data folder, or in memory with `memory://`. One connection per process, and
 * one process per folder: PGlite has no lock of its own and two writers corrupt it, so the folder is locked.
 */
export class PgliteDatabase implements SqlDatabase {
  readonly dialect = 'pglite' as const;
  private readonly plain: SqlQueryable;

  private constructor(
    private readonly db: PGlite,
    private readonly lock: DataFolderLock | undefined,
  ) {
    this.plain = queryable(db);
  }

  /** Throws DataFolderLockedError, naming the holder, when another process (or open) has the folder. */
  static async open(dataDir: string): Promise<PgliteDatabase> {
    const folder = folderOnDisk(dataDir);
    const lock = folder === undefined ? undefined : await DataFolderLock.acquire(folder);
    try {
      if (folder !== undefined && !isInitialisedFolder(folder)) await initialiseFolderInChildProcess(folder);
      const db = new PGlite(dataDir, { postgresqlconf: [`shared_buffers=${SHARED_BUFFERS}`] });
      await db.waitReady;
      return new PgliteDatabase(db, lock);
    } catch (error) {
      lock?.release();
      throw error;
    }
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
    try {
      if (!this.db.closed) await this.db.close();
    } finally {
      this.lock?.release();
    }
  }
}
