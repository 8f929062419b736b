import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { createApp } from '../../../apps/api/src/app.factory.js';
import { loadAppConfig } from '#runtime';
import { Clock, FixedClock } from '../../../apps/api/src/features/shared/clock.js';
import { GetChaseListHandler, GetChaseListQuery } from '../../../apps/api/src/features/views/overdue.query.js';
import { GetPostQueueHandler, GetPostQueueQuery } from '../../../apps/api/src/features/views/queue.query.js';
import { DEFAULT_PAGE_SIZE } from '../../../apps/api/src/features/views/view-queries.dto.js';
import { staffBearer, TEST_JWT_SECRET } from '../../../apps/api/test/support/auth.js';
import type { SqlEventStore } from '#event-store';
import { percentile, settle } from '../measure.js';

const WARM_UP = 50;
const ITERATIONS = 500;
/** "Today" for the views: most seeded actions fall due in 2016–2017, so the chase list is long. */
const TODAY = new Date('2018-01-15T12:00:00Z');

export interface LatencyFigure {
  readonly name: string;
  readonly p50Ms: number;
  readonly p99Ms: number;
  /** Rows on the page, to show the query found work to do. */
  readonly rows: number;
}

/** p50 and p99 of `run` over 500 runs after 50 warm-up. */
export async function timeQuery(name: string, run: () => Promise<number>): Promise<LatencyFigure> {
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

/** The real app on a loopback port (projections off: the rebuild built the read models), with "today" fixed. */
async function startViewServer(store: SqlEventStore): Promise<{ baseUrl: string; close: () => Promise<void> }> {
  const config = loadAppConfig({ NODE_ENV: 'development', LOG_LEVEL: 'error', PROJECTIONS: 'off', AUTH_JWT_SECRET: TEST_JWT_SECRET });
  const app = await createApp({ config, store, logger: false });
  app.get(Clock).now = () => TODAY;
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  return { baseUrl: `http://127.0.0.1:${port}/api/v1`, close: () => app.close() };
}

/** One GET as a client sends it: bearer token, `minPosition` (read your writes), the default page size. */
function viewRequest(url: string): () => Promise<number> {
  const headers = staffBearer();
  return async () => {
    const res = await fetch(url, { headers });
    const body = (await res.json()) as { actions?: unknown[] };
    if (res.status !== 200 || !Array.isArray(body.actions))
      throw new Error(`GET ${url} answered ${res.status}: ${JSON.stringify(body).slice(0, 300)}`);
    return body.actions.length;
  };
}

/**
 * The post queue and the chase list at the API's default page size, first as the bare query handler on the
 * read-model database, then over HTTP through the whole app (token verification, `minPosition`, validation,
 * serialisation), one request at a time on a keep-alive connection.
 */
export async function viewLatencies(store: SqlEventStore, postId: string): Promise<LatencyFigure[]> {
  const clock = new FixedClock(TODAY);
  const queue = new GetPostQueueHandler(store.db, clock);
  const chase = new GetChaseListHandler(store.db, clock);
  const figures = [
    await timeQuery(
      `post queue, handler only`,
      async () => (await queue.execute(new GetPostQueueQuery(postId, { limit: DEFAULT_PAGE_SIZE }))).actions.length,
    ),
    await timeQuery(
      `chase list, handler only`,
      async () => (await chase.execute(new GetChaseListQuery({ limit: DEFAULT_PAGE_SIZE }))).actions.length,
    ),
  ];
  const server = await startViewServer(store);
  try {
    const minPosition = await store.headPosition();
    figures.push(
      await timeQuery('post queue, HTTP', viewRequest(`${server.baseUrl}/posts/${postId}/queue?minPosition=${minPosition}`)),
      await timeQuery('chase list, HTTP', viewRequest(`${server.baseUrl}/overdue?minPosition=${minPosition}`)),
    );
  } finally {
    await server.close();
  }
  return figures;
}

export const VIEW_PAGE_SIZE = DEFAULT_PAGE_SIZE;
