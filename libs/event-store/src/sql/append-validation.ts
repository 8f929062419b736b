import { InvalidAppendError } from '../port/errors.js';
import type { NewEvent } from '../port/event-store.port.js';

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Positions carry the writing transaction's id in their high bits and the event's index in the low bits. */
export const EVENTS_PER_APPEND_BITS = 12;
export const MAX_EVENTS_PER_APPEND = 2 ** EVENTS_PER_APPEND_BITS;

export function assertAppendable(streamId: string, events: readonly NewEvent[]): void {
  if (!streamId || streamId.length > 255) throw new InvalidAppendError('streamId must be 1 to 255 characters');
  if (events.length === 0) throw new InvalidAppendError('An append needs at least one event');
  if (events.length > MAX_EVENTS_PER_APPEND) throw new InvalidAppendError(`An append takes at most ${MAX_EVENTS_PER_APPEND} events`);
  const ids = new Set<string>();
  for (const event of events) {
    if (!UUID.test(event.eventId)) throw new InvalidAppendError(`eventId ${event.eventId} is not a UUID`);
    if (ids.has(event.eventId.toLowerCase())) throw new InvalidAppendError(`eventId ${event.eventId} appears twice`);
    ids.add(event.eventId.toLowerCase());
    if (!event.type) throw new InvalidAppendError('Every event needs a type');
  }
}
