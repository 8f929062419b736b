import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { SqlDatabase } from '../../../../../libs/event-store/src/index.js';
import { metricPointsTable } from '../../../../../libs/projections/src/index.js';
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

interface MetricPointRow {
  readonly snapshot_id: string;
  readonly subject: string;
  readonly as_of: string;
  readonly value: number;
  readonly unit: string;
  readonly source: string;
  readonly action_id: string | null;
  readonly recorded_at: Date | string;
  readonly original_value: number;
  readonly original_unit: string;
  readonly corrections: readonly MetricCorrection[];
}

/**
 * Dates as text and numbers as float8: the drivers would otherwise turn a date into local midnight and a
 * numeric into a string. Snapshots standing for the same date stay in the order they were recorded.
 */
const SERIES_POINTS = `
  SELECT snapshot_id, subject, as_of::text AS as_of, value::float8 AS value, unit, source, action_id, recorded_at,
         original_value::float8 AS original_value, original_unit, corrections
  FROM ${metricPointsTable.name}
  WHERE metric = $1 AND ($2::text IS NULL OR subject = $2::text)
  ORDER BY as_of, snapshot_position`;

const isoOf = (value: Date | string): string => (value instanceof Date ? value : new Date(value)).toISOString();

function pointOf(row: MetricPointRow): MetricSeriesPoint {
  return {
    snapshotId: row.snapshot_id, subject: row.subject, asOf: row.as_of, value: Number(row.value), unit: row.unit, source: row.source,
    ...(row.action_id ? { actionId: row.action_id } : {}), recordedAt: isoOf(row.recorded_at), corrected: row.corrections.length > 0,
    originalValue: Number(row.original_value), originalUnit: row.original_unit, corrections: row.corrections,
  };
}

/** Reads the metric-series read model (libs/projections/src/metric-series), which sees upcast events. */
@QueryHandler(GetMetricSeriesQuery)
export class GetMetricSeriesHandler implements IQueryHandler<GetMetricSeriesQuery> {
  constructor(@Inject(SQL_DATABASE) private readonly db: SqlDatabase) {}

  async execute({ metric, subject }: GetMetricSeriesQuery): Promise<MetricSeriesPoint[]> {
    const { rows } = await this.db.query<MetricPointRow>(SERIES_POINTS, [metric, subject ?? null]);
    return rows.map(pointOf);
  }
}
