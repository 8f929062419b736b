import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { SqlDatabase } from '#event-store';
import { metricPointsTable } from '#projections';
import { SQL_DATABASE } from '../../platform/index.js';
import { isCalendarDate } from '../shared/validators.js';
import { decodeCursor, encodeCursor, notAPreviousCursor } from '../../read-models/cursor.js';

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

export interface MetricSeriesPage {
  readonly points: MetricSeriesPoint[];
  /** Pass as `after` for the next page; null on the last page. */
  readonly nextAfter: string | null;
}

export class GetMetricSeriesQuery extends Query<MetricSeriesPage> {
  constructor(
    readonly metric: string,
    readonly subject: string | undefined,
    readonly page: { readonly after?: string | undefined; readonly limit: number },
  ) {
    super();
  }
}

/** Where a page of the series (by the date a snapshot stands for, then the order snapshots were recorded in) stopped. */
const encodeSeriesCursor = (asOf: string, snapshotPosition: string): string => encodeCursor([asOf, snapshotPosition]);

function decodeSeriesCursor(cursor: string): readonly [string, string] {
  const [asOf, position] = decodeCursor(cursor, 2);
  if (!isCalendarDate(asOf) || typeof position !== 'string' || !/^\d{1,19}$/.test(position)) throw notAPreviousCursor();
  return [asOf, position];
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
  readonly snapshot_position: string;
}

/**
 * Dates as text and numbers as float8: the drivers would otherwise turn a date into local midnight and a
 * numeric into a string. Snapshots standing for the same date stay in the order they were recorded.
 */
const SERIES_POINTS = `
  SELECT snapshot_id, subject, as_of::text AS as_of, value::float8 AS value, unit, source, action_id, recorded_at,
         original_value::float8 AS original_value, original_unit, corrections, snapshot_position::text AS snapshot_position
  FROM ${metricPointsTable.name}
  WHERE metric = $1 AND ($2::text IS NULL OR subject = $2::text)
    AND ($3::date IS NULL OR (as_of, snapshot_position) > ($3::date, $4::bigint))
  ORDER BY as_of, snapshot_position
  LIMIT $5`;

const isoOf = (value: Date | string): string => (value instanceof Date ? value : new Date(value)).toISOString();

function pointOf(row: MetricPointRow): MetricSeriesPoint {
  return {
    snapshotId: row.snapshot_id,
    subject: row.subject,
    asOf: row.as_of,
    value: Number(row.value),
    unit: row.unit,
    source: row.source,
    ...(row.action_id ? { actionId: row.action_id } : {}),
    recordedAt: isoOf(row.recorded_at),
    corrected: row.corrections.length > 0,
    originalValue: Number(row.original_value),
    originalUnit: row.original_unit,
    corrections: row.corrections,
  };
}

/** Reads the metric-series read model (libs/projections/src/metric-series), which sees upcast events. */
@QueryHandler(GetMetricSeriesQuery)
export class GetMetricSeriesHandler implements IQueryHandler<GetMetricSeriesQuery> {
  constructor(@Inject(SQL_DATABASE) private readonly db: SqlDatabase) {}

  async execute({ metric, subject, page }: GetMetricSeriesQuery): Promise<MetricSeriesPage> {
    const [afterAsOf, afterPosition] = page.after === undefined ? [null, null] : decodeSeriesCursor(page.after);
    const { rows } = await this.db.query<MetricPointRow>(SERIES_POINTS, [
      metric,
      subject ?? null,
      afterAsOf,
      afterPosition,
      page.limit + 1,
    ]);
    const points = rows.slice(0, page.limit);
    const last = points.at(-1);
    return {
      points: points.map(pointOf),
      nextAfter: rows.length > page.limit && last ? encodeSeriesCursor(last.as_of, last.snapshot_position) : null,
    };
  }
}
