import { RequestValidationError } from '../platform/index.js';

/** A page's `nextAfter`: the sort key of the last row sent, as base64url JSON, opaque to clients. */
export function encodeCursor(values: readonly unknown[]): string {
  return Buffer.from(JSON.stringify(values), 'utf8').toString('base64url');
}

export const notAPreviousCursor = (): RequestValidationError =>
  new RequestValidationError([{ field: 'after', message: 'after must be the nextAfter of a previous page' }]);

/** The key's values, or 400 when `after` is not a cursor of `length` values; each view checks the values' types. */
export function decodeCursor(cursor: string, length: number): unknown[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw notAPreviousCursor();
  }
  if (!Array.isArray(parsed) || parsed.length !== length) throw notAPreviousCursor();
  // PostgreSQL text cannot hold NUL: a forged cursor carrying one is refused here rather than failing in SQL.
  if (parsed.some((value) => typeof value === 'string' && value.includes('\u0000'))) throw notAPreviousCursor();
  return parsed as unknown[];
}
