import { randomUUID } from 'node:crypto';
import type { SqlEventStore, StoredEvent } from '#event-store';

/** Appends `count` events to a stream and waits until readers of the global log can see them. */
export async function appendEvents(
  store: SqlEventStore,
  streamId: string,
  count: number,
  metadata: Record<string, unknown> = {},
): Promise<number> {
  const events = Array.from({ length: count }, (_, index) => ({
    eventId: randomUUID(),
    type: 'ThingNoted',
    data: { note: `${streamId} #${index}` },
    metadata,
  }));
  const { lastPosition } = await store.appendToStream(streamId, events);
  // Another suite's open transaction on the same server can hold the commit-safe horizon back for a moment.
  await waitFor(async () => (await store.headPosition()) >= lastPosition, `position ${lastPosition} to become readable`);
  return lastPosition;
}

export async function readLog(store: SqlEventStore, after: number): Promise<readonly StoredEvent[]> {
  return (await store.readAll(after, 100_000)).events;
}

/**
 * A checkpoint of its own that starts at the current head, so that each test relays only what it appends
 * to a log the suite shares.
 */
export async function freshCheckpoint(store: SqlEventStore): Promise<{ readonly name: string; readonly since: number }> {
  const name = `kafka-relay-test-${randomUUID().slice(0, 8)}`;
  const since = await store.headPosition();
  await store.db.query('INSERT INTO checkpoints (name, position) VALUES ($1, $2)', [name, since]);
  return { name, since };
}

export async function waitFor(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export const streamOf = (category: string): string => `${category}-${randomUUID()}`;
