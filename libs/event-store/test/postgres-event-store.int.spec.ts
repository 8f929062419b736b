import { dropSchema, describeWithPostgres, POSTGRES_URL, uniqueSchema } from '../../../test/support/postgres.js';
import { openPostgresEventStore } from '../src/open-event-store.js';
import type { SqlEventStore } from '../src/sql/sql-event-store.js';
import { eventStoreContract } from './event-store.contract.js';
import { sqlStoreContract } from './sql-store.contract.js';

await describeWithPostgres('PostgreSQL event store', () => {
  const schema = uniqueSchema('es');
  let store: SqlEventStore;
  beforeAll(async () => {
    store = await openPostgresEventStore({ connectionString: POSTGRES_URL, schema });
  });
  afterAll(async () => {
    await store.close();
    await dropSchema(schema);
  });

  eventStoreContract(() => ({ store }));
  sqlStoreContract(() => ({ store, soleWriter: false }));
});
