/** The calendar date an ISO instant was written for, in its own zone (what the clerk meant). */
export const dateOf = (instant: string): string => instant.slice(0, 10);

/** Instants may carry different zones, so compare them as points in time, not as text. */
export const isLaterInstant = (candidate: string, reference: string): boolean => Date.parse(candidate) > Date.parse(reference);

/** YYYY-MM-DD dates compare correctly as text. */
export const isEarlierDate = (candidate: string, reference: string): boolean => candidate < reference;

/** Councils keep UK dates: a meeting at 00:30 BST is on that UK day, not the UTC one before it. */
const ukCalendar = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The UK calendar date (YYYY-MM-DD) of an instant. */
export function ukDateOf(instant: Date | string): string {
  return ukCalendar.format(typeof instant === 'string' ? new Date(instant) : instant);
}

/**
 * The instant a UK calendar day (YYYY-MM-DD) begins, written in that day's own offset (Z in winter, +01:00 in
 * summer) so that `dateOf` still reads the UK date. Rules that need an instant for a meeting the minutes date
 * without a time (due at the meeting, passed at the meeting) use this one.
 */
export function ukStartOfDay(date: string): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const utcMidnight = Date.UTC(year, month - 1, day);
  // The clocks change at 01:00 UTC, so a UK day always begins at 00:00 local, one hour before UTC midnight in summer.
  const summer = ukDateOf(new Date(utcMidnight - 1)) === date;
  return `${date}T00:00:00${summer ? '+01:00' : 'Z'}`;
}
