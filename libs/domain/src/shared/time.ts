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
