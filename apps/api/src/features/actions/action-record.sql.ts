import type { ActionCounts, ActionRecord, ActionStatus, LatestUpdate } from '#domain';
import { readModelTables } from '../../read-models/read-model-tables.js';
import { asTyped, isoDate, isoInstant, streamIdSql } from '../../read-models/view-sql.js';

export type ActionUpdate = { readonly note: string; readonly rag?: string; readonly reportedAt: string; readonly reportedBy?: string };
export type ActionChase = { readonly note?: string; readonly chasedAt: string; readonly chaseNumber: number };

/** An action as the domain folds it, plus what the read model adds: its ref in the committee's log, the outcome and evidence. */
export type ActionRecordView = Omit<ActionRecord, 'exists' | 'lastOccurred' | 'notices'> & {
  readonly ref: string;
  readonly outcome?: string;
  readonly evidence?: string;
  readonly version: number;
};

export type ActionRecordRow = {
  action_id: string;
  ref: string;
  resolution_id: string;
  meeting_id: string;
  committee_id: string;
  meeting_starts_at: string;
  part_label: string | null;
  title: string;
  description: string | null;
  status: string;
  owner_post_id: string;
  due_date: string | null;
  due_meeting_id: string | null;
  due_on: string | null;
  rag: string | null;
  updates: ActionUpdate[] | null;
  update_count: number | null;
  chases: ActionChase[] | null;
  chase_count: number | null;
  last_chased_at: string | null;
  assigned_at: string;
  outcome: string | null;
  evidence: string | null;
  completed_at: string | null;
  closed_at: string | null;
  withdrawn_at: string | null;
  version: number;
  reopenings: number;
  reassignments: number;
  due_changes: number;
};

/** The columns of an rm_actions row aliased `a`, with instants and dates as text. */
export const actionRecordColumns = `
  a.action_id, a.ref, a.resolution_id, a.meeting_id, a.committee_id, ${isoInstant('a.meeting_starts_at')} AS meeting_starts_at,
  a.part_label, a.title, a.description, a.status, a.owner_post_id, ${isoDate('a.due_date')} AS due_date, a.due_meeting_id,
  ${isoDate('a.due_on')} AS due_on, a.rag, a.updates, a.update_count, a.chases, a.chase_count, ${isoInstant('a.last_chased_at')} AS last_chased_at,
  ${isoInstant('a.assigned_at')} AS assigned_at, a.outcome, a.evidence, ${isoInstant('a.completed_at')} AS completed_at,
  ${isoInstant('a.closed_at')} AS closed_at, ${isoInstant('a.withdrawn_at')} AS withdrawn_at, a.version,
  n.reopenings, n.reassignments, n.due_changes`;

/**
 * What rm_actions does not count, counted from the audit log's events of the action's stream, no further than
 * the version the row shows (so the counts never run ahead of the record). Join as `n`.
 */
export const actionCountsJoin = `
  LEFT JOIN LATERAL (
    SELECT count(*) FILTER (WHERE e.type = 'ActionReopened')::int AS reopenings,
           count(*) FILTER (WHERE e.type = 'ActionReassigned')::int AS reassignments,
           count(*) FILTER (WHERE e.type = 'ActionDueDateChanged')::int AS due_changes
      FROM ${readModelTables.audit} e
     WHERE e.stream_id = ${streamIdSql('action', 'a.action_id')} AND e.stream_version <= a.version
  ) n ON TRUE`;

const present = <K extends string, V>(key: K, value: V | null | undefined): Partial<Record<K, V>> =>
  value === null || value === undefined ? {} : ({ [key]: value } as Record<K, V>);

function latestUpdateOf(updates: readonly ActionUpdate[]): LatestUpdate | undefined {
  const last = updates.at(-1);
  return last ? ({ note: last.note, ...present('rag', last.rag), reportedAt: last.reportedAt } as LatestUpdate) : undefined;
}

/** The row (which keeps only the latest progress notes) in the shape GET /actions/{id} and the meeting record have always answered. */
export function actionRecordOf(row: ActionRecordRow): ActionRecordView {
  const updates = row.updates ?? [];
  const counts: ActionCounts = {
    progressReports: row.update_count ?? updates.length,
    chases: row.chase_count ?? 0,
    reopenings: row.reopenings ?? 0,
    reassignments: row.reassignments ?? 0,
    dueChanges: row.due_changes ?? 0,
  };
  return {
    actionId: row.action_id,
    ref: row.ref,
    resolutionId: row.resolution_id,
    meetingId: row.meeting_id,
    committeeId: row.committee_id,
    meetingStartsAt: asTyped(row.meeting_starts_at),
    ...present('partLabel', row.part_label),
    title: row.title,
    ...present('description', row.description),
    status: row.status as ActionStatus,
    ownerPostId: row.owner_post_id,
    due: { ...present('dueDate', row.due_date), ...present('dueMeetingId', row.due_meeting_id) },
    ...(present('rag', row.rag) as Pick<ActionRecord, 'rag'>),
    counts,
    assignedAt: row.assigned_at,
    ...present('latestUpdate', latestUpdateOf(updates)),
    ...present('lastChasedAt', row.last_chased_at),
    ...present('outcome', row.outcome),
    ...present('evidence', row.evidence),
    ...present('completedAt', row.completed_at),
    ...present('closedAt', row.closed_at),
    ...present('withdrawnAt', row.withdrawn_at),
    version: row.version,
  };
}
