import type pg from 'pg';
import { PostgresDatabase, type SqlDatabase } from '#event-store';

/** Only one runner per projection is active across processes; the others wait to take over. */
export interface LeaderLock {
  tryAcquire(): Promise<boolean>;
  /** False once the lock's connection is gone: another process may hold it now. */
  readonly held: boolean;
  release(): Promise<void>;
}

/** PGlite is one process: whoever opened the data folder leads. */
class SoleProcessLock implements LeaderLock {
  held = false;
  async tryAcquire(): Promise<boolean> {
    this.held = true;
    return true;
  }
  async release(): Promise<void> {
    this.held = false;
  }
}

/** A session-level advisory lock on a connection of its own: it is released the moment the process dies. */
class AdvisoryLock implements LeaderLock {
  private client: pg.Client | undefined;
  held = false;

  constructor(
    private readonly db: PostgresDatabase,
    private readonly name: string,
  ) {}

  async tryAcquire(): Promise<boolean> {
    if (this.held) return true;
    try {
      this.client ??= await this.connect();
      const { rows } = await this.client.query<{ ok: boolean }>(
        `SELECT pg_try_advisory_lock(hashtext('actiontrail.projection'), hashtext(current_schema() || '.' || $1)) AS ok`,
        [this.name],
      );
      this.held = rows[0]?.ok === true;
    } catch {
      await this.drop();
    }
    return this.held;
  }

  async release(): Promise<void> {
    await this.drop();
  }

  private async connect(): Promise<pg.Client> {
    const client = await this.db.dedicatedClient();
    await client.query(`SET search_path = ${this.db.schema}`);
    client.on('error', () => void this.drop());
    client.on('end', () => void this.drop());
    return client;
  }

  private async drop(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    this.held = false;
    await client?.end().catch(() => undefined);
  }
}

export function leaderLockFor(db: SqlDatabase, name: string): LeaderLock {
  return db instanceof PostgresDatabase ? new AdvisoryLock(db, name) : new SoleProcessLock();
}
