import { decodeCursor, encodeCursor, notAPreviousCursor } from './cursor.js';

/** A list's sort key: a text (a name, a title, an instant) then the row's id, which breaks ties. */
export type ListKey = readonly [sortedBy: string, id: string];

export function decodeListKey(cursor: string): ListKey {
  const [sortedBy, id] = decodeCursor(cursor, 2);
  if (typeof sortedBy !== 'string' || sortedBy.length > 1000 || typeof id !== 'string' || id.length === 0 || id.length > 128) {
    throw notAPreviousCursor();
  }
  return [sortedBy, id];
}

/**
 * "Contains, in any case" as SQL, with the text appended to `params`; strpos rather than LIKE, so that `%` and `_`
 * in what the caller typed are plain characters.
 */
export function containsSql(column: string, text: string | undefined, params: unknown[]): string {
  if (text === undefined) return 'TRUE';
  params.push(text);
  return `strpos(lower(${column}), lower($${params.length}::text)) > 0`;
}

/**
 * "After this key" in the order `sorted, id` (or both descending), with the key's values appended to `params`.
 * `cast` types the sort value (`::timestamptz` for instants).
 */
export function afterListKeySql(
  key: ListKey | undefined,
  columns: { readonly sorted: string; readonly id: string; readonly cast?: string; readonly descending?: boolean },
  params: unknown[],
): string {
  if (!key) return 'TRUE';
  params.push(key[0]);
  const sorted = `$${params.length}${columns.cast ?? ''}`;
  params.push(key[1]);
  return `(${columns.sorted}, ${columns.id}) ${columns.descending ? '<' : '>'} (${sorted}, $${params.length})`;
}

/** Rows fetched one beyond the page size tell whether another page follows. */
export function listPageOf<R>(rows: readonly R[], limit: number, keyOf: (row: R) => ListKey): { rows: R[]; nextAfter: string | null } {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return { rows: page, nextAfter: rows.length > limit && last ? encodeCursor(keyOf(last)) : null };
}
