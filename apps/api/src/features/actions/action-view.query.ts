import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { isActionEvent, notFound, occurredAtOf } from '#domain';
import type { SqlDatabase } from '#event-store';
import { SQL_DATABASE } from '../../platform/index.js';
import { Clock } from '../shared/clock.js';
import { daysOverdueSql } from '../../read-models/overdue.sql.js';
import { readModelTables } from '../../read-models/read-model-tables.js';
import { viewDate } from '../../read-models/view-date.js';
import { isoInstant, preparedView, streamIdSql } from '../../read-models/view-sql.js';
import {
  actionCountsJoin,
  actionRecordColumns,
  actionRecordOf,
  type ActionChase,
  type ActionRecordRow,
  type ActionRecordView,
  type ActionUpdate,
} from './action-record.sql.js';

export interface ActionView extends ActionRecordView {
  readonly owner: { postId: string; title?: string; holder?: { personId: string; name?: string } };
  readonly dueOn?: string;
  readonly overdue: boolean;
  readonly daysOverdue: number;
  readonly origin: { resolutionId: string; meetingId: string; partLabel?: string; partText?: string };
  /** Every progress note, oldest first, a page of up to 500 (see updatesNextAfter). */
  readonly updates: readonly ActionUpdate[];
  /** Pass as `updatesAfter` for the next page of updates; null on the last. */
  readonly updatesNextAfter: number | null;
  readonly chases: readonly ActionChase[];
  /** Every event of the action: `at` when it happened (business time), `recordedAt` when it was typed in. */
  readonly history: readonly HistoryEntry[];
}

export type HistoryEntry = { readonly type: string; readonly at: string; readonly recordedAt: string; readonly version: number };

type HistoryRow = { type: string; recordedAt: string; version: number; data: Record<string, unknown> };

function historyEntryOf({ type, recordedAt, version, data }: HistoryRow): HistoryEntry {
  const event = { type, data };
  const occurred = isActionEvent(event) ? occurredAtOf(event as Parameters<typeof occurredAtOf>[0]) : undefined;
  const at = typeof occurred === 'string' && Number.isFinite(Date.parse(occurred)) ? new Date(occurred).toISOString() : recordedAt;
  return { type, at, recordedAt, version };
}

export class GetActionQuery extends Query<ActionView> {
  constructor(
    readonly actionId: string,
    readonly updatesAfter = 0,
  ) {
    super();
  }
}

export const UPDATES_PAGE = 500;

type UpdateRow = { version: number; note: string; rag: string | null; reported_at: string; reported_by: string | null };

type ActionViewRow = ActionRecordRow & {
  days_overdue: number;
  post_title: string | null;
  holder_person_id: string | null;
  holder_name: string | null;
  part_text: string | null;
  history: HistoryRow[];
};

/**
 * One action from the read models: its row, its owner post and holder, its resolution part (an action without a
 * part label on a resolution of one unlabelled part has that part), and its stream's history.
 */
@QueryHandler(GetActionQuery)
export class GetActionHandler implements IQueryHandler<GetActionQuery> {
  constructor(
    @Inject(SQL_DATABASE) private readonly db: SqlDatabase,
    private readonly clock: Clock,
  ) {}

  async execute({ actionId, updatesAfter }: GetActionQuery): Promise<ActionView> {
    const sql = `SELECT ${actionRecordColumns}, ${daysOverdueSql('$2')} AS days_overdue,
              p.title AS post_title, p.holder_person_id, p.holder_name,
              (SELECT part->>'text' FROM jsonb_array_elements(r.parts) part
                WHERE part->>'label' = a.part_label OR (a.part_label IS NULL AND part->>'label' IS NULL) LIMIT 1) AS part_text,
              h.history
         FROM ${readModelTables.actions} a
         LEFT JOIN ${readModelTables.posts} p ON p.post_id = a.owner_post_id
         LEFT JOIN ${readModelTables.resolutions} r ON r.resolution_id = a.resolution_id
         ${actionCountsJoin}
         LEFT JOIN LATERAL (
           SELECT coalesce(jsonb_agg(jsonb_build_object('type', e.type, 'recordedAt', ${isoInstant('e.recorded_at')}, 'version', e.stream_version, 'data', e.data)
                    ORDER BY e.stream_version), '[]'::jsonb) AS history
             FROM ${readModelTables.audit} e
            WHERE e.stream_id = ${streamIdSql('action', 'a.action_id')} AND e.stream_version <= a.version
         ) h ON TRUE
        WHERE a.action_id = $1`;
    const { rows } = await this.db.query<ActionViewRow>(sql, [actionId, viewDate(this.clock, undefined)], preparedView(sql));
    const row = rows[0];
    if (!row) throw notFound('action-not-found', `Action ${actionId} does not exist`, { actionId });
    const updates = await this.updatesOf(actionId, updatesAfter, row.version);
    const action = actionRecordOf(row);
    const holder =
      row.holder_person_id === null
        ? undefined
        : { personId: row.holder_person_id, ...(row.holder_name === null ? {} : { name: row.holder_name }) };
    return {
      ...action,
      owner: { postId: action.ownerPostId, ...(row.post_title === null ? {} : { title: row.post_title }), ...(holder ? { holder } : {}) },
      ...(row.due_on === null ? {} : { dueOn: row.due_on }),
      overdue: row.days_overdue > 0,
      daysOverdue: row.days_overdue,
      origin: {
        resolutionId: action.resolutionId,
        meetingId: action.meetingId,
        ...(action.partLabel ? { partLabel: action.partLabel } : {}),
        ...(row.part_text === null ? {} : { partText: row.part_text }),
      },
      updates: updates.page,
      updatesNextAfter: updates.nextAfter,
      chases: row.chases ?? [],
      history: row.history.map(historyEntryOf),
    };
  }

  /** The action's progress notes from their own table, no further than the version the row shows. */
  private async updatesOf(actionId: string, after: number, version: number): Promise<{ page: ActionUpdate[]; nextAfter: number | null }> {
    // Nothing lies past the row's version; a larger cursor (up to 2^53) would not even fit the version column.
    if (after >= version) return { page: [], nextAfter: null };
    const { rows } = await this.db.query<UpdateRow>(
      `SELECT version, note, rag, ${isoInstant('reported_at')} AS reported_at, reported_by FROM ${readModelTables.actionUpdates}
        WHERE action_id = $1 AND version > $2 AND version <= $3 ORDER BY version LIMIT $4`,
      [actionId, after, version, UPDATES_PAGE + 1],
    );
    const page = rows.slice(0, UPDATES_PAGE);
    return {
      page: page.map((u) => ({
        note: u.note,
        ...(u.rag ? { rag: u.rag } : {}),
        reportedAt: u.reported_at,
        ...(u.reported_by ? { reportedBy: u.reported_by } : {}),
      })),
      nextAfter: rows.length > UPDATES_PAGE ? (page.at(-1)?.version ?? null) : null,
    };
  }
}
