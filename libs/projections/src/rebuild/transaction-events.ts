import type { EventStore, SqlDatabase, StoredEvent } from '#event-store';

/**
 * PGlite is one connection: while a transaction is open nothing else can read the store. So the events a
 * swap or a comparison needs are read just before its transaction, and if the live runner got further in
 * between, the transaction gives up with this error and the caller tries again.
 */
export class EventsArrivedLateError extends Error {
  constructor(
    readonly needed: number,
    readonly reached: number,
  ) {
    super(`Events up to position ${needed} were needed but only those up to ${reached} were read before the transaction`);
    this.name = 'EventsArrivedLateError';
  }
}

/** Reads the log after `after` until it is exhausted, or until a page reaches `upTo`. */
export async function readEventsAfter(
  store: EventStore,
  after: number,
  batchSize: number,
  upTo = Number.POSITIVE_INFINITY,
): Promise<StoredEvent[]> {
  const events: StoredEvent[] = [];
  let position = after;
  while (position < upTo) {
    const page = await store.readAll(position, batchSize);
    if (page.events.length === 0) break;
    events.push(...page.events);
    position = page.lastPosition;
  }
  return events;
}

export interface TransactionEventsRequest {
  readonly store: EventStore;
  /** The database of the transaction that needs the events. */
  readonly db: SqlDatabase;
  /** Read before the transaction began. */
  readonly prefetched: readonly StoredEvent[];
  readonly after: number;
  /** The events must reach at least this position (the live checkpoint held by the transaction). */
  readonly through: number;
  /** Also take whatever has been committed beyond `through` (a swap does; a comparison must not). */
  readonly toHead: boolean;
  readonly batchSize: number;
}

/** The events after `after` that a transaction holding the live checkpoint must apply. */
export async function eventsForTransaction(request: TransactionEventsRequest): Promise<StoredEvent[]> {
  const { store, db, after, through, toHead, batchSize } = request;
  const events = request.prefetched.filter((event) => event.globalPosition > after);
  let reached = events.at(-1)?.globalPosition ?? after;
  // On PostgreSQL the store is read on other connections, so the transaction can read on; PGlite cannot.
  if (db.dialect === 'postgres') {
    const more = await readEventsAfter(store, reached, batchSize, toHead ? Number.POSITIVE_INFINITY : through);
    events.push(...more);
    reached = events.at(-1)?.globalPosition ?? after;
  }
  if (reached < through) {
    if (db.dialect === 'pglite') throw new EventsArrivedLateError(through, reached);
    throw new Error(`The event log ends at ${reached}, below the live checkpoint ${through}: the checkpoint is ahead of the store`);
  }
  return toHead ? events : events.filter((event) => event.globalPosition <= through);
}

export function chunksOf<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let start = 0; start < items.length; start += size) chunks.push(items.slice(start, start + size));
  return chunks;
}
