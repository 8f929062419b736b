import { randomUUID } from 'node:crypto';
import type { DomainEvent } from '#domain';
import type { EventStore } from '#event-store';

const metadata = { actor: { id: 'p-scrutiny', name: 'Scrutiny Officer', roles: ['scrutiny'] }, correlationId: 'corr-world' };

/** Appends one domain event to `<category>-<id>` as a command would; answers its global position. */
export async function appendDomainEvent(store: EventStore, category: string, id: string, event: DomainEvent): Promise<number> {
  const result = await store.appendToStream(`${category}-${id}`, [
    { eventId: randomUUID(), type: event.type, data: event.data as Record<string, unknown>, metadata },
  ]);
  return result.lastPosition;
}

export const world = {
  committee: 'c-task-and-finish',
  meeting: 'm-2017-01-16',
  juneMeeting: 'm-2017-06-16',
  resolution: 'r-03',
  post: 'post-pm',
  otherPost: 'post-director',
  person: 'person-tony',
  action: 'a-1',
  snapshot: 's-1',
} as const;

/** A committee, a meeting at 00:30 BST, a resolution, a held post, an action due at that meeting and a metric snapshot: 10 events. */
export async function appendWorld(store: EventStore): Promise<number> {
  const w = world;
  const on = (category: string, id: string, event: DomainEvent) => appendDomainEvent(store, category, id, event);
  await on('committee', w.committee, {
    type: 'CommitteeCreated',
    data: { committeeId: w.committee, name: 'Task & Finish', kind: 'task-and-finish', createdAt: '2017-01-02T09:00:00Z' },
  });
  await on('meeting', w.meeting, {
    type: 'MeetingScheduled',
    data: { meetingId: w.meeting, committeeId: w.committee, startsAt: '2017-01-16T18:00:00Z', scheduledAt: '2017-01-03T09:00:00Z' },
  });
  await on('meeting', w.juneMeeting, {
    type: 'MeetingScheduled',
    data: { meetingId: w.juneMeeting, committeeId: w.committee, startsAt: '2017-06-15T23:30:00Z', scheduledAt: '2017-01-03T09:00:00Z' },
  });
  await on('resolution', w.resolution, {
    type: 'ResolutionPassed',
    data: {
      resolutionId: w.resolution,
      meetingId: w.meeting,
      committeeId: w.committee,
      itemNumber: '03',
      meetingStartsAt: '2017-01-16T18:00:00Z',
      parts: [{ label: '(ii)', text: 'Collate metrics', kind: 'instructed' }],
      passedAt: '2017-01-16T19:00:00Z',
    },
  });
  await on('post', w.post, { type: 'PostCreated', data: { postId: w.post, title: 'Project Manager', createdAt: '2017-01-02T09:00:00Z' } });
  await on('person', w.person, {
    type: 'PersonRegistered',
    data: { personId: w.person, name: 'Tony Fitzgerald', registeredAt: '2017-01-02T09:00:00Z' },
  });
  await on('post', w.post, {
    type: 'PostHolderAppointed',
    data: { postId: w.post, personId: w.person, from: '2017-01-02', appointedAt: '2017-01-02T09:00:00Z' },
  });
  await on('action', w.action, {
    type: 'ActionAssigned',
    data: {
      actionId: w.action,
      resolutionId: w.resolution,
      meetingId: w.meeting,
      committeeId: w.committee,
      meetingStartsAt: '2017-01-16T18:00:00Z',
      partLabel: '(ii)',
      title: 'Collate metrics',
      ownerPostId: w.post,
      dueMeetingId: w.juneMeeting,
      assignedAt: '2017-01-17T09:00:00Z',
    },
  });
  await on('metric', w.snapshot, {
    type: 'MetricsCollated',
    data: {
      snapshotId: w.snapshot,
      subject: 'Social workers',
      asOf: '2017-01-31',
      source: 'HR',
      values: [{ metric: 'vacancy-rate', value: 24.5, unit: '%' }],
      collatedAt: '2017-02-01T09:00:00Z',
    },
  });
  return on('metric', w.snapshot, {
    type: 'MetricsCorrected',
    data: {
      snapshotId: w.snapshot,
      values: [{ metric: 'vacancy-rate', value: 21, unit: '%' }],
      reason: 'Recount',
      correctedAt: '2017-02-02T09:00:00Z',
    },
  });
}
