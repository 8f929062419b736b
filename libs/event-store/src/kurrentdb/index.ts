// Types only, and the store opened through a dynamic import: an api on PGlite or PostgreSQL never loads the gRPC client.
export type { KurrentDbEventStore, KurrentDbEventStoreOptions } from './kurrentdb-event-store.js';
export { openKurrentDbEventStore } from './open-kurrentdb-lazily.js';
