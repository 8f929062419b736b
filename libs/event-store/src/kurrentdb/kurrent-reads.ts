import {
  BACKWARDS,
  END,
  excludeSystemEvents,
  FORWARDS,
  type AllStreamRecordedEvent,
  type KurrentDBClient,
  type ReadPosition,
  type ReadRevision,
  type RecordedEvent,
} from '@kurrent/kurrentdb-client';
import { isSystemName } from './kurrent-append-validation.js';
import { isMissingStream, toStoreError } from './store-error-mapping.js';

async function collect<T>(events: AsyncIterable<{ event?: T }>): Promise<T[]> {
  const recorded: T[] = [];
  try {
    for await (const resolved of events) if (resolved.event) recorded.push(resolved.event);
  } catch (error) {
    if (isMissingStream(error)) return [];
    throw toStoreError(error);
  }
  return recorded;
}

/** A stream's events forwards from a revision; an absent stream reads as empty. */
export function readStreamForwards(
  client: KurrentDBClient,
  streamId: string,
  fromRevision: ReadRevision,
  maxCount?: number,
): Promise<RecordedEvent[]> {
  return collect(client.readStream(streamId, { direction: FORWARDS, fromRevision, ...(maxCount === undefined ? {} : { maxCount }) }));
}

/** The last event of a stream, or undefined when the stream does not exist. */
export async function readLastEvent(client: KurrentDBClient, streamId: string): Promise<RecordedEvent | undefined> {
  const [last] = await collect(client.readStream(streamId, { direction: BACKWARDS, fromRevision: END, maxCount: 1 }));
  return last;
}

/**
 * One page of $all forwards, system events (`$` types) dropped by the server. What remains may still include
 * KurrentDB's own streams and the id claims; callers keep only store streams (see isStoreStream).
 */
export function readAllForwards(client: KurrentDBClient, fromPosition: ReadPosition, maxCount: number): Promise<AllStreamRecordedEvent[]> {
  return collect(client.readAll({ direction: FORWARDS, fromPosition, maxCount, filter: excludeSystemEvents() }));
}

/** One page of $all backwards from a position (END for the newest), system events dropped by the server. */
export function readAllBackwards(client: KurrentDBClient, fromPosition: ReadPosition, maxCount: number): Promise<AllStreamRecordedEvent[]> {
  return collect(client.readAll({ direction: BACKWARDS, fromPosition, maxCount, filter: excludeSystemEvents() }));
}

/** Streams that hold this store's events: not KurrentDB's own (`$`), not the event id claims. */
export function isStoreStream(streamId: string, claimStreamPrefix: string): boolean {
  return !isSystemName(streamId) && !streamId.startsWith(claimStreamPrefix);
}
