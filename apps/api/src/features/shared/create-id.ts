import { randomUUID } from 'node:crypto';
import type { Caller } from '../../platform/caller.js';
import { idempotentRecordId } from '../../platform/idempotency/derived-ids.js';

/**
 * Ids are minted by the server unless the request carries its own (e.g. an import keeping its keys). With an
 * Idempotency-Key the id is derived from the request, so a retry after an ambiguous failure names the same record.
 */
export const idFrom = (body: { readonly id?: string | undefined }, caller: Caller): string =>
  body.id ?? idempotentRecordId(caller.idempotentRequest) ?? randomUUID();
