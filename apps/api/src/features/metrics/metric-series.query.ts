import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { idOf } from '../../../../../libs/domain/src/streams.js';
import type { MetricsCollated, MetricsCorrected } from '../../../../../libs/domain/src/metric-snapshot/index.js';
import type { SqlDatabase } from '../../../../../libs/event-store/src/index.js';
import { SQL_DATABASE } from '../../platform/index.js';

export interface MetricCorrection {
  readonly value: number;
  readonly unit: string;
  readonly reason: string;
  readonly correctedAt: string;
  readonly recordedAt: string;
}

/** One snapshot's figure for the metric: the current value, the first one, and every correction in between. */
export interface MetricSeriesPoint {
  readonly snapshotId: string;
  readonly subject: string;
  readonly asOf: string;
  readonly value: number;
  readonly unit: string;
  readonly source: string;
  readonly actionId?: string;
  /** When the snapshot was first recorded. */
  readonly recordedAt: string;
  readonly corrected: boolean;
  readonly originalValue: number;
  readonly originalUnit: string;
  readonly corrections: readonly MetricCorrection[];
}

export class GetMetricSeriesQuery extends Query<MetricSeriesPoint[]> {
  constructor(readonly metric: string, readonly subject: string | undefined) {
    super();
  }
}

interface SnapshotEventRow {
  readonly stream_id: string;
  readonly type: 'MetricsCollated' | 'MetricsCorrected';
  readonly data: MetricsCollated['data'] | MetricsCorrected['data'];
  readonly recorded_at: Date | string;
}

/**
 * Stands in for a read model until projections exist: reads the event log directly, so it sees raw
 * (not upcast) event data. Corrections carry no subject, hence the sub-select on the collated events.
 */
const SERIES_EVENTS = `
  SELECT stream_id, type, data, recorded_at FROM events
  WHERE type IN ('MetricsCollated', 'MetricsCorrected')
    AND data->'values' @> jsonb_build_array(jsonb_build_object('metric', $1::text))
    AND ($2::text IS NULL OR stream_id IN (
      SELECT stream_id FROM events WHERE type = 'MetricsCollated' AND data->>'subject' = $2::text))
  ORDER BY global_position`;

const isoOf = (value: Date | string): string => (value instanceof Date ? value : new Date(value)).toISOString();

export function seriesFrom(rows: readonly SnapshotEventRow[], metric: string): MetricSeriesPoint[] {
  const points = new Map<string, MetricSeriesPoint>();
  for (const row of rows) {
    const figure = row.data.values.find((value) => value.metric === metric);
    if (!figure) continue;
    const snapshotId = idOf(row.stream_id);
    if (row.type === 'MetricsCollated') {
      const { subject, asOf, source, actionId } = row.data as MetricsCollated['data'];
      const { value, unit } = figure;
      points.set(snapshotId, {
        snapshotId, subject, asOf, value, unit, source, ...(actionId ? { actionId } : {}), recordedAt: isoOf(row.recorded_at),
        corrected: false, originalValue: value, originalUnit: unit, corrections: [],
      });
      continue;
    }
    const point = points.get(snapshotId);
    if (!point) continue;
    const { reason, correctedAt } = row.data as MetricsCorrected['data'];
    const correction = { value: figure.value, unit: figure.unit, reason, correctedAt, recordedAt: isoOf(row.recorded_at) };
    points.set(snapshotId, { ...point, value: figure.value, unit: figure.unit, corrected: true, corrections: [...point.corrections, correction] });
  }
  // A stable sort: snapshots standing for the same date stay in the order they were recorded.
  return [...points.values()].sort((a, b) => (a.asOf < b.asOf ? -1 : a.asOf > b.asOf ? 1 : 0));
}

@QueryHandler(GetMetricSeriesQuery)
export class GetMetricSeriesHandler implements IQueryHandler<GetMetricSeriesQuery> {
  constructor(@Inject(SQL_DATABASE) private readonly db: SqlDatabase) {}

  async execute({ metric, subject }: GetMetricSeriesQuery): Promise<MetricSeriesPoint[]> {
    const { rows } = await this.db.query<SnapshotEventRow>(SERIES_EVENTS, [metric, subject ?? null]);
    return seriesFrom(rows, metric);
  }
}
