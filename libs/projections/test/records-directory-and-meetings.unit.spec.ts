import { projectInMemory } from '../src/engine/project-in-memory.js';
import { recordsProjection } from '../src/records/records.projection.js';
import { recordsTables as t } from '../src/records/records.tables.js';
import { EventLog } from './support/event-log.js';
import { ids, recordsWorld } from './support/records-world.js';

const rowsOf = (log: EventLog, table: string) => projectInMemory(recordsProjection, log.events).all(table);
const rowOf = (log: EventLog, table: string, key: string) => projectInMemory(recordsProjection, log.events).get(table, key);

describe('records projection: directory', () => {
  it('given CommitteeCreated, then a committee row with no actions and no escalation yet, at the stream version 1', () => {
    expect(rowOf(recordsWorld(), t.committees.name, ids.committee)).toEqual({
      committee_id: ids.committee,
      name: 'Scrutiny Task & Finish Group',
      kind: 'task-and-finish',
      action_count: 0,
      created_at: '2017-01-02T09:00:00Z',
      escalation_post_id: null,
      escalation_after_days: null,
      version: 1,
    });
  });

  it("given CommitteeEscalationSet twice, then the committee row names the latest post and days, at the stream's version", () => {
    const log = recordsWorld();
    const escalate = (escalationPostId: string, afterDays: number, setAt: string) =>
      log.to('committee', ids.committee, {
        type: 'CommitteeEscalationSet',
        data: { committeeId: ids.committee, escalationPostId, afterDays, setAt },
      });
    escalate(ids.post, 7, '2017-02-01T09:00:00Z');
    escalate(ids.otherPost, 14, '2017-02-02T09:00:00Z');
    expect(rowOf(log, t.committees.name, ids.committee)).toMatchObject({
      name: 'Scrutiny Task & Finish Group',
      escalation_post_id: ids.otherPost,
      escalation_after_days: 14,
      version: 3,
    });
    expect(rowOf(log, t.committees.name, ids.otherCommittee)).toMatchObject({ escalation_post_id: null, version: 1 });
  });

  it('given PersonRegistered, then a person row, with a null email and identity subject when none was given', () => {
    expect(rowsOf(recordsWorld(), t.people.name)).toEqual([
      { person_id: ids.tony, name: 'Tony Fitzgerald', email: null, identity_subject: null },
      { person_id: ids.angela, name: 'Angela Claridge', email: 'angela@example.gov.uk', identity_subject: null },
    ]);
  });

  it("given PersonRegistered with the identity provider's subject, then the row keeps it for authentication to look up", () => {
    const log = recordsWorld();
    const personId = 'c1d2e3f4-0000-4000-8000-000000000009';
    log.to('person', personId, {
      type: 'PersonRegistered',
      data: { personId, name: 'Pat Entra', identitySubject: 'oid-of-pat', registeredAt: '2017-01-03T09:00:00Z' },
    });
    expect(rowOf(log, t.people.name, personId)).toEqual({
      person_id: personId,
      name: 'Pat Entra',
      email: null,
      identity_subject: 'oid-of-pat',
    });
  });

  it('given PostCreated, then a vacant post; given PostHolderAppointed, then the holder by name', () => {
    const log = recordsWorld();
    expect(rowOf(log, t.posts.name, ids.otherPost)).toEqual({
      post_id: ids.otherPost,
      title: 'Corporate Director, People',
      department: null,
      holder_person_id: null,
      holder_name: null,
      holder_from: null,
    });
    expect(rowOf(log, t.posts.name, ids.post)).toEqual({
      post_id: ids.post,
      title: 'Project Manager, Transformation & Technology',
      department: 'Transformation',
      holder_person_id: ids.tony,
      holder_name: 'Tony Fitzgerald',
      holder_from: '2017-01-02',
    });
  });

  it('given a new holder (the old one vacated first), then the post names the new holder', () => {
    const log = recordsWorld();
    log.to('post', ids.post, { type: 'PostHolderVacated', data: { postId: ids.post, personId: ids.tony, at: '2017-03-01T09:00:00Z' } });
    log.to('post', ids.post, {
      type: 'PostHolderAppointed',
      data: { postId: ids.post, personId: ids.angela, from: '2017-03-01', appointedAt: '2017-03-01T09:00:00Z' },
    });
    expect(rowOf(log, t.posts.name, ids.post)).toMatchObject({
      holder_person_id: ids.angela,
      holder_name: 'Angela Claridge',
      holder_from: '2017-03-01',
    });
  });

  it('given PostHolderVacated, then the post is vacant; a vacation naming someone else leaves the holder', () => {
    const log = recordsWorld();
    log.to('post', ids.post, { type: 'PostHolderVacated', data: { postId: ids.post, personId: ids.angela, at: '2017-03-01T09:00:00Z' } });
    expect(rowOf(log, t.posts.name, ids.post)).toMatchObject({ holder_person_id: ids.tony, holder_name: 'Tony Fitzgerald' });
    log.to('post', ids.post, { type: 'PostHolderVacated', data: { postId: ids.post, personId: ids.tony, at: '2017-03-02T09:00:00Z' } });
    expect(rowOf(log, t.posts.name, ids.post)).toMatchObject({ holder_person_id: null, holder_name: null, holder_from: null });
  });
});

describe('records projection: meetings', () => {
  const attendees = [
    { personId: ids.angela, name: 'Angela Claridge', role: 'chair', status: 'present' },
    { name: 'Cllr Jones', role: 'member', status: 'apologies' },
  ];

  it('given MeetingScheduled, then a meeting with no attendees, items or approval, at stream version 1', () => {
    expect(rowOf(recordsWorld(), t.meetings.name, ids.meeting)).toEqual({
      meeting_id: ids.meeting,
      committee_id: ids.committee,
      starts_at: '2017-01-16T18:00:00Z',
      meeting_date: '2017-01-16',
      date_only: false,
      title: null,
      location: null,
      attendees: [],
      items: [],
      minutes_approved: null,
      version: 1,
    });
  });

  it('given MeetingScheduled with a date and no time, then the UK start of that day, the date, and date_only', () => {
    const log = recordsWorld();
    const meetingId = 'm-2015-06-24';
    log.to('meeting', meetingId, {
      type: 'MeetingScheduled',
      data: { meetingId, committeeId: ids.committee, date: '2015-06-24', scheduledAt: '2017-01-03T09:00:00Z' },
    });
    expect(rowOf(log, t.meetings.name, meetingId)).toMatchObject({
      starts_at: '2015-06-24T00:00:00+01:00',
      meeting_date: '2015-06-24',
      date_only: true,
    });
  });

  it('given AttendanceRecorded twice, then the later list replaces the earlier one', () => {
    const log = recordsWorld();
    log.to('meeting', ids.meeting, {
      type: 'AttendanceRecorded',
      data: { meetingId: ids.meeting, attendees: [attendees[0]], recordedAt: '2017-01-16T18:05:00Z' },
    });
    log.to('meeting', ids.meeting, {
      type: 'AttendanceRecorded',
      data: { meetingId: ids.meeting, attendees, recordedAt: '2017-01-17T09:00:00Z' },
    });
    expect(rowOf(log, t.meetings.name, ids.meeting)).toMatchObject({ attendees, version: 3 });
  });

  it("given AgendaItemAdded with the minutes' narrative, then the item keeps it", () => {
    const log = recordsWorld();
    const narrative = 'Members asked whether certain factors were making it harder to recruit.';
    log.to('meeting', ids.meeting, {
      type: 'AgendaItemAdded',
      data: { meetingId: ids.meeting, number: '62', title: 'Strategy', paperRef: 'CS14078', narrative, addedAt: '2017-01-10T09:00:00Z' },
    });
    expect(rowOf(log, t.meetings.name, ids.meeting)).toMatchObject({
      items: [{ number: '62', title: 'Strategy', paperRef: 'CS14078', narrative }],
    });
  });

  it('given AgendaItemAdded, then the items in order, the paper reference only where there is one', () => {
    const log = recordsWorld();
    log.to('meeting', ids.meeting, {
      type: 'AgendaItemAdded',
      data: { meetingId: ids.meeting, number: '02', title: 'Minutes', addedAt: '2017-01-10T09:00:00Z' },
    });
    log.to('meeting', ids.meeting, {
      type: 'AgendaItemAdded',
      data: { meetingId: ids.meeting, number: '03', title: 'Draft Report Part 1', paperRef: 'Ref: 7', addedAt: '2017-01-10T09:01:00Z' },
    });
    expect(rowOf(log, t.meetings.name, ids.meeting)).toMatchObject({
      items: [
        { number: '02', title: 'Minutes' },
        { number: '03', title: 'Draft Report Part 1', paperRef: 'Ref: 7' },
      ],
      version: 3,
    });
  });

  it('given MinutesApproved, then the meeting names where and when its minutes were confirmed', () => {
    const log = recordsWorld();
    log.to('meeting', ids.meeting, {
      type: 'MinutesApproved',
      data: { meetingId: ids.meeting, approvedAtMeetingId: ids.februaryMeeting, approvedAt: '2017-02-20T18:10:00Z' },
    });
    expect(rowOf(log, t.meetings.name, ids.meeting)).toMatchObject({
      minutes_approved: { approvedAtMeetingId: ids.februaryMeeting, approvedAt: '2017-02-20T18:10:00Z' },
      version: 2,
    });
  });

  it('ignores meeting events for a meeting it never saw scheduled', () => {
    const log = new EventLog();
    log.to('meeting', 'm-unknown', {
      type: 'AgendaItemAdded',
      data: { meetingId: 'm-unknown', number: '01', title: 'Apologies', addedAt: '2017-01-10T09:00:00Z' },
    });
    expect(rowsOf(log, t.meetings.name)).toEqual([]);
  });
});

describe('records projection: resolutions', () => {
  it('given ResolutionPassed, then the resolution with its parts and no corrections, passed at its meeting', () => {
    expect(rowOf(recordsWorld(), t.resolutions.name, ids.resolution)).toEqual({
      resolution_id: ids.resolution,
      meeting_id: ids.meeting,
      committee_id: ids.committee,
      item_number: '03',
      parts: [
        { label: '(i)', text: 'That the Report (Ref: 7) be noted.', kind: 'noted' },
        { label: '(ii)', text: 'That the Project Manager be instructed to collate final metrics', kind: 'instructed' },
      ],
      corrections: 0,
      // The event says 19:10, when it was typed (events before business time); a resolution passes at its meeting.
      passed_at: '2017-01-16T18:00:00Z',
      corrected_at: null,
      version: 1,
    });
  });

  it('given ResolutionCorrected twice, then the latest parts, the count of corrections and when', () => {
    const log = recordsWorld();
    const correct = (text: string, correctedAt: string) =>
      log.to('resolution', ids.resolution, {
        type: 'ResolutionCorrected',
        data: { resolutionId: ids.resolution, parts: [{ label: '(i)', text, kind: 'agreed' }], reason: 'Minutes corrected', correctedAt },
      });
    correct('That the Report be agreed.', '2017-02-20T18:15:00Z');
    correct('That the Report (Ref: 7) be agreed.', '2017-02-20T18:20:00Z');
    expect(rowOf(log, t.resolutions.name, ids.resolution)).toMatchObject({
      parts: [{ label: '(i)', text: 'That the Report (Ref: 7) be agreed.', kind: 'agreed' }],
      corrections: 2,
      corrected_at: '2017-02-20T18:20:00Z',
      version: 3,
    });
  });
});

describe('records projection: events it does not keep', () => {
  it('writes no row for metric snapshots or for event types outside the domain', () => {
    const log = new EventLog();
    log.to('metric', 's-1', {
      type: 'MetricsCollated',
      data: { snapshotId: 's-1', subject: 'S', asOf: '2017-01-31', source: 'HR', values: [], collatedAt: '2017-02-01T09:00:00Z' },
    });
    log.append('thing-1', { type: 'ThingHappened', data: { committeeId: 'c-1' } });
    const rows = projectInMemory(recordsProjection, log.events);
    expect(Object.values(t).flatMap((table) => rows.all(table.name))).toEqual([]);
    expect(log.events.map((e) => recordsProjection.touches(e))).toEqual([[], []]);
  });
});

describe('records projection: person settings', () => {
  const hash = 'c'.repeat(64);

  it('given NotificationPreferencesSet, then a settings row with the choice and no calendar feed', () => {
    const log = recordsWorld();
    log.to('person', ids.tony, {
      type: 'NotificationPreferencesSet',
      data: { personId: ids.tony, reminders: false, weeklyDigest: true, setAt: '2017-02-01T10:00:00Z', setBy: ids.tony },
    });
    expect(rowOf(log, t.personSettings.name, ids.tony)).toEqual({
      person_id: ids.tony,
      reminders: false,
      weekly_digest: true,
      preferences_set_at: '2017-02-01T10:00:00Z',
      calendar_token_hash: null,
      calendar_issued_at: null,
    });
  });

  it('given CalendarFeedIssued then CalendarFeedRevoked, then the hash is kept while issued and cleared after, with the default preferences', () => {
    const log = recordsWorld();
    log.to('person', ids.tony, {
      type: 'CalendarFeedIssued',
      data: { personId: ids.tony, tokenHash: hash, issuedAt: '2017-02-01T10:00:00Z', issuedBy: ids.tony },
    });
    expect(rowOf(log, t.personSettings.name, ids.tony)).toMatchObject({
      reminders: true,
      weekly_digest: true,
      calendar_token_hash: hash,
      calendar_issued_at: '2017-02-01T10:00:00Z',
    });
    log.to('person', ids.tony, {
      type: 'CalendarFeedRevoked',
      data: { personId: ids.tony, revokedAt: '2017-02-02T10:00:00Z', revokedBy: ids.tony },
    });
    expect(rowOf(log, t.personSettings.name, ids.tony)).toMatchObject({ calendar_token_hash: null, calendar_issued_at: null });
  });
});
