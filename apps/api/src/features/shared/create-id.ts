import { randomUUID } from 'node:crypto';

/** Ids are minted by the server unless the request carries its own (e.g. an import keeping its keys). */
export const idFrom = (body: { readonly id?: string | undefined }): string => body.id ?? randomUUID();
