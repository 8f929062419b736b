import { jsonEvent, type EventData, type RecordedEvent } from '@kurrent/kurrentdb-client';
import { EventStoreError } from '../port/errors.js';
import type { EventMetadata, StoredEvent } from '../port/event-store.port.js';
import { globalPositionOf } from './log-position.js';
import { versionOfRevision } from './expected-version-mapping.js';

/** The key under which the store's own fields travel in a KurrentDB event's metadata, beside the caller's. */
export const STORE_FIELDS_KEY = 'eventStore';
/** KurrentDB reads these metadata keys itself (e.g. the $by_correlation_id projection); `$` keys are its namespace. */
const KURRENT_CORRELATION_KEY = '$correlationId';
const KURRENT_CAUSATION_KEY = '$causationId';

export interface StoreFields {
  readonly schemaVersion: number;
  readonly recordedAt: string;
  readonly hash: string;
  readonly prevHash: string | null;
}

/** An event in a store stream that this adapter did not write: it has no envelope, so no hash to check. */
export class UnrecognisedEventError extends EventStoreError {
  constructor(
    readonly streamId: string,
    readonly eventId: string,
  ) {
    super(`Event ${eventId} in stream ${streamId} was not written by this event store (its metadata has no ${STORE_FIELDS_KEY} envelope)`);
    this.name = 'UnrecognisedEventError';
  }
}

/** Caller metadata keys the envelope would shadow; appends using them are refused so reads give back exactly what was written. */
export function isReservedMetadataKey(key: string): boolean {
  return key === STORE_FIELDS_KEY || key.startsWith('$');
}

/** The caller's metadata as written, the KurrentDB correlation/causation keys, and the store's fields. */
export function toKurrentMetadata(metadata: EventMetadata, fields: StoreFields): Record<string, unknown> {
  const kurrent: Record<string, unknown> = { ...metadata };
  if (typeof metadata.correlationId === 'string') kurrent[KURRENT_CORRELATION_KEY] = metadata.correlationId;
  if (typeof metadata.causationId === 'string') kurrent[KURRENT_CAUSATION_KEY] = metadata.causationId;
  kurrent[STORE_FIELDS_KEY] = fields;
  return kurrent;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array);

function storeFieldsOf(value: unknown): StoreFields | undefined {
  if (!isRecord(value)) return undefined;
  const { schemaVersion, recordedAt, hash, prevHash } = value;
  const wellFormed =
    typeof schemaVersion === 'number' &&
    typeof recordedAt === 'string' &&
    typeof hash === 'string' &&
    (prevHash === null || typeof prevHash === 'string') &&
    !Number.isNaN(Date.parse(recordedAt));
  return wellFormed ? { schemaVersion, recordedAt, hash, prevHash } : undefined;
}

/** Splits KurrentDB metadata back into the caller's metadata and the store's fields; undefined when there is no envelope. */
export function fromKurrentMetadata(raw: unknown): { metadata: EventMetadata; fields: StoreFields } | undefined {
  if (!isRecord(raw)) return undefined;
  const fields = storeFieldsOf(raw[STORE_FIELDS_KEY]);
  if (!fields) return undefined;
  const metadata: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) if (!isReservedMetadataKey(key)) metadata[key] = value;
  return { metadata, fields };
}

/** An event about to be written: everything but its log position, which only the server knows. */
export type PendingEvent = Omit<StoredEvent, 'globalPosition'>;

export function toEventData(event: PendingEvent): EventData {
  const fields: StoreFields = {
    schemaVersion: event.schemaVersion,
    recordedAt: event.recordedAt.toISOString(),
    hash: event.hash,
    prevHash: event.prevHash,
  };
  return jsonEvent({ id: event.eventId, type: event.type, data: event.data, metadata: toKurrentMetadata(event.metadata, fields) });
}

/** A recorded KurrentDB event as the port's StoredEvent, before upcasting: what the hash chain covers. */
export function storedEventOf(recorded: RecordedEvent): StoredEvent {
  const stored = decodeRecorded(recorded);
  if (!stored) throw new UnrecognisedEventError(recorded.streamId, recorded.id);
  return stored;
}

/** As storedEventOf, but undefined for an event without the store's envelope (JSON data and well-formed fields). */
export function decodeRecorded(recorded: RecordedEvent): StoredEvent | undefined {
  const envelope = fromKurrentMetadata(recorded.metadata);
  if (!envelope || !recorded.isJson || !isRecord(recorded.data)) return undefined;
  const { metadata, fields } = envelope;
  return {
    eventId: recorded.id,
    streamId: recorded.streamId,
    streamVersion: versionOfRevision(recorded.revision),
    globalPosition: globalPositionOf(recorded.position, recorded.id),
    type: recorded.type,
    schemaVersion: fields.schemaVersion,
    data: recorded.data,
    metadata,
    recordedAt: new Date(fields.recordedAt),
    hash: fields.hash,
    prevHash: fields.prevHash,
  };
}
