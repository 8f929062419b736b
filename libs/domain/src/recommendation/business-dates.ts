import { requireCalendarDate } from '../calendar/calendar-date.js';
import { invalid } from '../shared/errors.js';
import { ukDateOf } from '../shared/time.js';

/**
 * A business date given by staff: a real date, not after today (UK), and not before the step it follows
 * (a response cannot come before the recommendation was received).
 */
export function requireBusinessDate(
  value: string,
  field: string,
  now: string,
  notBefore?: { readonly date: string; readonly what: string },
): string {
  requireCalendarDate(value, field);
  const today = ukDateOf(now);
  if (value > today) throw invalid(`${field}-in-future`, `${field} ${value} is after today (${today})`, { field, value, today });
  if (notBefore && value < notBefore.date) {
    throw invalid(
      `${field}-before-${notBefore.what.replace(/ /g, '-')}`,
      `${field} ${value} is before the ${notBefore.what} (${notBefore.date})`,
      {
        field,
        value,
        [notBefore.what.replace(/ (\w)/g, (_, c: string) => c.toUpperCase())]: notBefore.date,
      },
    );
  }
  return value;
}
