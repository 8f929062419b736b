import { migrate, type Migration, type SqlDatabase } from '#event-store';

const migrations: readonly Migration[] = [
  {
    version: 1,
    name: 'projection versions and checkpoints',
    sql: `
      CREATE TABLE IF NOT EXISTS checkpoints (
        name text PRIMARY KEY,
        position bigint NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE TABLE IF NOT EXISTS projection_versions (
        name text PRIMARY KEY,
        version integer NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      );
    `,
  },
];

export function migrateProjectionTables(db: SqlDatabase): Promise<number[]> {
  return migrate(db, migrations, 'projection_schema_migrations');
}
