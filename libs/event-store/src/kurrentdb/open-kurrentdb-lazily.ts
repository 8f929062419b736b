import type { KurrentDbEventStore, KurrentDbEventStoreOptions } from './kurrentdb-event-store.js';

/**
 * The KurrentDB (EventStoreDB 22.6+) store, e.g. `kurrentdb://localhost:2113?tls=false`, loaded when first opened:
 * the official client and its gRPC stack add about 10 MB to every process that imports them (see docs/benchmarks.md).
 */
export async function openKurrentDbEventStore(url: string, options: KurrentDbEventStoreOptions = {}): Promise<KurrentDbEventStore> {
  const { openKurrentDbEventStore: open } = await import('./open-kurrentdb-event-store.js');
  return open(url, options);
}
