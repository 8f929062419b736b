import type { ActionEvent } from '#domain';
import type { Row, RowAccess } from '../engine/projection.js';
import { recordsTables as t, UPDATES_KEPT_ON_ACTION } from './records.tables.js';
import { ukDateOf } from '#domain';

type Stamp = { readonly version: number; readonly position: number; readonly recordedAt: string };

/** An action due at a meeting is due on that meeting's (UK) date. */
function dueOn(rows: RowAccess, due: { dueDate?: string | undefined; dueMeetingId?: string | undefined }): string | null {
  if (due.dueDate) return due.dueDate;
  const meeting = due.dueMeetingId ? rows.get(t.meetings.name, due.dueMeetingId) : undefined;
  return meeting ? ukDateOf(String(meeting.starts_at)) : null;
}

function assigned(event: Extract<ActionEvent, { type: 'ActionAssigned' }>, stamp: Stamp, rows: RowAccess): void {
  const d = event.data;
  const committee = rows.get(t.committees.name, d.committeeId);
  const resolution = rows.get(t.resolutions.name, d.resolutionId);
  const number = Number(committee?.action_count ?? 0) + 1;
  if (committee) rows.set(t.committees.name, d.committeeId, { ...committee, action_count: number });
  rows.set(t.actions.name, d.actionId, {
    action_id: d.actionId,
    ref: `A${number}`,
    committee_id: d.committeeId,
    meeting_id: d.meetingId,
    meeting_starts_at: d.meetingStartsAt,
    item_number: resolution?.item_number ?? null,
    resolution_id: d.resolutionId,
    part_label: d.partLabel ?? null,
    title: d.title,
    description: d.description ?? null,
    owner_post_id: d.ownerPostId,
    due_date: d.dueDate ?? null,
    due_meeting_id: d.dueMeetingId ?? null,
    due_on: dueOn(rows, d),
    status: 'open',
    rag: null,
    latest_note: null,
    latest_update_at: null,
    updates: [],
    update_count: 0,
    chases: [],
    chase_count: 0,
    last_chased_at: null,
    assigned_at: d.assignedAt,
    outcome: null,
    evidence: null,
    completed_at: null,
    closed_at: null,
    sign_off_note: null,
    withdrawn_at: null,
    version: stamp.version,
    last_position: stamp.position,
    changed_at: stamp.recordedAt,
  });
}

function changes(event: Exclude<ActionEvent, { type: 'ActionAssigned' }>, action: Row, rows: RowAccess, stamp: Stamp): Row {
  switch (event.type) {
    case 'ActionProgressReported': {
      const { actionId, note, rag, reportedAt, reportedBy } = event.data;
      const update = { note, ...(rag ? { rag } : {}), reportedAt, ...(reportedBy ? { reportedBy } : {}) };
      rows.insert(t.actionUpdates.name, {
        update_id: `${actionId}:${stamp.version}`,
        action_id: actionId,
        version: stamp.version,
        note,
        rag: rag ?? null,
        reported_at: reportedAt,
        reported_by: reportedBy ?? null,
      });
      return {
        rag: rag ?? action.rag,
        latest_note: note,
        latest_update_at: reportedAt,
        updates: [...(action.updates as unknown[]), update].slice(-UPDATES_KEPT_ON_ACTION),
        update_count: Number(action.update_count ?? 0) + 1,
      };
    }
    case 'ActionCompleted':
      return {
        status: 'completed',
        outcome: event.data.outcome,
        evidence: event.data.evidence ?? null,
        completed_at: event.data.completedAt,
      };
    case 'ActionSignedOff':
      return { status: 'closed', closed_at: event.data.signedOffAt, sign_off_note: event.data.note ?? null };
    case 'ActionReopened':
      return { status: 'open', closed_at: null, sign_off_note: null, completed_at: null, withdrawn_at: null };
    case 'ActionDueDateChanged': {
      const { dueDate, dueMeetingId } = event.data;
      return { due_date: dueDate ?? null, due_meeting_id: dueMeetingId ?? null, due_on: dueOn(rows, event.data) };
    }
    case 'ActionReassigned':
      return { owner_post_id: event.data.toPostId };
    case 'ActionChased': {
      const { note, chasedAt, chaseNumber } = event.data;
      return {
        chase_count: chaseNumber,
        last_chased_at: chasedAt,
        chases: [...(action.chases as unknown[]), { ...(note ? { note } : {}), chasedAt, chaseNumber }],
      };
    }
    case 'ActionWithdrawn':
      return { status: 'withdrawn', withdrawn_at: event.data.withdrawnAt };
    case 'ActionNoticeSent':
      // Only the row's version moves (If-Match follows the stream); the notices are read from the stream's history.
      return {};
    default: {
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
}

export function applyActions(event: ActionEvent, stamp: Stamp, rows: RowAccess): void {
  if (event.type === 'ActionAssigned') return assigned(event, stamp, rows);
  const action = rows.get(t.actions.name, event.data.actionId);
  if (!action) return;
  rows.set(t.actions.name, event.data.actionId, {
    ...action,
    ...changes(event, action, rows, stamp),
    version: stamp.version,
    last_position: stamp.position,
    changed_at: stamp.recordedAt,
  });
}
