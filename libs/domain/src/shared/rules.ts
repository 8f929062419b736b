import { invalid } from './errors.js';

/** Refuses blank text; the code is `<field>-required`, e.g. `reason-required`. */
export const requireText = (value: string | undefined, field: string): void => {
  if (value === undefined || value.trim() === '') {
    throw invalid(`${field}-required`, `${field} must not be empty`, { field });
  }
};

export const duplicatesIn = (values: readonly string[]): string[] => [
  ...new Set(values.filter((value, index) => values.indexOf(value) !== index)),
];

/** True when exactly one of the two is given (e.g. dueDate or dueMeetingId). */
export const exactlyOneGiven = (a: string | undefined, b: string | undefined): boolean => (a !== undefined) !== (b !== undefined);
