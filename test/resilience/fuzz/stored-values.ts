import type { StoredEvent } from '#event-store';

const DATE_PREFIX = /^(\d{4})-(\d{2})-(\d{2})/;
/** Free text (a note) may well start with any digits; only fields that hold a date must hold a real one. */
const DATE_FIELD = /(Date|At|asOf|On)$/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

function realCalendarDate(text: string): boolean {
  const match = DATE_PREFIX.exec(text);
  if (!match) return true;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function* strings(value: unknown, path: string): Generator<[string, string]> {
  if (typeof value === 'string') yield [path, value];
  else if (Array.isArray(value)) for (const [index, item] of value.entries()) yield* strings(item, `${path}[${index}]`);
  else if (value !== null && typeof value === 'object')
    for (const [key, item] of Object.entries(value)) yield* strings(item, `${path}.${key}`);
}

/**
 * What the fuzzer must never have got into the record: an impossible date (2017-02-30), a NUL, a lone
 * surrogate (text no other system could read back), or a prototype key in event data.
 */
export function corruptValuesStored(events: readonly StoredEvent[]): string[] {
  const found: string[] = [];
  for (const event of events) {
    for (const [path, text] of strings(event.data, `${event.type}@${event.globalPosition}`)) {
      if (DATE_FIELD.test(path) && !realCalendarDate(text)) found.push(`${path}: impossible date ${text.slice(0, 40)}`);
      if (text.includes('\u0000')) found.push(`${path}: NUL`);
      if (LONE_SURROGATE.test(text)) found.push(`${path}: lone surrogate`);
    }
    const keys = JSON.stringify(event.data).match(/"(__proto__|constructor|prototype)":/g);
    if (keys) found.push(`${event.type}@${event.globalPosition}: keys ${keys.join(' ')}`);
  }
  return found;
}
