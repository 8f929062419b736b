import { allProjections } from '../src/all-projections.js';
import { projectInMemory } from '../src/engine/project-in-memory.js';
import type { EventLog } from './support/event-log.js';
import { projectThroughTouches } from './support/project-through-touches.js';
import { assign, ids, recordsWorld } from './support/records-world.js';
import { scrutinyStory } from './support/scrutiny-story.js';

/** Every event type of the domain, in an order that makes each batch read rows earlier batches wrote. */
function wholeStory(): EventLog {
  const log = recordsWorld();
  log.to('meeting', ids.meeting, {
    type: 'AttendanceRecorded',
    data: {
      meetingId: ids.meeting,
      attendees: [{ name: 'Cllr Jones', role: 'chair', status: 'present' }],
      recordedAt: '2017-01-16T18:05:00Z',
    },
  });
  log.to('meeting', ids.meeting, {
    type: 'AgendaItemAdded',
    data: { meetingId: ids.meeting, number: '03', title: 'Draft Report', paperRef: 'Ref: 7', addedAt: '2017-01-16T18:06:00Z' },
  });
  log.to('resolution', ids.resolution, {
    type: 'ResolutionCorrected',
    data: {
      resolutionId: ids.resolution,
      parts: [{ label: '(i)', text: 'Agreed', kind: 'agreed' }],
      reason: 'Typo',
      correctedAt: '2017-01-17T09:00:00Z',
    },
  });
  assign(log, 'a-1', { dueDate: undefined, dueMeetingId: ids.midnightMeeting });
  assign(log, 'a-2');
  assign(log, 'b-1', { committeeId: ids.otherCommittee, resolutionId: ids.otherResolution });
  const act = (actionId: string, type: string, data: Record<string, unknown>) =>
    log.to('action', actionId, { type, data: { actionId, ...data } });
  act('a-1', 'ActionProgressReported', { note: 'Started', rag: 'green', reportedAt: '2017-01-20T09:00:00Z' });
  act('a-1', 'ActionDueDateChanged', { dueMeetingId: ids.februaryMeeting, reason: 'Sooner', changedAt: '2017-01-21T09:00:00Z' });
  act('a-1', 'ActionReassigned', {
    fromPostId: ids.post,
    toPostId: ids.otherPost,
    reason: 'Restructure',
    reassignedAt: '2017-01-22T09:00:00Z',
  });
  act('a-1', 'ActionChased', { chasedAt: '2017-02-21T09:00:00Z', chaseNumber: 1 });
  act('a-1', 'ActionCompleted', { outcome: 'Done', completedAt: '2017-02-22T09:00:00Z' });
  act('a-1', 'ActionSignedOff', { signedOffAt: '2017-02-23T09:00:00Z' });
  act('a-1', 'ActionReopened', { reason: 'Incomplete', reopenedAt: '2017-02-24T09:00:00Z' });
  act('a-2', 'ActionWithdrawn', { reason: 'Superseded', withdrawnAt: '2017-01-25T09:00:00Z' });
  log.to('meeting', ids.meeting, {
    type: 'MinutesApproved',
    data: { meetingId: ids.meeting, approvedAtMeetingId: ids.februaryMeeting, approvedAt: '2017-02-20T18:10:00Z' },
  });
  log.to('post', ids.post, { type: 'PostHolderVacated', data: { postId: ids.post, personId: ids.tony, at: '2017-03-01T09:00:00Z' } });
  log.to('post', ids.post, {
    type: 'PostHolderAppointed',
    data: { postId: ids.post, personId: ids.angela, from: '2017-03-01', appointedAt: '2017-03-01T09:00:00Z' },
  });
  const values = [
    { metric: 'vacancy-rate', value: 24.5, unit: '%' },
    { metric: 'agency-rate', value: 31.2, unit: '%' },
  ];
  log.to('metric', 's-1', {
    type: 'MetricsCollated',
    data: {
      snapshotId: 's-1',
      subject: 'Social workers',
      asOf: '2017-01-31',
      source: 'HR',
      actionId: 'a-1',
      values,
      collatedAt: '2017-02-01T09:00:00Z',
    },
  });
  log.to('metric', 's-1', {
    type: 'MetricsCorrected',
    data: {
      snapshotId: 's-1',
      values: [{ metric: 'vacancy-rate', value: 21, unit: '%' }],
      reason: 'Recount',
      correctedAt: '2017-02-02T09:00:00Z',
    },
  });
  scrutinyStory(log, 'a-1');
  log.append('thing-1', { type: 'ThingHappened', data: { n: 1 } });
  return log;
}

describe.each(allProjections.map((projection) => [projection.name, projection] as const))('%s projection: touches', (_name, projection) => {
  const log = wholeStory();
  const expected = projectInMemory(projection, log.events);

  it('keeps something of the story, so the comparison below means something', () => {
    expect(projection.tables.some((table) => expected.all(table.name).length > 0)).toBe(true);
  });

  it.each([1, 4, 1_000])(
    'names every row apply reads: batches of %i loading only touched rows give the same rows as projecting in memory',
    (size) => {
      const batched = projectThroughTouches(projection, log.events, size);
      for (const table of projection.tables)
        expect({ table: table.name, rows: batched.get(table.name) }).toEqual({ table: table.name, rows: expected.all(table.name) });
    },
  );
});
