import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { SqlDatabase } from '#event-store';
import { metricPointsTable } from '#projections';
import { SQL_DATABASE } from '../../platform/index.js';

/** One snapshot recorded for an action, with its current figures. */
export interface ActionFiguresSnapshot {
  readonly snapshotId: string;
  readonly subject: string;
  readonly asOf: string;
  readonly source: string;
  readonly recordedAt: string;
  readonly values: readonly { readonly metric: string; readonly value: number; readonly unit: string; readonly corrected: boolean }[];
}

/** The figures recorded for an action, oldest snapshot first. */
export class GetActionFiguresQuery extends Query<ActionFiguresSnapshot[]> {
  constructor(readonly actionId: string) {
    super();
  }
}

interface PointRow {
  readonly snapshot_id: string;
  readonly metric: string;
  readonly subject: string;
  readonly as_of: string;
  readonly value: number;
  readonly unit: string;
  readonly source: string;
  readonly recorded_at: Date | string;
  readonly corrected: boolean;
}

const ACTION_POINTS = `
  SELECT snapshot_id, metric, subject, as_of::text AS as_of, value::float8 AS value, unit, source, recorded_at,
         jsonb_array_length(corrections) > 0 AS corrected
  FROM ${metricPointsTable.name}
  WHERE action_id = $1
  ORDER BY snapshot_position, metric
  LIMIT 1000`;

/** Reads the metric-series read model's points for one action, grouped back into their snapshots. */
@QueryHandler(GetActionFiguresQuery)
export class GetActionFiguresHandler implements IQueryHandler<GetActionFiguresQuery> {
  constructor(@Inject(SQL_DATABASE) private readonly db: SqlDatabase) {}

  async execute({ actionId }: GetActionFiguresQuery): Promise<ActionFiguresSnapshot[]> {
    const { rows } = await this.db.query<PointRow>(ACTION_POINTS, [actionId]);
    const snapshots = new Map<string, ActionFiguresSnapshot & { values: ActionFiguresSnapshot['values'][number][] }>();
    for (const row of rows) {
      let snapshot = snapshots.get(row.snapshot_id);
      if (!snapshot) {
        const recordedAt = (row.recorded_at instanceof Date ? row.recorded_at : new Date(row.recorded_at)).toISOString();
        snapshot = { snapshotId: row.snapshot_id, subject: row.subject, asOf: row.as_of, source: row.source, recordedAt, values: [] };
        snapshots.set(row.snapshot_id, snapshot);
      }
      snapshot.values.push({ metric: row.metric, value: Number(row.value), unit: row.unit, corrected: row.corrected });
    }
    return [...snapshots.values()];
  }
}
