import { START, type AllStreamRecordedEvent, type KurrentDBClient } from '@kurrent/kurrentdb-client';
import { eventHash } from '../hashing/event-hash.js';
import type { BrokenLink, ForeignEvent, StoredEvent, VerifyProgress, VerifyResult } from '../port/event-store.port.js';
import { versionOfRevision } from './expected-version-mapping.js';
import { readAllForwards, readLastEvent, readStreamForwards } from './kurrent-reads.js';
import { classifyRecorded } from './log-entries.js';
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

/**
 * The pure part of verification: fed the events of $all in log order, it keeps the head of each stream's chain, the
 * first broken link, and the foreign events it passed over. Foreign events are not part of any chain (the store
 * never wrote or read them), so they are listed rather than checked; one inside a stream's chain still shows as
 * that chain's version gap.
 */
export class ChainCheck {
  readonly heads = new Map<string, ChainHead>();
  private checkedEvents = 0;
  private foreignCount = 0;
  private firstForeign: ForeignEvent | undefined;
  private firstBroken: BrokenLink | undefined;

  get broken(): boolean {
    return this.firstBroken !== undefined;
  }

  get checked(): number {
    return this.checkedEvents;
  }

  /** Checks one event; answers false once a link is broken (nothing after it is looked at). */
  add(recorded: AllStreamRecordedEvent, claimStreamPrefix: string): boolean {
    if (this.firstBroken) return false;
    const entry = classifyRecorded(recorded, claimStreamPrefix);
    switch (entry.kind) {
      case 'internal':
        return true;
      case 'foreign':
        this.foreignCount += 1;
        this.firstForeign ??= entry.foreign;
        return true;
      case 'store': {
        const { event } = entry;
        const reason = brokenLinkReason(event, this.heads.get(event.streamId));
        if (reason) {
          this.firstBroken = {
            streamId: event.streamId,
            streamVersion: event.streamVersion,
            eventId: event.eventId,
            globalPosition: event.globalPosition,
            reason,
          };
          return false;
        }
        this.heads.set(event.streamId, { version: event.streamVersion, hash: event.hash });
        this.checkedEvents += 1;
        return true;
      }
    }
  }

  /** Records a broken link found outside the log pass (a stream that no longer reads as $all showed it). */
  breakAt(link: BrokenLink): void {
    this.firstBroken ??= link;
  }

  result(): VerifyResult {
    const checkedStreams = this.heads.size + (this.firstBroken && !this.heads.has(this.firstBroken.streamId) ? 1 : 0);
    return {
      ok: this.firstBroken === undefined,
      checkedEvents: this.checkedEvents,
      checkedStreams,
      ...(this.firstBroken ? { firstBroken: this.firstBroken } : {}),
      ...(this.firstForeign ? { foreignEvents: { count: this.foreignCount, first: this.firstForeign } } : {}),
    };
  }
}

/**
 * A stream read must still show what $all showed: from revision 0 (nothing hidden by truncation, $maxCount or
 * $maxAge) up to at least the last version seen (nothing deleted). A higher head is an append made since the scan.
 */
async function headMismatch(client: KurrentDBClient, streamId: string, head: ChainHead): Promise<BrokenLink | undefined> {
  const [[first], last] = await Promise.all([readStreamForwards(client, streamId, START, 1), readLastEvent(client, streamId)]);
  const intact = first?.revision === 0n && last !== undefined && versionOfRevision(last.revision) >= head.version;
  return intact
    ? undefined
    : { streamId, streamVersion: head.version, eventId: null, globalPosition: null, reason: 'stream-head-mismatch' };
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
 * each stream still reads as $all showed it. Reports the first broken link in log order, and the foreign events met.
 */
export async function verifyKurrentChains(
  client: KurrentDBClient,
  claimStreamPrefix: string,
  onProgress?: (p: VerifyProgress) => void,
): Promise<VerifyResult> {
  const check = new ChainCheck();
  let after = 0;
  for (;;) {
    const page = await readAllForwards(client, readPositionAfter(after), PAGE);
    const from = after;
    for (const recorded of page) {
      const position = globalPositionOf(recorded.position, recorded.id);
      if (position <= from) continue;
      after = position;
      if (!check.add(recorded, claimStreamPrefix)) return check.result();
    }
    onProgress?.({ checkedEvents: check.checked });
    if (page.length < PAGE || after === from) break;
  }
  const broken = await firstHeadMismatch(client, check.heads);
  if (broken) check.breakAt(broken);
  return check.result();
}
