import type { CalendarDate } from './calendar-date.js';

/** "2014/15": the year starting at the annual meeting in May 2014. */
const MUNICIPAL_YEAR = /^(\d{4})\/(\d{2})$/;

/**
 * A UK council's municipal year runs from its annual meeting in May to the next: taken here as 1 May to 30 April
 * (2014/15 is 1 May 2014 to 30 April 2015), since annual meeting dates differ by council and year.
 * Undefined for anything not written as YYYY/YY with consecutive years.
 */
export function municipalYearDates(year: string): { readonly from: CalendarDate; readonly to: CalendarDate } | undefined {
  const match = MUNICIPAL_YEAR.exec(year);
  if (!match) return undefined;
  const start = Number(match[1]);
  if ((start + 1) % 100 !== Number(match[2])) return undefined;
  return { from: `${start}-05-01`, to: `${start + 1}-04-30` };
}

/** The municipal year a date falls in: 30 April 2015 is in 2014/15, 1 May 2015 in 2015/16. */
export function municipalYearOf(date: CalendarDate): string {
  const year = Number(date.slice(0, 4));
  const start = date.slice(5) >= '05-01' ? year : year - 1;
  return `${start}/${String((start + 1) % 100).padStart(2, '0')}`;
}
