import { notAPreviousCursor } from '../../read-models/cursor.js';
import { decodeListKey, type ListKey } from '../../read-models/list-page.js';
import { isCalendarDate } from '../shared/validators.js';

/**
 * A list key sorted by a date, then an id (or, with `positional`, an event position): a forged cursor whose values
 * are not such is refused here, not cast in SQL.
 */
export function decodeDateKey(cursor: string, options: { readonly positional?: boolean } = {}): ListKey {
  const key = decodeListKey(cursor);
  if (!isCalendarDate(key[0]) || (options.positional && !/^\d{1,18}$/.test(key[1]))) throw notAPreviousCursor();
  return key;
}
