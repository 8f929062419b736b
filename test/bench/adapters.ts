import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openEmbeddedEventStore, openPostgresEventStore, type NewEvent, type SqlEventStore } from '#event-store';

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
  /** One autocommit INSERT of the event at (stream, version) into the bare versioned table; a taken version fails with 23505. */
  bareInsertAt(stream: string, version: number, event: NewEvent): Promise<void>;
  /** The bare versioned table's highest version of a stream (0 if none). */
  bareVersion(stream: string): Promise<number>;
  /** A plain query outside the store's code path (raw pg Pool, or the PGlite db). */
  rawQuery<Row>(sql: string, params: readonly unknown[]): Promise<Row[]>;
  /** Closes everything and removes the schema or the data folder. */
  dispose(): Promise<void>;
}

const BARE_TABLE = 'CREATE TABLE bare (id uuid PRIMARY KEY, stream text, data jsonb)';
const BARE_INSERT = 'INSERT INTO bare (id, stream, data) VALUES ($1, $2, $3::jsonb)';
/**
 * The plain side of B and C: the event the caller hands over (id, type, data, metadata, time), in a table
 * that refuses a second write at one version. What it lacks is the store's own work: the global position,
 * the hash chain, the stream head, the unique event id.
 */
const BARE_VERSIONED_TABLE = `CREATE TABLE bare_versioned (stream text, version int, id uuid, type text, data jsonb, metadata jsonb,
  recorded_at timestamptz, PRIMARY KEY (stream, version))`;
const BARE_INSERT_AT = `INSERT INTO bare_versioned (stream, version, id, type, data, metadata, recorded_at)
  VALUES ($1, $2, $3, $4, $5::jsonb, $6::jsonb, $7)`;
const bareEventParams = (stream: string, version: number, event: NewEvent) => [
  stream,
  version,
  event.eventId,
  event.type,
  JSON.stringify(event.data),
  JSON.stringify(event.metadata ?? {}),
  new Date().toISOString(),
];
const BARE_VERSION = 'SELECT coalesce(max(version), 0) AS version FROM bare_versioned WHERE stream = $1';

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
  await raw.query(BARE_VERSIONED_TABLE);
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
    // Prepared, as the store's own append and head reads are.
    async bareInsertAt(stream, version, event) {
      await raw.query({ name: 'bare_insert_at', text: BARE_INSERT_AT, values: bareEventParams(stream, version, event) });
    },
    async bareVersion(stream) {
      const { rows } = await raw.query<{ version: number }>({ name: 'bare_version', text: BARE_VERSION, values: [stream] });
      return Number(rows[0]?.version ?? 0);
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
    await store.db.query(BARE_VERSIONED_TABLE);
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
      async bareInsertAt(stream, version, event) {
        await store.db.query(BARE_INSERT_AT, bareEventParams(stream, version, event));
      },
      async bareVersion(stream) {
        const { rows } = await store.db.query<{ version: number }>(BARE_VERSION, [stream]);
        return Number(rows[0]?.version ?? 0);
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
