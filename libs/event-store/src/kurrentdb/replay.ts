import type { KurrentDBClient } from '@kurrent/kurrentdb-client';
import { canonicalJson } from '../hashing/canonical-json.js';
import { DuplicateEventIdError } from '../port/errors.js';
import type { AppendResult } from '../port/event-store.port.js';
import type { NormalizedEvent } from './chain-events.js';
import { storedEventOf } from './event-envelope.js';
import { revisionOfVersion } from './expected-version-mapping.js';
import { readStreamForwards } from './kurrent-reads.js';

/**
 * An append already made answers as the first time did: when every event is in the stream (from `fromVersion` on)
 * with the same type and data, the result of that write; when none is, undefined; when only some are, or one
 * differs, the ids were reused for something else.
 */
export async function findReplay(
  client: KurrentDBClient,
  streamId: string,
  events: readonly NormalizedEvent[],
  fromVersion: number,
): Promise<AppendResult | undefined> {
  const wanted = new Map(events.map((event) => [event.eventId.toLowerCase(), event]));
  const found = (await readStreamForwards(client, streamId, revisionOfVersion(Math.max(fromVersion, 1))))
    .filter((recorded) => wanted.has(recorded.id.toLowerCase()))
    .map(storedEventOf);
  const [first] = found;
  if (!first) return undefined;
  for (const stored of found) {
    const event = wanted.get(stored.eventId.toLowerCase());
    if (event?.type !== stored.type || canonicalJson(event.data) !== canonicalJson(stored.data))
      throw new DuplicateEventIdError(stored.eventId);
  }
  if (found.length < events.length) throw new DuplicateEventIdError(first.eventId);
  const last = found.reduce((a, b) => (a.streamVersion > b.streamVersion ? a : b));
  return { streamId, nextExpectedVersion: last.streamVersion, lastPosition: last.globalPosition, idempotentReplay: true };
}
