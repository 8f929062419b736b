import type { RequestIds } from '#runtime';
import { currentRequestContext } from '../request-context.js';

/** The api's log lines carry the ids of the request being served. */
export function currentRequestIds(): RequestIds | undefined {
  const context = currentRequestContext();
  return context ? { correlationId: context.correlationId, requestId: context.requestId } : undefined;
}
