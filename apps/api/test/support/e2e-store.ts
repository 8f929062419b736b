import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openEmbeddedEventStore, openPostgresEventStore, type SqlEventStore, type StoredEvent } from '#event-store';
import { dropSchema, POSTGRES_URL, uniqueSchema } from '../../../../test/support/postgres.js';
import { readableCommittedHead } from '../../../../test/support/readable-committed-head.js';

/**
 * Which database the API's end-to-end suites run on: `E2E_STORE=postgres` puts every suite on the PostgreSQL
 * server at DATABASE_URL (`npm run test:e2e:postgres`); otherwise an in-memory PGlite.
 */
export const E2E_STORE: 'postgres' | 'embedded' = process.env.E2E_STORE === 'postgres' ? 'postgres' : 'embedded';

if (process.env.E2E_STORE !== undefined && process.env.E2E_STORE !== 'postgres' && process.env.E2E_STORE !== 'embedded') {
  throw new Error(`E2E_STORE must be postgres or embedded, not ${process.env.E2E_STORE}`);
}

/** A fresh store for one test: a schema of its own on PostgreSQL, dropped when the store is closed. */
export async function openE2eStore(): Promise<SqlEventStore> {
  if (E2E_STORE === 'embedded') return openEmbeddedEventStore('memory://');
  const schema = uniqueSchema('e2e');
  const store = await openPostgresEventStore({ connectionString: POSTGRES_URL, schema });
  const close = store.close.bind(store);
  // Every suite already closes its store; dropping the schema there leaves nothing behind on the shared database.
  store.close = async () => {
    await close();
    await dropSchema(schema);
  };
  return store;
}

/** A database an app opens by itself from its configuration (a restart test), and how to look into it afterwards. */
export interface E2eDatabase {
  readonly env: Record<string, string>;
  /** The same database as a store of the test's own, which the test closes. */
  open(): Promise<SqlEventStore>;
  dispose(): Promise<void>;
}

export async function e2eDatabase(): Promise<E2eDatabase> {
  if (E2E_STORE === 'embedded') {
    const dataDir = await mkdtemp(join(tmpdir(), 'actiontrail-e2e-'));
    return {
      env: { EVENT_STORE: 'embedded', DATA_DIR: dataDir },
      open: () => openEmbeddedEventStore(dataDir),
      dispose: () => rm(dataDir, { recursive: true, force: true }),
    };
  }
  const schema = uniqueSchema('e2e');
  return {
    env: { EVENT_STORE: 'postgres', DATABASE_URL: POSTGRES_URL, DATABASE_SCHEMA: schema },
    open: () => openPostgresEventStore({ connectionString: POSTGRES_URL, schema }),
    dispose: () => dropSchema(schema),
  };
}

/**
 * Every event committed so far, in log order: read once the readable head has reached the last committed event (on
 * PostgreSQL readAll stops below the oldest transaction still open anywhere in the database, and other suites share it).
 */
export async function committedEvents(store: SqlEventStore, timeoutMs = 10_000): Promise<StoredEvent[]> {
  await readableCommittedHead(store, timeoutMs);
  const events: StoredEvent[] = [];
  for (let after = 0; ;) {
    const page = await store.readAll(after, 5_000);
    if (page.events.length === 0) return events;
    events.push(...page.events);
    after = page.lastPosition;
  }
}
