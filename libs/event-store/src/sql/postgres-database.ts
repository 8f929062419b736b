import pg from 'pg';
import type { QueryOptions, SqlDatabase, SqlQueryable } from './sql-database.js';

export interface PostgresOptions {
  readonly connectionString: string;
  /** Every table lives in this schema (created if missing); tests use one schema per file. */
  readonly schema?: string;
  readonly poolSize?: number;
  readonly statementTimeoutMs?: number;
}

const IDENTIFIER = /^[a-z_][a-z0-9_]{0,62}$/;

/** PostgreSQL through a `pg` pool. */
export class PostgresDatabase implements SqlDatabase {
  readonly dialect = 'postgres' as const;
  private listener: pg.Client | undefined;
  private listenerRetry: NodeJS.Timeout | undefined;
  private closed = false;
  private readonly channels = new Map<string, Set<() => void>>();

  private constructor(
    readonly pool: pg.Pool,
    private readonly options: PostgresOptions,
  ) {}

  static async open(options: PostgresOptions): Promise<PostgresDatabase> {
    const schema = options.schema ?? 'public';
    if (!IDENTIFIER.test(schema)) throw new Error(`Invalid schema name ${schema}`);
    const bootstrap = new pg.Client({ connectionString: options.connectionString });
    await bootstrap.connect();
    try {
      await bootstrap.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    } catch (error) {
      // Two processes creating the schema at once: the loser sees a duplicate; the schema exists either way.
      if ((error as { code?: string }).code !== '23505') throw error;
    } finally {
      await bootstrap.end();
    }
    const statementTimeout = options.statementTimeoutMs ?? 30_000;
    const pool = new pg.Pool({
      connectionString: options.connectionString,
      max: options.poolSize ?? 20,
      options: `-c search_path=${schema} -c statement_timeout=${statementTimeout}`,
      connectionTimeoutMillis: 5_000,
    });
    // An idle client losing its connection (a restart, pg_terminate_backend) must not crash the process.
    pool.on('error', () => undefined);
    return new PostgresDatabase(pool, { ...options, schema });
  }

  get schema(): string {
    return this.options.schema ?? 'public';
  }

  /** A connection of its own, outside the pool: for session state such as advisory locks. */
  async dedicatedClient(): Promise<pg.Client> {
    const client = new pg.Client({ connectionString: this.options.connectionString, connectionTimeoutMillis: 5_000 });
    client.on('error', () => undefined);
    await client.connect();
    return client;
  }

  async query<Row = Record<string, unknown>>(sql: string, params?: readonly unknown[], options?: QueryOptions): Promise<{ rows: Row[] }> {
    const result = options?.prepareAs
      ? await this.pool.query({ name: options.prepareAs, text: sql, values: params as unknown[] })
      : await this.pool.query(sql, params as unknown[]);
    return { rows: (Array.isArray(result) ? (result.at(-1)?.rows ?? []) : result.rows) as Row[] };
  }

  async transaction<T>(work: (tx: SqlQueryable) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    let broken: unknown;
    // A connection cut while the transaction waits between statements (pg_terminate_backend, a restart) is
    // an 'error' event, which would crash the process with nobody listening; the next statement fails instead.
    const onConnectionError = (error: Error) => {
      broken = error;
    };
    client.on('error', onConnectionError);
    try {
      await client.query('BEGIN');
      const tx: SqlQueryable = {
        query: async <Row>(sql: string, params?: readonly unknown[]) => {
          const result = await client.query(sql, params as unknown[]);
          return { rows: (Array.isArray(result) ? (result.at(-1)?.rows ?? []) : result.rows) as Row[] };
        },
      };
      const value = await work(tx);
      await client.query('COMMIT');
      return value;
    } catch (error) {
      const rollbackError = await client.query('ROLLBACK').then(
        () => undefined,
        (failure: unknown) => failure,
      );
      broken = rollbackError ?? broken;
      throw error;
    } finally {
      client.removeListener('error', onConnectionError);
      client.release(broken instanceof Error ? broken : undefined);
    }
  }

  async listen(channel: string, onNotify: () => void): Promise<() => Promise<void>> {
    const isNew = !this.channels.has(channel);
    const listeners = this.channels.get(channel) ?? new Set();
    this.channels.set(channel, listeners);
    listeners.add(onNotify);
    if (this.listener && isNew) await this.listener.query(`LISTEN "${channel.replace(/"/g, '')}"`).catch(() => undefined);
    else await this.ensureListener().catch(() => undefined);
    return async () => {
      listeners.delete(onNotify);
    };
  }

  async notify(channel: string): Promise<void> {
    await this.pool.query('SELECT pg_notify($1, $2)', [channel, '']);
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.listenerRetry);
    const listener = this.listener;
    this.listener = undefined;
    await listener?.end().catch(() => undefined);
    await this.pool.end();
  }

  /** One dedicated connection carries every LISTEN; after a drop it is re-opened, once a second until that works. */
  private async ensureListener(): Promise<void> {
    if (this.listener || this.closed) return;
    const client = new pg.Client({ connectionString: this.options.connectionString });
    this.listener = client;
    client.on('error', () => {
      if (this.listener === client) this.listener = undefined;
      client.end().catch(() => undefined);
      this.reopenListenerSoon();
    });
    client.on('notification', (message) => {
      for (const callback of this.channels.get(message.channel) ?? []) callback();
    });
    try {
      await client.connect();
      for (const channel of this.channels.keys()) await client.query(`LISTEN "${channel.replace(/"/g, '')}"`);
    } catch (error) {
      if (this.listener === client) this.listener = undefined;
      await client.end().catch(() => undefined);
      this.reopenListenerSoon();
      throw error;
    }
  }

  /** Without this, an outage longer than one retry would leave readers polling instead of being woken, for good. */
  private reopenListenerSoon(): void {
    if (this.closed || this.listenerRetry) return;
    this.listenerRetry = setTimeout(() => {
      this.listenerRetry = undefined;
      this.ensureListener().catch(() => undefined);
    }, 1_000);
    this.listenerRetry.unref();
  }
}
