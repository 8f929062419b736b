import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { performance } from 'node:perf_hooks';
import { streamIdFor } from '#domain';
import type { SqlEventStore } from '#event-store';
import { percentile } from '../measure.js';
import { newActionBody, officerAuthorization, postJson, type World } from './seed.js';
import type { SqlCounter } from './sql-counter.js';

/** Events in the action's stream before the measured commands: 1 is a new action (its assignment alone). */
export const STREAM_SIZES = [1, 10, 1_000, 10_000] as const;

export interface GrowthPoint {
  readonly events: number;
  readonly commands: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly meanMs: number;
  readonly streamReads: { whole: number; fromVersion: number };
}

const APPEND_BATCH = 1_000;
/** Time for the in-process projections to take in the appended history before the commands are timed. */
const QUIET_MS = 1_500;

/** Grows the action's stream to `events` with progress reports appended straight to the store (as many officers would have). */
async function growStream(store: SqlEventStore, world: World, actionId: string, events: number): Promise<void> {
  const streamId = streamIdFor('action', actionId);
  let version = 1;
  const metadata = { actor: { id: world.personId, name: 'Tony Fitzgerald', roles: ['officer'] }, correlationId: randomUUID() };
  while (version < events) {
    const count = Math.min(APPEND_BATCH, events - version);
    const batch = Array.from({ length: count }, (_, i) => ({
      eventId: randomUUID(),
      type: 'ActionProgressReported',
      data: {
        actionId,
        note: `Weekly figures, report ${version + i}`,
        rag: 'amber',
        reportedAt: new Date(Date.now() - 60_000).toISOString(),
        reportedBy: world.personId,
      },
      metadata,
    }));
    const result = await store.appendToStream(streamId, batch, { expectedVersion: version });
    version = result.nextExpectedVersion;
  }
}

/**
 * The cost of one command as its action's stream grows: progress reports sent one at a time (c=1, so the
 * latency is the command's own cost) by the officer holding the owner post, on actions whose streams hold 1
 * (new), 10, 1,000 and 10,000 events. The first command on each is a warm-up and not timed.
 */
export async function measureStreamGrowth(
  baseUrl: string,
  store: SqlEventStore,
  world: World,
  sql: SqlCounter,
  commandsPerSize: number,
): Promise<GrowthPoint[]> {
  const officer = officerAuthorization(world.personId);
  const points: GrowthPoint[] = [];
  for (const [n, events] of STREAM_SIZES.entries()) {
    const actionId = await postJson(baseUrl, '/actions', newActionBody(world, randomUUID(), 1_000_000 + n));
    await growStream(store, world, actionId, events);
    await sleep(QUIET_MS);
    const send = () => postJson(baseUrl, `/actions/${actionId}/progress`, { note: 'Figures collated', rag: 'green' }, officer);
    await send();
    const before = sql.snapshot().streamReads;
    const latencies: number[] = [];
    for (let i = 0; i < commandsPerSize; i++) {
      const t0 = performance.now();
      await send();
      latencies.push(performance.now() - t0);
    }
    const after = sql.snapshot().streamReads;
    const sorted = [...latencies].sort((a, b) => a - b);
    points.push({
      events,
      commands: commandsPerSize,
      p50Ms: percentile(sorted, 0.5),
      p99Ms: percentile(sorted, 0.99),
      meanMs: latencies.reduce((a, b) => a + b, 0) / latencies.length,
      streamReads: {
        whole: (after.whole - before.whole) / commandsPerSize,
        fromVersion: (after.fromVersion - before.fromVersion) / commandsPerSize,
      },
    });
  }
  return points;
}
