import type { StoredEvent } from '#event-store';
import type { Projection } from './projection.js';
import { RowCache } from './row-cache.js';

/** Applies events to empty tables in memory: what projection specs use (given events, then rows). */
export function projectInMemory(projection: Projection, events: readonly StoredEvent[]): RowCache {
  const rows = new RowCache();
  for (const event of events) projection.apply(event, rows);
  return rows;
}
