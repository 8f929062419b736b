import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { describeWithPostgres, POSTGRES_URL } from '../../../test/support/postgres.js';
import { PostgresDatabase } from '../src/sql/postgres-database.js';

/** A database of its own, so closing it to connections disturbs no other suite. */
const DATABASE = `at_connloss_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
const urlOf = (database: string) => Object.assign(new URL(POSTGRES_URL), { pathname: `/${database}` }).href;

async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: urlOf('postgres') });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

const cutConnections = (applicationName: string) =>
  admin((client) =>
    client.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND application_name = $2', [
      DATABASE,
      applicationName,
    ]),
  );
const allowConnections = (allow: boolean) => admin((client) => client.query(`ALTER DATABASE ${DATABASE} WITH ALLOW_CONNECTIONS ${allow}`));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

await describeWithPostgres('PostgreSQL connections cut under the store (pg_terminate_backend, a database closed to connections)', () => {
  const applicationName = `connloss-${process.pid}`;
  let db: PostgresDatabase;

  beforeAll(async () => {
    await admin((client) => client.query(`CREATE DATABASE ${DATABASE}`));
    db = await PostgresDatabase.open({ connectionString: `${urlOf(DATABASE)}?application_name=${applicationName}`, schema: 'connloss' });
  });

  afterAll(async () => {
    await db?.close();
    await allowConnections(true).catch(() => undefined);
    await admin((client) => client.query(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`));
  });

  it('fails a transaction whose connection is cut between statements, rather than crashing the process', async () => {
    const outcome = db.transaction(async (tx) => {
      await tx.query('SELECT 1');
      await cutConnections(applicationName);
      await sleep(300); // the FATAL message arrives while no statement runs: an 'error' event on the client
      await tx.query('SELECT 2');
    });
    await expect(outcome).rejects.toThrow(/not queryable|terminat/i);
    await expect(db.query<{ ok: number }>('SELECT 1 AS ok')).resolves.toEqual({ rows: [{ ok: 1 }] });
  });

  it('re-opens its LISTEN connection after an outage longer than one retry', async () => {
    let notified = 0;
    await db.listen('connloss_channel', () => notified++);
    await allowConnections(false);
    await cutConnections(applicationName);
    await sleep(2_500); // at least two reconnection attempts fail while the database refuses connections
    await allowConnections(true);
    const deadline = Date.now() + 5_000;
    while (notified === 0 && Date.now() < deadline) {
      await db.notify('connloss_channel').catch(() => undefined);
      await sleep(200);
    }
    expect(notified).toBeGreaterThan(0);
  }, 15_000);
});
