import { pino, type LoggerOptions } from 'pino';
import type { LogLevel } from '../config/app-config.js';

/**
 * Never logged (docs/operations.md), whatever a caller passes by mistake: credentials and request bodies,
 * at the top level or one object down.
 */
const NEVER_LOGGED = ['authorization', 'cookie', 'token', 'accessToken', 'password', 'secret', 'body', 'headers'].flatMap((key) => [
  key,
  `*.${key}`,
]);

/**
 * Pino configured for the line format the operations docs, tests and tools read: `level` as a name, `time` as an
 * ISO instant, `message` (not pino's `msg`), no pid or hostname, bigints as text, and Nest's `verbose` below `debug`.
 */
export function pinoOptions(level: LogLevel): LoggerOptions<'verbose'> {
  return {
    level,
    customLevels: { verbose: 15 },
    messageKey: 'message',
    base: null,
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: {
      level: (label) => ({ level: label }),
      log: (fields) => bigintsAsText(fields) as Record<string, unknown>,
    },
    redact: { paths: NEVER_LOGGED, censor: '[redacted]' },
  };
}

function bigintsAsText(value: unknown): unknown {
  if (typeof value === 'bigint') return value.toString();
  if (Array.isArray(value)) return value.map(bigintsAsText);
  if (!isPlainObject(value)) return value;
  return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, bigintsAsText(inner)]));
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}
