import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openEmbeddedEventStore, openPostgresEventStore, type SqlEventStore } from '#event-store';

export const POSTGRES_URL = process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/test';

export type StoreName = 'postgres' | 'embedded';

export interface OpenedStore {
  readonly name: StoreName;
  readonly store: SqlEventStore;
  /** Where the data lives, for the printed notes. */
  readonly where: string;
  /** Closes the store and removes its schema or data folder. */
  dispose(): Promise<void>;
}

/** A fresh schema per run, dropped at the end, so runs never see each other's streams. */
async function openPostgres(): Promise<OpenedStore> {
  const schema = `bench_api_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  const store = await openPostgresEventStore({ connectionString: POSTGRES_URL, schema });
  return {
    name: 'postgres',
    store,
    where: `${POSTGRES_URL.replace(/\/\/[^@/]*@/, '//')} schema ${schema} (store pool: 20 connections)`,
    async dispose() {
      await store.close().catch(() => undefined);
      const client = new pg.Client({ connectionString: POSTGRES_URL });
      await client.connect();
      try {
        await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      } finally {
        await client.end();
      }
    },
  };
}

async function openEmbedded(): Promise<OpenedStore> {
  const dir = await mkdtemp(join(tmpdir(), 'actiontrail-bench-api-'));
  try {
    const store = await openEmbeddedEventStore(dir);
    return {
      name: 'embedded',
      store,
      where: `PGlite in ${dir} (one connection, inside this process)`,
      async dispose() {
        try {
          await store.close();
        } finally {
          await rm(dir, { recursive: true, force: true });
        }
      },
    };
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}

export function openStore(name: StoreName): Promise<OpenedStore> {
  switch (name) {
    case 'postgres':
      return openPostgres();
    case 'embedded':
      return openEmbedded();
    default: {
      const _exhaustive: never = name;
      throw new Error(`unknown store ${String(_exhaustive)}`);
    }
  }
}
