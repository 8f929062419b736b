// Plain ESM: jest loads globalSetup outside its module mapping, so this file cannot import the suite's TypeScript.
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { URL } from 'node:url';
import pg from 'pg';

const DATABASE = (process.env.RESILIENCE_DATABASE ??= 'actiontrail_resilience');
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

async function withClient(database, work) {
  const url = new URL(process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/test');
  if (!LOOPBACK.has(url.hostname))
    throw new Error(`The resilience suite only talks to a loopback PostgreSQL; DATABASE_URL names ${url.hostname}`);
  url.pathname = `/${database}`;
  const client = new pg.Client({ connectionString: url.href, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * The suite's own database, created when missing and open to connections (an aborted outage drill may have
 * closed it), cleared of schemas that killed runs left behind; and a fresh file for the summary table.
 */
export default async function globalSetup() {
  await withClient('postgres', async (client) => {
    const { rows } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE]);
    if (rows.length === 0) {
      await client.query(`CREATE DATABASE ${DATABASE}`).catch((error) => {
        if (error.code !== '42P04') throw error;
      });
    }
    await client.query(`ALTER DATABASE ${DATABASE} WITH ALLOW_CONNECTIONS true`);
  });
  const dropped = await withClient(DATABASE, async (client) => {
    const { rows } = await client.query(`SELECT nspname AS name FROM pg_namespace WHERE nspname LIKE 'res\\_%'`);
    for (const { name } of rows) await client.query(`DROP SCHEMA IF EXISTS ${name} CASCADE`);
    return rows.length;
  });
  process.env.RESILIENCE_SUMMARY_FILE = join(tmpdir(), `actiontrail-resilience-${process.pid}-${Date.now()}.jsonl`);
  process.stdout.write(`\n[resilience] database ${DATABASE} ready${dropped > 0 ? ` (dropped ${dropped} leftover schemas)` : ''}\n`);
}
