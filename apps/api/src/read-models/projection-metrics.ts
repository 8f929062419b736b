import { Inject, Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { Gauge, Registry } from 'prom-client';
import type { EventStore } from '#event-store';
import { EVENT_STORE } from '../platform/index.js';
import { METRIC_NAMES } from '../platform/metrics/actiontrail-metrics.js';
import { ProjectionPositions } from './projection-positions.js';

/** A scrape must not hang on a slow database; the gauges then keep their last values. */
const READ_TIMEOUT_MS = 2_000;

interface Positions {
  readonly head: number;
  readonly projections: readonly { readonly projection: string; readonly position: number }[];
}

/**
 * Where each projection stands against the head of the log, read from the checkpoints at scrape time: the api
 * reports them whether it runs the projections itself or apps/projector does (PROJECTIONS=off).
 */
@Injectable()
export class ProjectionMetrics implements OnModuleInit, OnModuleDestroy {
  private readonly names = [METRIC_NAMES.eventStoreHead, METRIC_NAMES.projectionPosition, METRIC_NAMES.projectionLag];

  constructor(
    private readonly registry: Registry,
    private readonly positions: ProjectionPositions,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  onModuleInit(): void {
    const read = sharedRead(() => this.read());
    new Gauge({
      name: METRIC_NAMES.eventStoreHead,
      help: 'Global position of the last event readers may see (positions are not dense)',
      registers: [this.registry],
      async collect() {
        const positions = await read();
        if (positions) this.set(positions.head);
      },
    });
    new Gauge({
      name: METRIC_NAMES.projectionPosition,
      help: 'Global position of the last event a projection has applied (its checkpoint)',
      labelNames: ['projection'],
      registers: [this.registry],
      async collect() {
        const positions = await read();
        for (const p of positions?.projections ?? []) this.set({ projection: p.projection }, p.position);
      },
    });
    new Gauge({
      name: METRIC_NAMES.projectionLag,
      help: 'Head position minus the projection checkpoint: 0 when it is up to date (positions are not dense, so a distance)',
      labelNames: ['projection'],
      registers: [this.registry],
      async collect() {
        const positions = await read();
        if (!positions) return;
        for (const p of positions.projections) this.set({ projection: p.projection }, Math.max(0, positions.head - p.position));
      },
    });
  }

  onModuleDestroy(): void {
    for (const name of this.names) this.registry.removeSingleMetric(name);
  }

  private async read(): Promise<Positions> {
    const [head, projections] = await Promise.all([this.store.headPosition(), this.positions.byProjection()]);
    return { head, projections };
  }
}

/** prom-client collects the gauges of one scrape together: they share one read, bounded in time. */
function sharedRead(read: () => Promise<Positions>, reuseForMs = 1_000): () => Promise<Positions | undefined> {
  let latest: { readonly startedAt: number; readonly positions: Promise<Positions | undefined> } | undefined;
  return () => {
    const now = Date.now();
    if (!latest || now - latest.startedAt > reuseForMs) {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<undefined>((resolve) => {
        timer = setTimeout(() => resolve(undefined), READ_TIMEOUT_MS);
      });
      const positions = Promise.race([read().catch(() => undefined), timeout]).finally(() => clearTimeout(timer));
      latest = { startedAt: now, positions };
    }
    return latest.positions;
  };
}
