import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { SqlEventStore } from '#event-store';
import { newEvent } from '../events.js';
import { probe, type Row } from '../measure.js';

/**
 * The store's own ceiling beside the API figures: single-event appends to new streams straight through
 * appendToStream, `concurrency` at a time, for `seconds`; the same store and process as the app.
 */
export async function rawAppendRate(store: SqlEventStore, storeName: string, concurrency: number, seconds: number): Promise<Row> {
  const p = probe();
  const until = performance.now() + seconds * 1000;
  let appended = 0;
  const worker = async (): Promise<void> => {
    while (performance.now() < until) {
      const n = appended;
      await p.time(() => store.appendToStream(`raw-${randomUUID()}`, [newEvent(n)], { expectedVersion: 'no_stream' }));
      appended++;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return p.row(storeName, `raw appendToStream, c=${concurrency}`, appended);
}
