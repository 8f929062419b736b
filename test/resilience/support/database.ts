import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { openPostgresEventStore, type SqlEventStore } from '#event-store';

/** The suite's own database on the test server, so an outage drill never touches anyone else's. */
export const RESILIENCE_DATABASE = process.env.RESILIENCE_DATABASE ?? 'actiontrail_resilience';
const SERVER = new URL(process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/test');
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

function urlOf(database: string): string {
  if (!LOOPBACK.has(SERVER.hostname))
    throw new Error(`The resilience suite only talks to a loopback PostgreSQL; DATABASE_URL names ${SERVER.hostname}`);
  const url = new URL(SERVER.href);
  url.pathname = `/${database}`;
  return url.href;
}

export const RESILIENCE_URL = urlOf(RESILIENCE_DATABASE);
const MAINTENANCE_URL = urlOf('postgres');

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  client.on('error', () => undefined);
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** A fresh schema per scenario. */
export function scenarioSchema(scenario: string): string {
  return `res_${scenario.replace(/[^a-z0-9]/g, '_')}_${randomUUID().replace(/-/g, '').slice(0, 8)}`;
}

export async function dropScenarioSchema(schema: string): Promise<void> {
  await withClient(RESILIENCE_URL, (client) => client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`));
}

/** The store as the test process sees it: for checking what was written, never for writing. */
export function openScenarioStore(schema: string): Promise<SqlEventStore> {
  return openPostgresEventStore({ connectionString: RESILIENCE_URL, schema, poolSize: 4 });
}

/** The outage: no new connection is let in, and every open one is cut. */
export async function takeDatabaseDown(): Promise<number> {
  return withClient(MAINTENANCE_URL, async (client) => {
    await client.query(`ALTER DATABASE ${RESILIENCE_DATABASE} WITH ALLOW_CONNECTIONS false`);
    const { rows } = await client.query(
      'SELECT pg_terminate_backend(pid) AS ended FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
      [RESILIENCE_DATABASE],
    );
    return rows.length;
  });
}

export async function bringDatabaseBack(): Promise<void> {
  await withClient(MAINTENANCE_URL, (client) => client.query(`ALTER DATABASE ${RESILIENCE_DATABASE} WITH ALLOW_CONNECTIONS true`));
}

/** Connections to the database now, by application name (the child processes set PGAPPNAME). */
export async function connectionsByApplication(): Promise<Record<string, number>> {
  return withClient(MAINTENANCE_URL, async (client) => {
    const { rows } = await client.query<{ name: string; count: number }>(
      `SELECT application_name AS name, count(*)::int AS count FROM pg_stat_activity WHERE datname = $1 GROUP BY application_name`,
      [RESILIENCE_DATABASE],
    );
    return Object.fromEntries(rows.map((row) => [row.name, row.count]));
  });
}
