import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { openEmbeddedEventStore, openPostgresEventStore, type SqlEventStore } from '#event-store';

export const POSTGRES_URL = process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/test';

export async function postgresAvailable(url = POSTGRES_URL): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** A fresh schema per test file keeps parallel suites apart on one database. */
export function uniqueSchema(prefix = 't'): string {
  return `${prefix}_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
}

export async function dropSchema(schema: string, url = POSTGRES_URL): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  } finally {
    await client.end();
  }
}

/**
 * PostgreSQL suites run when the server answers. With REQUIRE_POSTGRES=1 (as in CI) a missing server fails
 * the run; otherwise they are skipped with a loud line so nobody mistakes a skip for a pass.
 */
export async function describeWithPostgres(name: string, body: () => void): Promise<void> {
  const up = await postgresAvailable();
  if (up) return describe(name, body);
  if (process.env.REQUIRE_POSTGRES === '1') {
    describe(name, () => {
      it('needs PostgreSQL', () => {
        throw new Error(`PostgreSQL is required (REQUIRE_POSTGRES=1) but ${POSTGRES_URL} does not answer`);
      });
    });
    return;
  }
  console.warn(`\n*** SKIPPED: "${name}" needs PostgreSQL at ${POSTGRES_URL}, which does not answer. ***\n`);
  describe.skip(name, body);
}

/**
 * One story told twice: on an in-memory PGlite store, and (when the server answers) on a PostgreSQL store in a
 * schema of its own, dropped afterwards. The story gets the open store and which database it is on.
 */
export async function describeOnBothStores(
  name: string,
  schemaPrefix: string,
  story: (store: () => SqlEventStore, on: 'PGlite' | 'PostgreSQL') => void,
): Promise<void> {
  describe(`${name} on PGlite`, () => {
    let store: SqlEventStore;
    beforeAll(async () => {
      store = await openEmbeddedEventStore('memory://');
    });
    afterAll(() => store.close());

    story(() => store, 'PGlite');
  });

  await describeWithPostgres(`${name} on PostgreSQL`, () => {
    const schema = uniqueSchema(schemaPrefix);
    let store: SqlEventStore;
    beforeAll(async () => {
      store = await openPostgresEventStore({ connectionString: POSTGRES_URL, schema });
    });
    afterAll(async () => {
      await store.close();
      await dropSchema(schema);
    });

    story(() => store, 'PostgreSQL');
  });
}
