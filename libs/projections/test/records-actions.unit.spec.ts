import type { ActionEvent } from '#domain';
import { projectInMemory } from '../src/engine/project-in-memory.js';
import { recordsProjection } from '../src/records/records.projection.js';
import { recordsTables as t } from '../src/records/records.tables.js';
import type { EventLog } from './support/event-log.js';
import { assign, ids, recordsWorld } from './support/records-world.js';

const action = (log: EventLog, actionId: string) => projectInMemory(recordsProjection, log.events).get(t.actions.name, actionId);
const on = (log: EventLog, actionId: string, event: ActionEvent) => log.to('action', actionId, event);

describe('records projection: actions', () => {
  it("given ActionAssigned, then an open action numbered A1 in its committee, with the resolution's item and the due date", () => {
    const log = recordsWorld();
    assign(log, 'a-1');
    const assigned = log.events.at(-1);
    expect(action(log, 'a-1')).toEqual({
      action_id: 'a-1',
      ref: 'A1',
      committee_id: ids.committee,
      meeting_id: ids.meeting,
      meeting_starts_at: '2017-01-16T18:00:00Z',
      item_number: '03',
      resolution_id: ids.resolution,
      part_label: '(ii)',
      title: 'Collate final metrics for Vacancy, Turnover and Agency Rates',
      description: null,
      owner_post_id: ids.post,
      due_date: '2017-02-15',
      due_meeting_id: null,
      due_on: '2017-02-15',
      status: 'open',
      rag: null,
      latest_note: null,
      latest_update_at: null,
      updates: [],
      update_count: 0,
      chases: [],
      chase_count: 0,
      last_chased_at: null,
      assigned_at: '2017-01-17T09:00:00Z',
      outcome: null,
      evidence: null,
      completed_at: null,
      closed_at: null,
      sign_off_note: null,
      withdrawn_at: null,
      version: 1,
      last_position: assigned?.globalPosition,
      changed_at: assigned?.recordedAt.toISOString(),
    });
  });

  it('numbers actions A1, A2 within each committee, and counts them on the committee', () => {
    const log = recordsWorld();
    assign(log, 'a-1');
    assign(log, 'a-2');
    assign(log, 'b-1', { committeeId: ids.otherCommittee, resolutionId: ids.otherResolution });
    const rows = projectInMemory(recordsProjection, log.events);
    expect(['a-1', 'a-2', 'b-1'].map((id) => rows.get(t.actions.name, id)?.ref)).toEqual(['A1', 'A2', 'A1']);
    expect(rows.get(t.actions.name, 'b-1')).toMatchObject({ committee_id: ids.otherCommittee, item_number: '01' });
    expect([ids.committee, ids.otherCommittee].map((id) => rows.get(t.committees.name, id)?.action_count)).toEqual([2, 1]);
  });

  it("given an action due at a meeting, then due_on is that meeting's UK date", () => {
    const log = recordsWorld();
    assign(log, 'a-feb', { dueDate: undefined, dueMeetingId: ids.februaryMeeting });
    assign(log, 'a-bst', { dueDate: undefined, dueMeetingId: ids.midnightMeeting });
    expect(action(log, 'a-feb')).toMatchObject({ due_date: null, due_meeting_id: ids.februaryMeeting, due_on: '2017-02-20' });
    // 23:30 UTC on the 15th is 00:30 BST on the 16th: the council's date is the 16th.
    expect(action(log, 'a-bst')).toMatchObject({ due_meeting_id: ids.midnightMeeting, due_on: '2017-06-16' });
  });

  it('given ActionDueDateChanged to a meeting and back to a date, then due_on follows each', () => {
    const log = recordsWorld();
    assign(log, 'a-1');
    on(log, 'a-1', {
      type: 'ActionDueDateChanged',
      data: { actionId: 'a-1', dueMeetingId: ids.midnightMeeting, reason: 'Report in June', changedAt: '2017-02-01T09:00:00Z' },
    });
    expect(action(log, 'a-1')).toMatchObject({ due_date: null, due_meeting_id: ids.midnightMeeting, due_on: '2017-06-16', version: 2 });
    on(log, 'a-1', {
      type: 'ActionDueDateChanged',
      data: { actionId: 'a-1', dueDate: '2017-03-31', reason: 'Sooner', changedAt: '2017-02-02T09:00:00Z' },
    });
    expect(action(log, 'a-1')).toMatchObject({ due_date: '2017-03-31', due_meeting_id: null, due_on: '2017-03-31', version: 3 });
  });

  it('given ActionReassigned, then the new post owns the action', () => {
    const log = recordsWorld();
    assign(log, 'a-1');
    on(log, 'a-1', {
      type: 'ActionReassigned',
      data: { actionId: 'a-1', fromPostId: ids.post, toPostId: ids.otherPost, reason: 'Restructure', reassignedAt: '2017-02-01T09:00:00Z' },
    });
    expect(action(log, 'a-1')).toMatchObject({ owner_post_id: ids.otherPost, version: 2 });
  });

  it('given ActionProgressReported, then the latest note and RAG, each update kept, and a report without RAG keeps the last RAG', () => {
    const log = recordsWorld();
    assign(log, 'a-1');
    on(log, 'a-1', {
      type: 'ActionProgressReported',
      data: { actionId: 'a-1', note: 'HR data requested', rag: 'amber', reportedAt: '2017-01-20T09:00:00Z', reportedBy: ids.tony },
    });
    on(log, 'a-1', {
      type: 'ActionProgressReported',
      data: { actionId: 'a-1', note: 'Data received', reportedAt: '2017-01-27T09:00:00Z' },
    });
    expect(action(log, 'a-1')).toMatchObject({
      rag: 'amber',
      latest_note: 'Data received',
      latest_update_at: '2017-01-27T09:00:00Z',
      version: 3,
      updates: [
        { note: 'HR data requested', rag: 'amber', reportedAt: '2017-01-20T09:00:00Z', reportedBy: ids.tony },
        { note: 'Data received', reportedAt: '2017-01-27T09:00:00Z' },
      ],
    });
  });

  it('given ActionChased twice, then both chases are counted and the last one dated', () => {
    const log = recordsWorld();
    assign(log, 'a-1');
    on(log, 'a-1', { type: 'ActionChased', data: { actionId: 'a-1', note: 'Overdue', chasedAt: '2017-02-16T09:00:00Z', chaseNumber: 1 } });
    on(log, 'a-1', { type: 'ActionChased', data: { actionId: 'a-1', chasedAt: '2017-02-23T09:00:00Z', chaseNumber: 2 } });
    expect(action(log, 'a-1')).toMatchObject({
      chase_count: 2,
      last_chased_at: '2017-02-23T09:00:00Z',
      status: 'open',
      chases: [
        { note: 'Overdue', chasedAt: '2017-02-16T09:00:00Z', chaseNumber: 1 },
        { chasedAt: '2017-02-23T09:00:00Z', chaseNumber: 2 },
      ],
    });
  });

  it('given ActionCompleted then ActionSignedOff, then completed with its outcome, then closed with the sign-off note', () => {
    const log = recordsWorld();
    assign(log, 'a-1');
    on(log, 'a-1', {
      type: 'ActionCompleted',
      data: { actionId: 'a-1', outcome: 'Metrics collated', evidence: 'Ref: 9', completedAt: '2017-02-10T09:00:00Z' },
    });
    expect(action(log, 'a-1')).toMatchObject({
      status: 'completed',
      outcome: 'Metrics collated',
      evidence: 'Ref: 9',
      completed_at: '2017-02-10T09:00:00Z',
      closed_at: null,
    });
    on(log, 'a-1', {
      type: 'ActionSignedOff',
      data: { actionId: 'a-1', meetingId: ids.februaryMeeting, note: 'Agreed as complete', signedOffAt: '2017-02-20T19:00:00Z' },
    });
    expect(action(log, 'a-1')).toMatchObject({
      status: 'closed',
      closed_at: '2017-02-20T19:00:00Z',
      sign_off_note: 'Agreed as complete',
      version: 3,
    });
  });

  it('given ActionReopened after sign-off, then open again with closed_at and completed_at cleared', () => {
    const log = recordsWorld();
    assign(log, 'a-1');
    on(log, 'a-1', { type: 'ActionCompleted', data: { actionId: 'a-1', outcome: 'Done', completedAt: '2017-02-10T09:00:00Z' } });
    on(log, 'a-1', { type: 'ActionSignedOff', data: { actionId: 'a-1', note: 'Agreed', signedOffAt: '2017-02-20T19:00:00Z' } });
    on(log, 'a-1', { type: 'ActionReopened', data: { actionId: 'a-1', reason: 'Figures incomplete', reopenedAt: '2017-02-21T09:00:00Z' } });
    expect(action(log, 'a-1')).toMatchObject({
      status: 'open',
      closed_at: null,
      sign_off_note: null,
      completed_at: null,
      withdrawn_at: null,
      outcome: 'Done',
      version: 4,
    });
  });

  it('given ActionWithdrawn, then withdrawn and dated', () => {
    const log = recordsWorld();
    assign(log, 'a-1');
    on(log, 'a-1', { type: 'ActionWithdrawn', data: { actionId: 'a-1', reason: 'Superseded', withdrawnAt: '2017-02-01T09:00:00Z' } });
    expect(action(log, 'a-1')).toMatchObject({
      status: 'withdrawn',
      withdrawn_at: '2017-02-01T09:00:00Z',
      last_position: log.events.at(-1)?.globalPosition,
    });
  });

  it('ignores a change to an action it never saw assigned', () => {
    const log = recordsWorld();
    on(log, 'a-ghost', { type: 'ActionChased', data: { actionId: 'a-ghost', chasedAt: '2017-02-16T09:00:00Z', chaseNumber: 1 } });
    expect(projectInMemory(recordsProjection, log.events).all(t.actions.name)).toEqual([]);
  });
});
