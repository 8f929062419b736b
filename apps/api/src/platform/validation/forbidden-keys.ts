import { hasLoneSurrogate } from '#event-store';
import { RequestValidationError } from './request-validation.error.js';

/** Keys that could reach an object's prototype once a library merges or transforms the body. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
/** Far beyond any DTO of ours, and shallow enough for the recursive transformer and validator. */
const MAX_DEPTH = 32;

/**
 * A Fastify preValidation hook, after the JSON parser: rejects dangerous keys, absurd nesting and text that is
 * not well-formed Unicode before validation sees the body (some validators throw on a lone surrogate).
 */
export function rejectUnsafeJsonBodies(req: { readonly body?: unknown }, _reply: unknown, done: (error?: Error) => void): void {
  const problem = unsafePartOf(req.body);
  done(
    problem
      ? new RequestValidationError([problem], 'The request body contains a forbidden key, nests too deeply or holds malformed text')
      : undefined,
  );
}

export function unsafePartOf(body: unknown): { field: string; message: string } | undefined {
  const pending: { value: unknown; path: string; depth: number }[] = [{ value: body, path: '', depth: 0 }];
  while (pending.length > 0) {
    const { value, path, depth } = pending.pop()!;
    if (typeof value === 'string' && hasLoneSurrogate(value))
      return { field: path || '(body)', message: 'is not well-formed Unicode (a lone surrogate)' };
    if (typeof value !== 'object' || value === null) continue;
    if (depth > MAX_DEPTH) return { field: path || '(body)', message: `nests deeper than ${MAX_DEPTH} levels` };
    for (const key of Object.keys(value)) {
      const childPath = path ? `${path}.${key}` : key;
      if (FORBIDDEN_KEYS.has(key)) return { field: childPath, message: `"${key}" is not allowed as a key` };
      if (hasLoneSurrogate(key))
        return { field: path || '(body)', message: 'has a key that is not well-formed Unicode (a lone surrogate)' };
      pending.push({ value: (value as Record<string, unknown>)[key], path: childPath, depth: depth + 1 });
    }
  }
  return undefined;
}
