import { decodeCursor as decodeKey, encodeCursor as encodeKey, notAPreviousCursor } from '../../read-models/cursor.js';
import { isCalendarDate } from '../shared/validators.js';

/** Where a page of actions ordered by due date (no due date last), then action id, stopped. */
export interface DuePageKey {
  readonly dueOn: string | null;
  readonly actionId: string;
}

export function encodeCursor(key: DuePageKey): string {
  return encodeKey([key.dueOn, key.actionId]);
}

export function decodeCursor(cursor: string): DuePageKey {
  const [dueOn, actionId] = decodeKey(cursor, 2);
  if (!(dueOn === null || isCalendarDate(dueOn)) || typeof actionId !== 'string' || actionId.length === 0 || actionId.length > 128)
    throw notAPreviousCursor();
  return { dueOn, actionId };
}

/**
 * The SQL condition "after this key" in the order `due_on NULLS LAST, action_id`, with the key's values
 * appended to `params`; row comparison cannot express the nulls, hence the cases. Lists of dated actions
 * only (the chase list) leave the nulls out, so that the comparison can bound an index scan.
 */
export function afterKeySql(key: DuePageKey | undefined, params: unknown[], options: { readonly undated: boolean }, alias = 'a'): string {
  if (!key) return 'TRUE';
  params.push(key.actionId);
  const id = `$${params.length}`;
  if (key.dueOn === null) return `(${alias}.due_on IS NULL AND ${alias}.action_id > ${id})`;
  params.push(key.dueOn);
  const due = `$${params.length}::date`;
  const after = `(${alias}.due_on, ${alias}.action_id) > (${due}, ${id})`;
  return options.undated ? `(${after} OR ${alias}.due_on IS NULL)` : after;
}

/** Rows fetched one beyond the page size tell whether another page follows. */
export function pageOf<R>(rows: readonly R[], limit: number, keyOf: (row: R) => DuePageKey): { rows: R[]; nextAfter: string | null } {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return { rows: page, nextAfter: rows.length > limit && last ? encodeCursor(keyOf(last)) : null };
}
