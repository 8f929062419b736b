import { addDays, isWeekend, toCalendarDate, weekdayOf, type CalendarDate } from './calendar-date.js';

/** The UK's three bank-holiday divisions, as GOV.UK publishes them. */
export const bankHolidayDivisions = ['england-and-wales', 'scotland', 'northern-ireland'] as const;
export type BankHolidayDivision = (typeof bankHolidayDivisions)[number];

/** The years the statutory rules below are written for; outside them the calendar refuses to guess. */
export const BANK_HOLIDAY_YEARS = { first: 2010, last: 2030 } as const;

/**
 * Royal proclamations that moved or added days, as published on GOV.UK (checked 2026-12-05). A new proclamation
 * is a new line here, dated.
 */
const PROCLAIMED: Readonly<
  Record<number, { readonly moved?: Readonly<Record<string, CalendarDate>>; readonly added: readonly CalendarDate[] }>
> = {
  2011: { added: ['2011-04-29'] }, // the wedding of Prince William
  2012: { moved: { '2012-05-28': '2012-06-04' }, added: ['2012-06-05'] }, // Diamond Jubilee
  2020: { moved: { '2020-05-04': '2020-05-08' }, added: [] }, // VE Day 75
  2022: { moved: { '2022-05-30': '2022-06-02' }, added: ['2022-06-03', '2022-09-19'] }, // Platinum Jubilee; the Queen's funeral
  2023: { added: ['2023-05-08'] }, // the Coronation
};

/** Easter Sunday (the anonymous Gregorian computus). */
export function easterSunday(year: number): CalendarDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return toCalendarDate(new Date(Date.UTC(year, month - 1, day)));
}

const firstMonday = (year: number, monthIndex: number): CalendarDate => {
  const first = toCalendarDate(new Date(Date.UTC(year, monthIndex, 1)));
  return addDays(first, (8 - weekdayOf(first)) % 7);
};

const lastMonday = (year: number, monthIndex: number): CalendarDate => {
  const last = toCalendarDate(new Date(Date.UTC(year, monthIndex + 1, 0)));
  return addDays(last, -((weekdayOf(last) + 6) % 7));
};

/** Fixed-date holidays falling at a weekend move to the next weekday not already a holiday ("substitute day"). */
function withSubstitutes(fixed: readonly CalendarDate[], taken: Set<CalendarDate>): CalendarDate[] {
  const days: CalendarDate[] = [];
  for (const date of fixed) {
    let day = date;
    while (isWeekend(day) || taken.has(day)) day = addDays(day, 1);
    taken.add(day);
    days.push(day);
  }
  return days;
}

const fixedDay = (year: number, month: number, day: number): CalendarDate => toCalendarDate(new Date(Date.UTC(year, month - 1, day)));

/** The bank holidays of one year in one division, sorted, by the Banking and Financial Dealings Act 1971 and proclamations. */
export function bankHolidaysIn(year: number, division: BankHolidayDivision): CalendarDate[] {
  if (!Number.isInteger(year) || year < BANK_HOLIDAY_YEARS.first || year > BANK_HOLIDAY_YEARS.last) {
    throw new RangeError(`Bank holidays are known for ${BANK_HOLIDAY_YEARS.first} to ${BANK_HOLIDAY_YEARS.last}, not ${year}`);
  }
  const easter = easterSunday(year);
  const proclaimed = PROCLAIMED[year] ?? { added: [] };
  const moved = (date: CalendarDate): CalendarDate => proclaimed.moved?.[date] ?? date;
  const movable = [
    addDays(easter, -2), // Good Friday
    moved(firstMonday(year, 4)), // early May
    moved(lastMonday(year, 4)), // spring
    division === 'scotland' ? firstMonday(year, 7) : lastMonday(year, 7), // summer
  ];
  if (division !== 'scotland') movable.push(addDays(easter, 1)); // Easter Monday
  const taken = new Set<CalendarDate>(movable);
  const fixed = [fixedDay(year, 1, 1)];
  if (division === 'scotland') fixed.push(fixedDay(year, 1, 2));
  if (division === 'northern-ireland') fixed.push(fixedDay(year, 3, 17), fixedDay(year, 7, 12));
  if (division === 'scotland') fixed.push(fixedDay(year, 11, 30));
  fixed.push(fixedDay(year, 12, 25), fixedDay(year, 12, 26));
  const days = [...movable, ...withSubstitutes(fixed, taken), ...proclaimed.added];
  return [...new Set(days)].sort();
}

const cache = new Map<string, ReadonlySet<CalendarDate>>();

export function isBankHoliday(date: CalendarDate, division: BankHolidayDivision): boolean {
  const year = Number(date.slice(0, 4));
  const key = `${division}:${year}`;
  let days = cache.get(key);
  if (!days) {
    days = new Set(bankHolidaysIn(year, division));
    cache.set(key, days);
  }
  return days.has(date);
}
