import { createHash } from 'node:crypto';
import { canonicalJson } from '#event-store';
import { ProblemException } from '../problems/problem.js';

export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';
/** Visible ASCII, inner spaces allowed, 1-255 characters. */
const VALID_KEY = /^[\x21-\x7e](?:[\x20-\x7e]{0,253}[\x21-\x7e])?$/;

/** The key a POST carries, undefined when it carries none; a malformed one is the client's error (400). */
export function idempotencyKeyFrom(headers: Record<string, string | string[] | undefined>): string | undefined {
  const value = headers[IDEMPOTENCY_KEY_HEADER];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !VALID_KEY.test(value)) {
    throw ProblemException.of(400, 'invalid-idempotency-key', 'Idempotency-Key must be 1-255 printable ASCII characters, sent once');
  }
  return value;
}

/** Key order and whitespace do not make two bodies different. */
export function bodyFingerprint(body: unknown): string {
  return createHash('sha256')
    .update(body === undefined ? '' : canonicalJson(body))
    .digest('hex');
}
