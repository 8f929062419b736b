import { StoreUnavailableError } from '#event-store';

/**
 * Codes meaning "the database cannot serve now, try again": connection failures, admin shutdown,
 * server starting up, connection exceptions, too many connections, and transient serialization failures.
 * A database closed to connections (ALTER DATABASE ... ALLOW_CONNECTIONS false) answers the generic 55000,
 * so it is recognised by its message below.
 */
const TRANSIENT_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EPIPE',
  'EAI_AGAIN',
  '57P01',
  '57P02',
  '57P03',
  '57014',
  '53300',
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
  '08P01',
  '40001',
  '40P01',
]);

const TRANSIENT_MESSAGES = [
  /connection terminated/i,
  /is not currently accepting connections/i,
  /timeout exceeded when trying to connect/i,
  /client has encountered a connection error/i,
  /cannot use a pool after calling end/i,
  /pglite is closed/i,
];

/** True when the error (or one it wraps) says the store or its database is unreachable rather than that the request is wrong. */
export function isStoreUnavailable(error: unknown, depth = 0): boolean {
  if (depth > 5 || typeof error !== 'object' || error === null) return false;
  if (error instanceof StoreUnavailableError) return true;
  const { code, message, cause, errors } = error as { code?: unknown; message?: unknown; cause?: unknown; errors?: unknown };
  if (typeof code === 'string' && TRANSIENT_CODES.has(code)) return true;
  if (typeof message === 'string' && TRANSIENT_MESSAGES.some((pattern) => pattern.test(message))) return true;
  if (Array.isArray(errors) && errors.some((inner) => isStoreUnavailable(inner, depth + 1))) return true;
  return isStoreUnavailable(cause, depth + 1);
}
