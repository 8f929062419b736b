import { notFound } from '#domain';
import { etagFor } from '../../platform/index.js';
import type { Loaded } from './aggregate-store.js';

/** What a passthrough @Res() is used for here: Fastify's reply.header(). */
export interface HeaderSink {
  header(name: string, value: string): unknown;
}

/** A single resource folded from its stream: 404 when it never existed, else its state with `ETag: "<version>"`. */
export function sendFolded<S extends { readonly exists: boolean }>(
  res: HeaderSink,
  loaded: Loaded<S>,
  code: string,
  message: string,
): Omit<Extract<S, { readonly exists: true }>, 'exists'> & { version: number } {
  if (!loaded.state.exists) throw notFound(code, message);
  res.header('ETag', etagFor(loaded.version));
  const { exists: _exists, ...rest } = loaded.state as Extract<S, { readonly exists: true }>;
  return { ...rest, version: loaded.version };
}
