import { requireCalendarDate } from '../calendar/calendar-date.js';
import { invalid } from '../shared/errors.js';
import { ukDateOf } from '../shared/time.js';

/** `receivedOn` → `received-on`, `date made` → `date-made`: problem types are kebab-case, as `occurred-at-in-future` is. */
const kebab = (words: string): string =>
  words
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/ /g, '-')
    .toLowerCase();

/** `date made` → `dateMade`: the name of the date it follows in a refusal's details. */
const camel = (words: string): string => words.replace(/ (\w)/g, (_, c: string) => c.toUpperCase());

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
  if (value > today) {
    throw invalid(`${kebab(field)}-in-future`, `${field} ${value} is after today (${today})`, { field, value, today });
  }
  if (notBefore && value < notBefore.date) {
    throw invalid(
      `${kebab(field)}-before-${kebab(notBefore.what)}`,
      `${field} ${value} is before the ${notBefore.what} (${notBefore.date})`,
      { field, value, [camel(notBefore.what)]: notBefore.date },
    );
  }
  return value;
}
