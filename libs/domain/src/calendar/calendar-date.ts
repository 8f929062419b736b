import { invalid } from '../shared/errors.js';

/** A calendar date as councils write it, YYYY-MM-DD, with no time or zone. */
export type CalendarDate = string;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Refuses anything but a real calendar date (no 31 April), naming the field. */
export function requireCalendarDate(value: string, field: string): CalendarDate {
  const match = DATE.exec(value);
  const [, y, m, d] = match ?? [];
  const date = match ? new Date(Date.UTC(Number(y), Number(m) - 1, Number(d))) : undefined;
  if (!date || toCalendarDate(date) !== value) {
    throw invalid(`${field}-not-a-date`, `${field} must be a calendar date (YYYY-MM-DD)`, { field, value });
  }
  return value;
}

export const toCalendarDate = (date: Date): CalendarDate => date.toISOString().slice(0, 10);

export const fromCalendarDate = (date: CalendarDate): Date => new Date(`${date}T00:00:00Z`);

export const addDays = (date: CalendarDate, days: number): CalendarDate => {
  const next = fromCalendarDate(date);
  next.setUTCDate(next.getUTCDate() + days);
  return toCalendarDate(next);
};

export const daysInMonth = (year: number, monthIndex: number): number => new Date(Date.UTC(year, monthIndex + 1, 0)).getUTCDate();

/** 0 Sunday … 6 Saturday. */
export const weekdayOf = (date: CalendarDate): number => fromCalendarDate(date).getUTCDay();

export const isWeekend = (date: CalendarDate): boolean => {
  const day = weekdayOf(date);
  return day === 0 || day === 6;
};
