import type { ActionAssigned } from '#domain';
import { EventLog } from './event-log.js';

/** The 16 January 2017 task & finish group: a committee, its meetings, a resolution, posts and their holders. */
export const ids = {
  committee: 'c-task-and-finish',
  otherCommittee: 'c-overview',
  meeting: 'm-2017-01-16',
  februaryMeeting: 'm-2017-02-20',
  /** Starts at 00:30 BST on 16 June 2017, which is 23:30 UTC on the 15th. */
  midnightMeeting: 'm-2017-06-16',
  resolution: 'r-item-03',
  otherResolution: 'r-overview-01',
  post: 'post-project-manager',
  otherPost: 'post-corporate-director',
  tony: 'person-tony',
  angela: 'person-angela',
} as const;

export function recordsWorld(): EventLog {
  const log = new EventLog();
  log.to('committee', ids.committee, {
    type: 'CommitteeCreated',
    data: { committeeId: ids.committee, name: 'Scrutiny Task & Finish Group', kind: 'task-and-finish', createdAt: '2017-01-02T09:00:00Z' },
  });
  log.to('committee', ids.otherCommittee, {
    type: 'CommitteeCreated',
    data: { committeeId: ids.otherCommittee, name: 'Overview & Scrutiny', kind: 'scrutiny', createdAt: '2017-01-02T09:05:00Z' },
  });
  const meeting = (meetingId: string, committeeId: string, startsAt: string) =>
    log.to('meeting', meetingId, {
      type: 'MeetingScheduled',
      data: { meetingId, committeeId, startsAt, scheduledAt: '2017-01-03T09:00:00Z' },
    });
  meeting(ids.meeting, ids.committee, '2017-01-16T18:00:00Z');
  meeting(ids.februaryMeeting, ids.committee, '2017-02-20T18:00:00Z');
  meeting(ids.midnightMeeting, ids.committee, '2017-06-15T23:30:00Z');
  const resolution = (resolutionId: string, committeeId: string, itemNumber: string) =>
    log.to('resolution', resolutionId, {
      type: 'ResolutionPassed',
      data: {
        resolutionId,
        meetingId: ids.meeting,
        committeeId,
        itemNumber,
        meetingStartsAt: '2017-01-16T18:00:00Z',
        passedAt: '2017-01-16T19:10:00Z',
        parts: [
          { label: '(i)', text: 'That the Report (Ref: 7) be noted.', kind: 'noted' },
          { label: '(ii)', text: 'That the Project Manager be instructed to collate final metrics', kind: 'instructed' },
        ],
      },
    });
  resolution(ids.resolution, ids.committee, '03');
  resolution(ids.otherResolution, ids.otherCommittee, '01');
  log.to('post', ids.post, {
    type: 'PostCreated',
    data: {
      postId: ids.post,
      title: 'Project Manager, Transformation & Technology',
      department: 'Transformation',
      createdAt: '2017-01-02T09:00:00Z',
    },
  });
  log.to('post', ids.otherPost, {
    type: 'PostCreated',
    data: { postId: ids.otherPost, title: 'Corporate Director, People', createdAt: '2017-01-02T09:00:00Z' },
  });
  log.to('person', ids.tony, {
    type: 'PersonRegistered',
    data: { personId: ids.tony, name: 'Tony Fitzgerald', registeredAt: '2017-01-02T09:00:00Z' },
  });
  log.to('person', ids.angela, {
    type: 'PersonRegistered',
    data: { personId: ids.angela, name: 'Angela Claridge', email: 'angela@example.gov.uk', registeredAt: '2017-01-02T09:00:00Z' },
  });
  log.to('post', ids.post, {
    type: 'PostHolderAppointed',
    data: { postId: ids.post, personId: ids.tony, from: '2017-01-02', appointedAt: '2017-01-02T09:10:00Z' },
  });
  return log;
}

type AssignedData = ActionAssigned['data'];

export function assign(log: EventLog, actionId: string, extra: Partial<AssignedData> = {}): void {
  const data: AssignedData = {
    actionId,
    resolutionId: ids.resolution,
    meetingId: ids.meeting,
    committeeId: ids.committee,
    meetingStartsAt: '2017-01-16T18:00:00Z',
    partLabel: '(ii)',
    title: 'Collate final metrics for Vacancy, Turnover and Agency Rates',
    ownerPostId: ids.post,
    dueDate: '2017-02-15',
    assignedAt: '2017-01-17T09:00:00Z',
    ...extra,
  };
  log.to('action', actionId, { type: 'ActionAssigned', data });
}
