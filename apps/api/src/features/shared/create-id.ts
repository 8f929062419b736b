import { randomUUID } from 'node:crypto';
import { idempotentRecordId } from '../../platform/idempotency/derived-ids.js';

/**
 * Ids are minted by the server unless the request carries its own (e.g. an import keeping its keys). With an
 * Idempotency-Key the id is derived from the request, so a retry after an ambiguous failure names the same record.
 */
export const idFrom = (body: { readonly id?: string | undefined }): string => body.id ?? idempotentRecordId() ?? randomUUID();
