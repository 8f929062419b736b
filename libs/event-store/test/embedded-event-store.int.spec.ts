import { openEmbeddedEventStore } from '../src/open-event-store.js';
import type { SqlEventStore } from '../src/sql/sql-event-store.js';
import { eventStoreContract } from './event-store.contract.js';
import { sqlStoreContract } from './sql-store.contract.js';

describe('embedded event store (PGlite)', () => {
  let store: SqlEventStore;
  beforeAll(async () => {
    store = await openEmbeddedEventStore('memory://');
  });
  afterAll(async () => {
    await store.close();
  });

  eventStoreContract(() => ({ store }));
  sqlStoreContract(() => ({ store, soleWriter: true }));
});
