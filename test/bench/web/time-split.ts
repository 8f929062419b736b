import { performance } from 'node:perf_hooks';
import {
  ACTION_LOG_COLUMNS,
  createRenderer,
  LOG_STATUSES,
  paginationOf,
  type ConsoleCaller,
  type ConsoleGateway,
  type Read,
} from '#console';
import { percentile } from '../measure.js';
import type { WebWorld } from './web-world.js';

const RUNS = 200;

export interface SplitFigure {
  readonly view: string;
  readonly gatewayP50Ms: number;
  readonly gatewayP99Ms: number;
  readonly renderP50Ms: number;
  readonly renderP99Ms: number;
}

const callerOf = (id: string, roles: string[]): ConsoleCaller => ({
  person: { id, name: 'Bench', roles },
  correlationId: 'bench',
  requestId: 'bench',
});

/**
 * Where a page's time goes, in this process and one at a time: the gateway call (access rule, query bus, SQL)
 * and the Nunjucks render of its answer, each timed alone; the rest of the page's time over HTTP is the
 * request's way through Express, the session and the socket.
 */
export async function timeSplit(gateway: ConsoleGateway, world: WebWorld): Promise<SplitFigure[]> {
  const render = createRenderer();
  const officer = callerOf(world.officerId, ['officer']);
  const staff = callerOf(world.staffId, ['scrutiny']);
  const chrome = { cspNonce: 'bench', csrfToken: 'bench', person: officer.person };
  const none = new URLSearchParams();
  const filters = { status: '', overdueOnly: false, meeting: '' };
  return [
    await split(
      'My actions',
      () => gateway.myQueue(officer),
      (queue) => render('my-actions', { ...chrome, title: 'My actions', queue, pagination: paginationOf('/', none, queue.nextCursor) }),
    ),
    await split(
      'Chase list',
      () => gateway.chaseList(staff),
      (list) =>
        render('scrutiny/chase-list', {
          ...chrome,
          title: 'Chase list',
          list,
          errors: [],
          pagination: paginationOf('/chase-list', none, list.nextCursor),
        }),
    ),
    await split(
      'Action log',
      () => gateway.actionLog(staff, world.committeeId, { filters }),
      (log) =>
        render('scrutiny/action-log', {
          ...chrome,
          ...log,
          title: 'Action log',
          columns: ACTION_LOG_COLUMNS,
          filters,
          statuses: LOG_STATUSES,
          pagination: paginationOf('/action-log', none, log.nextCursor),
        }),
    ),
  ];
}

async function split<T>(view: string, read: () => Promise<Read<T>>, draw: (value: T) => string): Promise<SplitFigure> {
  const reads: number[] = [];
  const renders: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    const answer = await read();
    const t1 = performance.now();
    if (answer.kind !== 'ok') throw new Error(`${view}: the gateway answered ${answer.kind}`);
    draw(answer.value);
    renders.push(performance.now() - t1);
    reads.push(t1 - t0);
  }
  reads.sort((a, b) => a - b);
  renders.sort((a, b) => a - b);
  return {
    view,
    gatewayP50Ms: percentile(reads, 0.5),
    gatewayP99Ms: percentile(reads, 0.99),
    renderP50Ms: percentile(renders, 0.5),
    renderP99Ms: percentile(renders, 0.99),
  };
}
