import 'reflect-metadata';
import { performance } from 'node:perf_hooks';
import { FixedClock } from '../../../apps/api/src/features/shared/clock.js';
import { GetChaseListHandler, GetChaseListQuery } from '../../../apps/api/src/features/views/overdue.query.js';
import { GetPostQueueHandler, GetPostQueueQuery } from '../../../apps/api/src/features/views/queue.query.js';
import type { SqlDatabase } from '../../../libs/event-store/src/index.js';
import { percentile, settle } from '../measure.js';

const WARM_UP = 50;
const ITERATIONS = 500;
/** The API's default page size. */
const LIMIT = 50;
/** "Today" for the views: most seeded actions fall due in 2016–2017, so the chase list is long. */
const TODAY = new Date('2018-01-15T12:00:00Z');

export interface LatencyFigure {
  readonly name: string;
  readonly p50Ms: number;
  readonly p99Ms: number;
  /** Rows on the page, to show the query found work to do. */
  readonly rows: number;
}

async function timeQuery(name: string, run: () => Promise<number>): Promise<LatencyFigure> {
  for (let i = 0; i < WARM_UP; i++) await run();
  settle();
  const latencies: number[] = [];
  let rows = 0;
  for (let i = 0; i < ITERATIONS; i++) {
    const t0 = performance.now();
    rows = await run();
    latencies.push(performance.now() - t0);
  }
  latencies.sort((a, b) => a - b);
  return { name, p50Ms: percentile(latencies, 0.5), p99Ms: percentile(latencies, 0.99), rows };
}

/** The API's own query handlers, called directly on the read-model database (no HTTP, no Nest container). */
export async function viewLatencies(db: SqlDatabase, postId: string): Promise<LatencyFigure[]> {
  const clock = new FixedClock(TODAY);
  const queue = new GetPostQueueHandler(db, clock);
  const chase = new GetChaseListHandler(db, clock);
  return [
    await timeQuery(`post queue (limit ${LIMIT})`, async () => (await queue.execute(new GetPostQueueQuery(postId, { limit: LIMIT }))).actions.length),
    await timeQuery(`chase list (limit ${LIMIT})`, async () => (await chase.execute(new GetChaseListQuery({ limit: LIMIT }))).actions.length),
  ];
}
