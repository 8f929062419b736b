import { isMetricSnapshotEvent, type MetricSnapshotEvent } from '#domain';
import type { StoredEvent } from '#event-store';
import type { Projection, RowAccess, TableSpec } from '../engine/projection.js';

/** One point per snapshot and metric: the current figure, the first one, and every correction. */
export const metricPointsTable = {
  name: 'rm_metric_points',
  key: 'point_id',
  columns: {
    point_id: 'text',
    snapshot_id: 'text',
    metric: 'text',
    subject: 'text',
    as_of: 'date',
    value: 'numeric',
    unit: 'text',
    source: 'text',
    action_id: 'text',
    recorded_at: 'timestamptz',
    original_value: 'numeric',
    original_unit: 'text',
    corrections: 'jsonb',
    snapshot_position: 'bigint',
  },
  indexes: [['metric', 'subject', 'as_of'], ['snapshot_id']],
} as const satisfies TableSpec;

const pointId = (snapshotId: string, metric: string) => `${snapshotId}:${metric}`;

const asMetricEvent = (event: StoredEvent): MetricSnapshotEvent | undefined =>
  isMetricSnapshotEvent(event) ? ({ type: event.type, data: event.data } as unknown as MetricSnapshotEvent) : undefined;

function apply(stored: StoredEvent, rows: RowAccess): void {
  const event = asMetricEvent(stored);
  if (!event) return;
  const recordedAt = stored.recordedAt.toISOString();
  switch (event.type) {
    case 'MetricsCollated': {
      const { snapshotId, subject, asOf, source, actionId, values } = event.data;
      for (const { metric, value, unit } of values) {
        rows.set(metricPointsTable.name, pointId(snapshotId, metric), {
          point_id: pointId(snapshotId, metric),
          snapshot_id: snapshotId,
          metric,
          subject,
          as_of: asOf,
          value,
          unit,
          source,
          action_id: actionId ?? null,
          recorded_at: recordedAt,
          original_value: value,
          original_unit: unit,
          corrections: [],
          snapshot_position: stored.globalPosition,
        });
      }
      return;
    }
    case 'MetricsCorrected': {
      const { snapshotId, values, reason, correctedAt } = event.data;
      for (const { metric, value, unit } of values) {
        const point = rows.get(metricPointsTable.name, pointId(snapshotId, metric));
        if (!point) continue;
        const correction = { value, unit, reason, correctedAt, recordedAt };
        rows.set(metricPointsTable.name, pointId(snapshotId, metric), {
          ...point,
          value,
          unit,
          corrections: [...(point.corrections as unknown[]), correction],
        });
      }
      return;
    }
    default: {
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
}

export const metricSeriesProjection: Projection = {
  name: 'metric-series',
  version: 1,
  tables: [metricPointsTable],
  touches(stored) {
    const event = asMetricEvent(stored);
    if (!event) return [];
    const { snapshotId, values } = event.data;
    return values.map((v) => [metricPointsTable.name, pointId(snapshotId, v.metric)] as const);
  },
  apply,
};
