import { registerDecorator, type ValidationOptions } from 'class-validator';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = DATE.exec(value);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day && year >= 1900 && year <= 2999;
}

/** ISO 8601 instant with an explicit zone; local times are ambiguous across clock changes. */
export function isInstant(value: unknown): value is string {
  if (typeof value !== 'string' || !INSTANT.test(value)) return false;
  const time = Date.parse(value);
  return Number.isFinite(time) && isCalendarDate(value.slice(0, 10)) && new Date(time).getUTCFullYear() <= 2999;
}

function decorator(name: string, check: (v: unknown) => boolean, message: string) {
  return (options?: ValidationOptions) => (target: object, propertyName: string) =>
    registerDecorator({
      name,
      target: target.constructor,
      propertyName,
      options: { message: `${propertyName} ${message}`, ...options },
      validator: { validate: check },
    });
}

/** A real calendar date as YYYY-MM-DD (2017-02-30 is refused). */
export const IsCalendarDate = decorator('isCalendarDate', isCalendarDate, 'must be a real date as YYYY-MM-DD');
/** An ISO 8601 instant with its zone, e.g. 2017-01-16T18:00:00Z. */
export const IsInstant = decorator('isInstant', isInstant, 'must be an ISO 8601 instant with a zone');
/** A UK date as YYYY-MM-DD, or an ISO 8601 instant with its zone. */
export const IsCalendarDateOrInstant = decorator(
  'isCalendarDateOrInstant',
  (v) => isCalendarDate(v) || isInstant(v),
  'must be a real date as YYYY-MM-DD or an ISO 8601 instant with a zone',
);
/** No NUL characters: PostgreSQL cannot store them in JSON. */
export const HasNoNul = decorator('hasNoNul', (v) => typeof v !== 'string' || !v.includes('\u0000'), 'must not contain NUL characters');
/** Refuses the property beside `other`: the two are alternatives (a meeting's `date` or its `startsAt`). */
export const IsNotGivenWith =
  (other: string, options?: ValidationOptions) =>
  (target: object, propertyName: string): void =>
    registerDecorator({
      name: 'isNotGivenWith',
      target: target.constructor,
      propertyName,
      constraints: [other],
      options: { message: `${propertyName} and ${other} are alternatives: give one of them`, ...options },
      validator: { validate: (_value: unknown, args) => (args?.object as Record<string, unknown> | undefined)?.[other] === undefined },
    });
