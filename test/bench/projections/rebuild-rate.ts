import { performance } from 'node:perf_hooks';
import type { SqlEventStore } from '#event-store';
import { allProjections } from '#projections';
import { rebuildProjection } from '#projections';
import { settle } from '../measure.js';

const PAGE = 1_000;

export interface RateFigure {
  readonly name: string;
  readonly events: number;
  readonly seconds: number;
  readonly eventsPerSec: number;
}

const figure = (name: string, events: number, seconds: number): RateFigure => ({
  name,
  events,
  seconds,
  eventsPerSec: seconds > 0 ? events / seconds : 0,
});

/** The plain global-log read: readAll pages of 1000 from zero to the head. */
export async function readWholeLog(store: SqlEventStore): Promise<RateFigure> {
  settle();
  const started = performance.now();
  let after = 0;
  let events = 0;
  for (;;) {
    const page = await store.readAll(after, PAGE);
    if (page.events.length === 0) break;
    events += page.events.length;
    after = page.lastPosition;
  }
  return figure('readAll, 1000/page', events, (performance.now() - started) / 1000);
}

/** Each projection rebuilt from zero with the production rebuild (fresh tables, then the swap), one after another. */
export async function rebuildEach(store: SqlEventStore): Promise<RateFigure[]> {
  const figures: RateFigure[] = [];
  for (const projection of allProjections) {
    settle();
    const started = performance.now();
    const result = await rebuildProjection({ store, db: store.db, projection });
    figures.push(figure(projection.name, result.eventsApplied, (performance.now() - started) / 1000));
  }
  return figures;
}
