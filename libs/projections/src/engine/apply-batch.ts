import type { SqlQueryable, StoredEvent } from '#event-store';
import type { Projection } from './projection.js';
import { RowCache } from './row-cache.js';
import { loadTouchedRows, saveChangedRows } from './table-sql.js';

/** Applies a batch of events to a generation of a projection's tables inside the caller's transaction. */
export async function applyBatch(
  tx: SqlQueryable,
  projection: Projection,
  generation: string,
  events: readonly StoredEvent[],
): Promise<void> {
  const keys = new Map<string, Set<string>>();
  for (const event of events) {
    for (const [table, key] of projection.touches(event)) {
      const set = keys.get(table) ?? new Set<string>();
      set.add(key);
      keys.set(table, set);
    }
  }
  const cache = new RowCache();
  await loadTouchedRows(tx, projection, generation, keys, cache);
  for (const event of events) projection.apply(event, cache);
  await saveChangedRows(tx, projection, generation, cache);
}
