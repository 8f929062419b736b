import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { migrate, type Migration, type SqlDatabase } from '#event-store';
import { SQL_DATABASE } from '#runtime';

export const API_MIGRATIONS_TABLE = 'api_schema_migrations';

/** Tables the API itself owns, beside the event store's. Append-only: add a version, never edit a released one. */
export const apiMigrations: readonly Migration[] = [
  {
    version: 1,
    name: 'idempotency keys',
    sql: `
      CREATE TABLE idempotency_keys (
        scope text NOT NULL,
        key text NOT NULL,
        method text NOT NULL,
        path text NOT NULL,
        body_hash text NOT NULL,
        state text NOT NULL CHECK (state IN ('in-progress', 'completed')),
        claim_id uuid NOT NULL,
        status integer,
        response_body text,
        created_at timestamptz NOT NULL DEFAULT now(),
        completed_at timestamptz,
        PRIMARY KEY (scope, key)
      );
      CREATE INDEX idempotency_keys_created_at_idx ON idempotency_keys (created_at);
    `,
  },
];

/** Runs while the application starts, before it accepts requests. */
@Injectable()
export class ApiSchemaMigrations implements OnModuleInit {
  constructor(@Inject(SQL_DATABASE) private readonly db: SqlDatabase) {}

  async onModuleInit(): Promise<void> {
    await migrate(this.db, apiMigrations, API_MIGRATIONS_TABLE);
  }
}
