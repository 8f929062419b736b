import { notAPreviousCursor } from '../../read-models/cursor.js';
import { decodeListKey, type ListKey } from '../../read-models/list-page.js';
import { isCalendarDate } from '../shared/validators.js';

/** A list key sorted by a date: a forged cursor whose date is not one is refused here, not cast in SQL. */
export function decodeDateKey(cursor: string): ListKey {
  const key = decodeListKey(cursor);
  if (!isCalendarDate(key[0])) throw notAPreviousCursor();
  return key;
}
