import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openEmbeddedEventStore, openPostgresEventStore, type SqlEventStore } from '#event-store';

export const POSTGRES_URL = process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/test';

/** How much work each scenario does on one adapter (already multiplied by BENCH_SCALE). */
export interface Sizes {
  readonly appendsC1: number;
  readonly appendsC16: number;
  readonly streamsB: number;
  readonly perWriterC: number;
  readonly logForReads: number;
}

/** An opened store plus the plain-SQL path on the same database that its figures are compared with. */
export interface BenchTarget {
  readonly name: 'postgres' | 'embedded';
  readonly store: SqlEventStore;
  readonly sizes: Sizes;
  /** Where the plain baseline runs, for the printed notes. */
  readonly baselineNote: string;
  /** One autocommit INSERT into the bare table. */
  bareInsert(id: string, stream: string, data: string): Promise<void>;
  /** A plain query outside the store's code path (raw pg Pool, or the PGlite db). */
  rawQuery<Row>(sql: string, params: readonly unknown[]): Promise<Row[]>;
  /** Closes everything and removes the schema or the data folder. */
  dispose(): Promise<void>;
}

const BARE_TABLE = 'CREATE TABLE bare (id uuid PRIMARY KEY, stream text, data jsonb)';
const BARE_INSERT = 'INSERT INTO bare (id, stream, data) VALUES ($1, $2, $3::jsonb)';

function scaled(n: number, scale: number, min = 1): number {
  return Math.max(min, Math.round(n * scale));
}

export async function openPostgresTarget(scale: number): Promise<BenchTarget> {
  const schema = `bench_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  const store = await openPostgresEventStore({ connectionString: POSTGRES_URL, schema });
  // Same pool size as the store's (20), so neither side waits for a connection at concurrency 16.
  const raw = new pg.Pool({ connectionString: POSTGRES_URL, max: 20, options: `-c search_path=${schema}` });
  raw.on('error', () => undefined);
  await raw.query(BARE_TABLE);
  return {
    name: 'postgres',
    store,
    sizes: {
      appendsC1: scaled(2_000, scale),
      appendsC16: scaled(5_000, scale),
      streamsB: scaled(2_000, scale),
      perWriterC: scaled(50, scale, 2),
      logForReads: scaled(100_000, scale),
    },
    baselineNote: `plain baselines: bare table and raw pg Pool in the same schema (${schema})`,
    async bareInsert(id, stream, data) {
      await raw.query(BARE_INSERT, [id, stream, data]);
    },
    async rawQuery<Row>(sql: string, params: readonly unknown[]) {
      return (await raw.query(sql, params as unknown[])).rows as Row[];
    },
    async dispose() {
      await store.close().catch(() => undefined);
      try {
        await raw.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      } finally {
        await raw.end();
      }
    },
  };
}

export async function openEmbeddedTarget(scale: number): Promise<BenchTarget> {
  const dir = await mkdtemp(join(tmpdir(), 'actiontrail-bench-'));
  try {
    const store = await openEmbeddedEventStore(dir);
    await store.db.query(BARE_TABLE);
    return {
      name: 'embedded',
      store,
      sizes: {
        appendsC1: scaled(1_000, scale),
        appendsC16: scaled(1_000, scale),
        streamsB: scaled(500, scale),
        perWriterC: scaled(25, scale, 2),
        logForReads: scaled(20_000, scale),
      },
      baselineNote: 'plain baselines: bare table in the SAME PGlite instance, raw queries through store.db.query',
      async bareInsert(id, stream, data) {
        await store.db.query(BARE_INSERT, [id, stream, data]);
      },
      async rawQuery<Row>(sql: string, params: readonly unknown[]) {
        return store.db.query<Row>(sql, params).then((r) => r.rows);
      },
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
