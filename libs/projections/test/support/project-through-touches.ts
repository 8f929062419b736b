import type { StoredEvent } from '#event-store';
import type { Projection, Row } from '../../src/engine/projection.js';
import { RowCache } from '../../src/engine/row-cache.js';

/**
 * What applyBatch does, without SQL: each batch sees only the rows its events' `touches` name, copied as if
 * read back from storage, and only changed or inserted rows are written back. A projection whose `apply`
 * reads a row that `touches` does not name comes out different here than in projectInMemory.
 */
export function projectThroughTouches(projection: Projection, events: readonly StoredEvent[], batchSize: number): Map<string, Row[]> {
  const stored = new Map<string, Map<string, Row>>(projection.tables.map((t) => [t.name, new Map()]));
  const appended = new Map<string, Row[]>(projection.tables.map((t) => [t.name, []]));
  for (let start = 0; start < events.length; start += batchSize) {
    const batch = events.slice(start, start + batchSize);
    const cache = new RowCache();
    for (const event of batch) {
      for (const [table, key] of projection.touches(event)) {
        const row = stored.get(table)?.get(key);
        if (row) cache.load(table, key, structuredClone(row));
      }
    }
    for (const event of batch) projection.apply(event, cache);
    for (const table of projection.tables) {
      for (const row of cache.changed(table.name)) stored.get(table.name)?.set(String(row[table.key]), structuredClone(row));
      appended.get(table.name)?.push(...cache.insertedInto(table.name).map((row) => structuredClone(row)));
    }
  }
  return new Map(projection.tables.map((t) => [t.name, [...(stored.get(t.name)?.values() ?? []), ...(appended.get(t.name) ?? [])]]));
}
