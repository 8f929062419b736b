import { KurrentDBClient } from '@kurrent/kurrentdb-client';
import { KurrentDbEventStore, type KurrentDbEventStoreOptions } from './kurrentdb-event-store.js';

/**
 * The KurrentDB (EventStoreDB 22.6+) store, e.g. `kurrentdb://localhost:2113?tls=false`. Reads the head of the log
 * once so an unreachable server fails here (as StoreUnavailableError) rather than on the first command.
 */
export async function openKurrentDbEventStore(url: string, options: KurrentDbEventStoreOptions = {}): Promise<KurrentDbEventStore> {
  const store = new KurrentDbEventStore(KurrentDBClient.connectionString(url), options);
  try {
    await store.headPosition();
  } catch (error) {
    await store.close().catch(() => undefined);
    throw error;
  }
  return store.start();
}
