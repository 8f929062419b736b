import { InvalidAppendError } from '../port/errors.js';
import type { NewEvent } from '../port/event-store.port.js';
import { hasLoneSurrogate } from '../port/well-formed-text.js';
import { assertAppendable } from '../sql/append-validation.js';
import { isReservedMetadataKey } from './event-envelope.js';

const unstorableString = (text: string): boolean => text.includes('\u0000') || hasLoneSurrogate(text);

/**
 * PostgreSQL's jsonb refuses NUL characters and lone surrogates; KurrentDB would store them. The port promises one
 * behaviour, so this adapter refuses them too, wherever they hide (keys included).
 */
export function containsUnstorableText(value: unknown): boolean {
  if (typeof value === 'string') return unstorableString(value);
  if (Array.isArray(value)) return value.some(containsUnstorableText);
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).some(([key, inner]) => unstorableString(key) || containsUnstorableText(inner));
  }
  return false;
}

/** KurrentDB's own streams and event types start with `$`; the id claims live under their own prefix. */
export function isSystemName(name: string): boolean {
  return name.startsWith('$');
}

/** The port's checks, plus what a KurrentDB stream needs to stay readable through this adapter. */
export function assertKurrentAppendable(streamId: string, events: readonly NewEvent[], claimStreamPrefix: string): void {
  assertAppendable(streamId, events);
  if (isSystemName(streamId)) throw new InvalidAppendError(`Stream ${streamId} is a KurrentDB system stream`);
  if (streamId.startsWith(claimStreamPrefix))
    throw new InvalidAppendError(`Stream names starting with ${claimStreamPrefix} are reserved for event id claims`);
  for (const event of events) {
    if (isSystemName(event.type))
      throw new InvalidAppendError(`Event type ${event.type} starts with $, which KurrentDB keeps for system events`);
    const reserved = Object.keys(event.metadata ?? {}).find(isReservedMetadataKey);
    if (reserved !== undefined) throw new InvalidAppendError(`Metadata key ${reserved} is reserved by the event store`);
    if (containsUnstorableText(event.data) || containsUnstorableText(event.metadata ?? {})) {
      throw new InvalidAppendError('Event data cannot be stored as JSON (e.g. a NUL character or a lone surrogate)');
    }
  }
}
