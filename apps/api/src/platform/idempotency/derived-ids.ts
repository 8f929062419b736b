import { createHash } from 'node:crypto';
import type { IdempotentRequest } from './idempotency.store.js';

/**
 * Ids that a request with an Idempotency-Key mints are derived from the request rather than drawn at random, so a
 * re-run of the same request (after a lost answer, a failed completion or a claim taken over) names the same record
 * and the same events, and finds what its first run wrote instead of writing it again. The body's fingerprint is part
 * of the name: the same key with another body (possible only once its claim is gone) is another request.
 */
export function derivedId(request: IdempotentRequest, ...purpose: readonly (string | number)[]): string {
  const name = JSON.stringify([request.scope, request.key, request.method, request.path, request.bodyHash, ...purpose]);
  const bytes = createHash('sha1').update(NAMESPACE).update(name).digest().subarray(0, 16);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x50; // version 5: name-based, SHA-1
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80; // RFC 4122 variant
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Actiontrail's own namespace for these names (a fixed random UUID, as RFC 4122 asks). */
const NAMESPACE = Buffer.from('5f0c1e2a9b7d4c3e8a61d2f4b0e9c7a3', 'hex');

/** The id a create without a client-chosen id gets when it carries an Idempotency-Key. */
export function idempotentRecordId(request: IdempotentRequest | undefined): string | undefined {
  return request ? derivedId(request, 'record') : undefined;
}
