export * from './calendar-date.js';
export * from './bank-holidays.js';
export * from './working-days.js';
export * from './statutory-periods.js';
export * from './municipal-year.js';
