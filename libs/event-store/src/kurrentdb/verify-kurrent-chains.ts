import { START, type AllStreamRecordedEvent, type KurrentDBClient } from '@kurrent/kurrentdb-client';
import { eventHash } from '../hashing/event-hash.js';
import type { BrokenLink, StoredEvent, VerifyProgress, VerifyResult } from '../port/event-store.port.js';
import { storedEventOf, UnrecognisedEventError } from './event-envelope.js';
import { versionOfRevision } from './expected-version-mapping.js';
import { isStoreStream, readAllForwards, readLastEvent, readStreamForwards } from './kurrent-reads.js';
import { globalPositionOf, readPositionAfter } from './log-position.js';

const PAGE = 5_000;
const STREAMS_CHECKED_AT_ONCE = 16;

export interface ChainHead {
  readonly version: number;
  readonly hash: string;
}

/** What is wrong with an event given the head of its stream's chain so far, if anything. */
export function brokenLinkReason(event: StoredEvent, previous: ChainHead | undefined): BrokenLink['reason'] | undefined {
  const expectedPrev = previous?.hash ?? null;
  if (event.streamVersion !== (previous?.version ?? 0) + 1) return 'version-gap';
  if (event.prevHash !== expectedPrev) return 'chain-broken';
  if (eventHash(event, expectedPrev) !== event.hash) return 'hash-mismatch';
  return undefined;
}

function checkRecorded(recorded: AllStreamRecordedEvent, previous: ChainHead | undefined): { event: StoredEvent } | { broken: BrokenLink } {
  const at = { streamId: recorded.streamId, streamVersion: versionOfRevision(recorded.revision), eventId: recorded.id };
  try {
    const event = storedEventOf(recorded);
    const reason = brokenLinkReason(event, previous);
    return reason ? { broken: { ...at, globalPosition: event.globalPosition, reason } } : { event };
  } catch (error) {
    // An event without the store's envelope was written around the store: its content cannot be vouched for.
    if (error instanceof UnrecognisedEventError) return { broken: { ...at, globalPosition: globalPositionOf(recorded.position, recorded.id), reason: 'hash-mismatch' } };
    throw error;
  }
}

/**
 * A stream read must still show what $all showed: from revision 0 (nothing hidden by truncation, $maxCount or
 * $maxAge) up to at least the last version seen (nothing deleted). A higher head is an append made since the scan.
 */
async function headMismatch(client: KurrentDBClient, streamId: string, head: ChainHead): Promise<BrokenLink | undefined> {
  const [[first], last] = await Promise.all([readStreamForwards(client, streamId, START, 1), readLastEvent(client, streamId)]);
  const intact = first?.revision === 0n && last !== undefined && versionOfRevision(last.revision) >= head.version;
  return intact ? undefined : { streamId, streamVersion: head.version, eventId: null, globalPosition: null, reason: 'stream-head-mismatch' };
}

async function firstHeadMismatch(client: KurrentDBClient, heads: ReadonlyMap<string, ChainHead>): Promise<BrokenLink | undefined> {
  const entries = [...heads];
  for (let start = 0; start < entries.length; start += STREAMS_CHECKED_AT_ONCE) {
    const batch = entries.slice(start, start + STREAMS_CHECKED_AT_ONCE);
    const found = (await Promise.all(batch.map(([streamId, head]) => headMismatch(client, streamId, head)))).find(Boolean);
    if (found) return found;
  }
  return undefined;
}

/**
 * Recomputes every stream's hash chain in one pass over $all, keeping the head of each stream's chain, then checks
 * each stream still reads as $all showed it. Reports the first broken link in log order.
 */
export async function verifyKurrentChains(
  client: KurrentDBClient, claimStreamPrefix: string, onProgress?: (p: VerifyProgress) => void,
): Promise<VerifyResult> {
  const heads = new Map<string, ChainHead>();
  let checkedEvents = 0;
  let after = 0;
  for (;;) {
    const page = await readAllForwards(client, readPositionAfter(after), PAGE);
    const from = after;
    for (const recorded of page) {
      const position = globalPositionOf(recorded.position, recorded.id);
      if (position <= from) continue;
      after = position;
      if (!isStoreStream(recorded.streamId, claimStreamPrefix)) continue;
      const previous = heads.get(recorded.streamId);
      const checked = checkRecorded(recorded, previous);
      const checkedStreams = heads.size + (previous ? 0 : 1);
      if ('broken' in checked) return { ok: false, checkedEvents, checkedStreams, firstBroken: checked.broken };
      heads.set(recorded.streamId, { version: checked.event.streamVersion, hash: checked.event.hash });
      checkedEvents += 1;
    }
    onProgress?.({ checkedEvents });
    if (page.length < PAGE || after === from) break;
  }
  const broken = await firstHeadMismatch(client, heads);
  return broken
    ? { ok: false, checkedEvents, checkedStreams: heads.size, firstBroken: broken }
    : { ok: true, checkedEvents, checkedStreams: heads.size };
}
