import type { SqlDatabase } from './sql-database.js';

export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

/** Versioned, append-only: never edit a released migration, add a new one. */
export const eventStoreMigrations: readonly Migration[] = [
  {
    version: 1,
    name: 'event log, stream heads and checkpoints',
    sql: `
      CREATE TABLE events (
        global_position bigint PRIMARY KEY,
        event_id uuid NOT NULL UNIQUE,
        stream_id text NOT NULL,
        stream_version integer NOT NULL CHECK (stream_version > 0),
        type text NOT NULL,
        schema_version integer NOT NULL,
        data jsonb NOT NULL,
        metadata jsonb NOT NULL,
        recorded_at timestamptz NOT NULL,
        prev_hash text,
        hash text NOT NULL,
        UNIQUE (stream_id, stream_version)
      );
      CREATE INDEX events_recorded_at_idx ON events (recorded_at);
      CREATE INDEX events_type_idx ON events (type, global_position);
      CREATE TABLE streams (
        stream_id text PRIMARY KEY,
        version integer NOT NULL,
        last_hash text NOT NULL,
        updated_at timestamptz NOT NULL
      );
      CREATE TABLE checkpoints (
        name text PRIMARY KEY,
        position bigint NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE FUNCTION events_are_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'events are append-only';
      END $$;
      CREATE TRIGGER events_append_only BEFORE UPDATE OR DELETE ON events
        FOR EACH ROW EXECUTE FUNCTION events_are_append_only();
      CREATE TRIGGER events_no_truncate BEFORE TRUNCATE ON events
        FOR EACH STATEMENT EXECUTE FUNCTION events_are_append_only();
    `,
  },
  {
    version: 2,
    name: 'drop indexes no query uses (audit search reads its own projection)',
    sql: `
      DROP INDEX IF EXISTS events_recorded_at_idx;
      DROP INDEX IF EXISTS events_type_idx;
    `,
  },
];

/** Applies what is missing, under a lock so that several processes starting at once do not race. */
export async function migrate(db: SqlDatabase, migrations: readonly Migration[], table = 'schema_migrations'): Promise<number[]> {
  return db.transaction(async (tx) => {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext(current_schema() || '.' || $1))`, [table]);
    await tx.query(
      `CREATE TABLE IF NOT EXISTS ${table} (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`,
    );
    const { rows } = await tx.query<{ version: number }>(`SELECT version FROM ${table}`);
    const applied = new Set(rows.map((r) => Number(r.version)));
    const done: number[] = [];
    for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
      if (applied.has(m.version)) continue;
      await tx.query(m.sql);
      await tx.query(`INSERT INTO ${table} (version, name) VALUES ($1, $2)`, [m.version, m.name]);
      done.push(m.version);
    }
    return done;
  });
}
