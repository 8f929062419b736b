import { isBankHoliday, type BankHolidayDivision } from './bank-holidays.js';
import { addDays, isWeekend, type CalendarDate } from './calendar-date.js';

export const isWorkingDay = (date: CalendarDate, division: BankHolidayDivision): boolean =>
  !isWeekend(date) && !isBankHoliday(date, division);

/** The nth working day after `date`, not counting `date` itself ("n clear working days"). */
export function workingDaysAfter(date: CalendarDate, n: number, division: BankHolidayDivision): CalendarDate {
  let day = date;
  for (let counted = 0; counted < n;) {
    day = addDays(day, 1);
    if (isWorkingDay(day, division)) counted += 1;
  }
  return day;
}
