import type { AllStreamRecordedEvent } from '@kurrent/kurrentdb-client';
import type { ForeignEvent, StoredEvent } from '../port/event-store.port.js';
import { decodeRecorded } from './event-envelope.js';
import { versionOfRevision } from './expected-version-mapping.js';
import { isStoreStream } from './kurrent-reads.js';
import { globalPositionOf } from './log-position.js';

/**
 * What an event read from $all is to this store: one of its own; foreign (in a store stream but without the store's
 * envelope: written around the store, e.g. by another application sharing the database); or internal (KurrentDB's
 * own streams and the event id claims), which no reader of the port ever sees.
 */
export type LogEntry =
  | { readonly kind: 'store'; readonly event: StoredEvent }
  | { readonly kind: 'foreign'; readonly foreign: ForeignEvent }
  | { readonly kind: 'internal' };

export function classifyRecorded(recorded: AllStreamRecordedEvent, claimStreamPrefix: string): LogEntry {
  if (!isStoreStream(recorded.streamId, claimStreamPrefix)) return { kind: 'internal' };
  const event = decodeRecorded(recorded);
  if (event) return { kind: 'store', event };
  return { kind: 'foreign', foreign: foreignEventOf(recorded) };
}

export function foreignEventOf(recorded: AllStreamRecordedEvent): ForeignEvent {
  return {
    streamId: recorded.streamId,
    streamVersion: versionOfRevision(recorded.revision),
    eventId: recorded.id,
    globalPosition: globalPositionOf(recorded.position, recorded.id),
    type: recorded.type,
  };
}

export interface PageTaken {
  readonly events: readonly StoredEvent[];
  /** Foreign events passed over before the last event taken (or the end of the page). */
  readonly foreign: readonly ForeignEvent[];
  /** The position read up to: the last event taken, or the page's last event when fewer than `want` were found. */
  readonly scanned: number;
}

/** Up to `want` store events after `from` out of one page of $all read forwards; internal and foreign ones are passed over. */
export function takeStoreEvents(page: readonly AllStreamRecordedEvent[], from: number, want: number, claimStreamPrefix: string): PageTaken {
  const events: StoredEvent[] = [];
  const foreign: ForeignEvent[] = [];
  let scanned = from;
  for (const recorded of page) {
    if (events.length >= want) break;
    // A read from a position returns the event at that position again.
    const position = globalPositionOf(recorded.position, recorded.id);
    if (position <= from) continue;
    scanned = position;
    const entry = classifyRecorded(recorded, claimStreamPrefix);
    if (entry.kind === 'store') events.push(entry.event);
    else if (entry.kind === 'foreign') foreign.push(entry.foreign);
  }
  return { events, foreign, scanned };
}

/**
 * The head as readers of the port see it: the position of the newest event readAll gives out, in a page of $all read
 * backwards. Id claims, their releases and foreign events come after it in the log, but no read ever reaches them,
 * so a head counting them would leave a caught-up reader behind for good.
 */
export function newestStorePosition(backwardsPage: readonly AllStreamRecordedEvent[], claimStreamPrefix: string): number | undefined {
  for (const recorded of backwardsPage) {
    const entry = classifyRecorded(recorded, claimStreamPrefix);
    if (entry.kind === 'store') return entry.event.globalPosition;
  }
  return undefined;
}

/**
 * Hands each foreign event to the sink once while it is recent: the projections each read the same stretch of the log,
 * and a reader at the end of the log reads a foreign tail again on every poll. Remembers a bounded number of positions.
 */
export class ForeignEventReporter {
  private readonly seen = new Set<number>();

  constructor(
    private readonly sink: (event: ForeignEvent) => void,
    private readonly remember = 10_000,
  ) {}

  report(event: ForeignEvent): void {
    if (this.seen.has(event.globalPosition)) return;
    this.seen.add(event.globalPosition);
    if (this.seen.size > this.remember) {
      const [oldest] = this.seen;
      if (oldest !== undefined) this.seen.delete(oldest);
    }
    this.sink(event);
  }
}

export function describeForeignEvent(event: ForeignEvent): string {
  return (
    `Skipped event ${event.eventId} (${event.type}) at version ${event.streamVersion} of stream ${event.streamId}, ` +
    `position ${event.globalPosition}: it was not written by this event store (no envelope), so no reader sees it`
  );
}
