import type { BankHolidayDivision } from './bank-holidays.js';
import { addDays, daysInMonth, toCalendarDate, type CalendarDate } from './calendar-date.js';
import { workingDaysAfter } from './working-days.js';

/**
 * The last day of a period of `months` months BEGINNING WITH `start` (the day counts): the day before the
 * corresponding date that many months on (received 10 March 2017 → 9 May 2017). Where the month reached has no
 * corresponding date (31 December → "31 February"), the period runs to the end of that month (28 or 29 February).
 */
export function lastDayOfMonthsBeginningWith(start: CalendarDate, months: number): CalendarDate {
  const [year, month, day] = start.split('-').map(Number) as [number, number, number];
  const targetYear = year + Math.floor((month - 1 + months) / 12);
  const targetMonth = (month - 1 + months) % 12;
  const length = daysInMonth(targetYear, targetMonth);
  if (day > length) return toCalendarDate(new Date(Date.UTC(targetYear, targetMonth, length)));
  return addDays(toCalendarDate(new Date(Date.UTC(targetYear, targetMonth, day))), -1);
}

/** Local Government Act 2000 s.9FE: the executive responds within two months beginning with the day it received the report. */
export const EXECUTIVE_RESPONSE_MONTHS = 2;

export const executiveResponseDueOn = (receivedOn: CalendarDate): CalendarDate =>
  lastDayOfMonthsBeginningWith(receivedOn, EXECUTIVE_RESPONSE_MONTHS);

export interface CallInPeriod {
  /** The last day on which call-in may be requested (to the end of that day). */
  readonly endsOn: CalendarDate;
  /** The first day the decision may be implemented, unless it is called in. */
  readonly effectiveOn: CalendarDate;
}

/** The default call-in period: five clear working days after the day of publication. */
export const DEFAULT_CALL_IN_CLEAR_WORKING_DAYS = 5;

/**
 * A decision published on `publishedOn` may be called in until the end of the last of its clear working days
 * (the day of publication not counted; weekends and bank holidays not counted) and takes effect the day after.
 */
export function callInPeriod(publishedOn: CalendarDate, clearWorkingDays: number, division: BankHolidayDivision): CallInPeriod {
  const endsOn = workingDaysAfter(publishedOn, clearWorkingDays, division);
  return { endsOn, effectiveOn: addDays(endsOn, 1) };
}
