import { readFile } from 'node:fs/promises';
import type { Registry } from 'prom-client';
import type { EventStore } from '#event-store';
import { registerKafkaRelayObservability, type KafkaRelay } from '#kafka-relay';
import { ActiontrailMetrics } from '../../src/platform/metrics/actiontrail-metrics.js';
import { HttpMetrics } from '../../src/platform/metrics/http-metrics.js';
import { createMetricsRegistry } from '../../src/platform/metrics/metrics.module.js';
import { ProjectionMetrics } from '../../src/read-models/projection-metrics.js';
import { NoticesObservability } from '../../src/features/notices/notices-observability.js';
import type { NoticeOutbox } from '../../src/features/notices/notice-outbox.js';
import type { NoticesSender } from '../../src/features/notices/notices-sender.js';
import type { NoticesSettings } from '../../src/features/notices/notices-settings.js';
import type { HealthRegistry } from '#runtime';
import type { ProjectionPositions } from '../../src/read-models/projection-positions.js';

const DASHBOARD = new URL('../../../../infra/grafana/dashboards/actiontrail.json', import.meta.url);

interface Panel {
  readonly title: string;
  readonly type: string;
  readonly targets?: readonly { readonly expr: string }[];
}

/** The registry as the app fills it: prom-client's defaults, HTTP, the write side, the projections, the relay and the notices when they run. */
function appRegistry(): Registry {
  const registry = createMetricsRegistry();
  new HttpMetrics(registry);
  new ActiontrailMetrics(registry);
  const positions = { byProjection: async () => [] } as unknown as ProjectionPositions;
  const store = { headPosition: async () => 0 } as unknown as EventStore;
  new ProjectionMetrics(registry, positions, store).onModuleInit();
  const relay = {
    status: () => ({ running: true, consecutiveFailures: 0 }),
    lag: async () => ({ headPosition: 0, checkpoint: 0, lagPositions: 0, eventsBehind: 0, eventsBehindIsLowerBound: false }),
  } as unknown as KafkaRelay;
  registerKafkaRelayObservability(relay, { metrics: registry });
  new NoticesObservability(
    { enabled: true } as NoticesSettings,
    registry,
    { register: () => undefined } as unknown as HealthRegistry,
    { stats: async () => ({ pending: 0, oldestPendingSeconds: 0 }) } as unknown as NoticeOutbox,
    { observe: () => undefined } as unknown as NoticesSender,
  ).onModuleInit();
  return registry;
}

/** Metric names in a PromQL expression; a histogram's _bucket, _sum and _count series name the histogram. */
function metricNamesIn(expr: string, registry: Registry): string[] {
  const names = [...expr.matchAll(/\b((?:actiontrail|http|process|nodejs)_[a-z0-9_]+)\b/g)].map((match) => match[1] as string);
  return names.map((name) => {
    const base = name.replace(/_(bucket|sum|count)$/, '');
    return base !== name && registry.getSingleMetric(base) ? base : name;
  });
}

describe('infra/grafana/dashboards/actiontrail.json', () => {
  let panels: Panel[];
  let registry: Registry;

  beforeAll(async () => {
    const dashboard = JSON.parse(await readFile(DASHBOARD, 'utf8')) as { panels: Panel[] };
    panels = dashboard.panels.filter((panel) => panel.type !== 'row');
    registry = appRegistry();
  });

  it('queries only metric names the app registers (a renamed metric fails here)', () => {
    const missing = panels.flatMap((panel) =>
      (panel.targets ?? []).flatMap((target) =>
        metricNamesIn(target.expr, registry)
          .filter((name) => !registry.getSingleMetric(name))
          .map((name) => `${panel.title}: ${name}`),
      ),
    );
    expect(panels.length).toBeGreaterThan(5);
    expect(missing).toEqual([]);
  });

  it('graphs every Actiontrail family the app registers', () => {
    const queried = new Set(panels.flatMap((panel) => (panel.targets ?? []).flatMap((target) => metricNamesIn(target.expr, registry))));
    const families = registry
      .getMetricsAsArray()
      .map((metric) => metric.name)
      .filter((name) => name.startsWith('actiontrail_') || name.startsWith('http_'));
    expect(families.filter((name) => !queried.has(name))).toEqual([]);
  });
});
