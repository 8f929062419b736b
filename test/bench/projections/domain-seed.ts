import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { EventStore, NewEvent } from '#event-store';
import { runPool } from '../measure.js';

/** Events per appendToStream call. */
const BATCH = 100;
const CONCURRENCY = 8;
const COMMITTEES = 6;
const POSTS = 40;
const MEETINGS_PER_COMMITTEE = 5;
/** Every METRIC_EVERY-th batch collates metric snapshots instead of carrying actions. */
const METRIC_EVERY = 20;
/** Enough for the view queries to run against 100,000 actions when the log is big enough. */
const MAX_ACTIONS = 100_000;

interface Directory {
  readonly committees: string[];
  readonly posts: string[];
  /** Per committee: its meetings' ids, start instants and resolutions. */
  readonly meetings: { committeeId: string; meetingId: string; startsAt: string; resolutionId: string }[];
}

const at = (day: number): string => new Date(Date.UTC(2016, 0, 1) + day * 86_400_000).toISOString();
const dateOf = (day: number): string => at(day).slice(0, 10);

const event = (type: string, data: Record<string, unknown>): NewEvent => ({
  eventId: randomUUID(),
  type,
  data,
  metadata: { correlationId: randomUUID(), actor: { id: 'bench-clerk', name: 'Bench Clerk', roles: ['scrutiny'] } },
});

/** The streams that set up committees, posts with holders, meetings and resolutions: one stream each. */
function directoryStreams(): { directory: Directory; streams: [string, NewEvent[]][] } {
  const directory: Directory = { committees: [], posts: [], meetings: [] };
  const streams: [string, NewEvent[]][] = [];
  for (let p = 0; p < POSTS; p++) {
    const postId = randomUUID();
    const personId = randomUUID();
    directory.posts.push(postId);
    streams.push([`person-${personId}`, [event('PersonRegistered', { personId, name: `Officer ${p}`, registeredAt: at(0) })]]);
    streams.push([
      `post-${postId}`,
      [
        event('PostCreated', { postId, title: `Head of Service ${p}`, department: `Department ${p % 7}`, createdAt: at(0) }),
        event('PostHolderAppointed', { postId, personId, from: dateOf(1), appointedAt: at(1) }),
      ],
    ]);
  }
  for (let c = 0; c < COMMITTEES; c++) {
    const committeeId = randomUUID();
    directory.committees.push(committeeId);
    streams.push([
      `committee-${committeeId}`,
      [event('CommitteeCreated', { committeeId, name: `Scrutiny Committee ${c}`, kind: 'scrutiny', createdAt: at(0) })],
    ]);
    for (let m = 0; m < MEETINGS_PER_COMMITTEE; m++) {
      const meetingId = randomUUID();
      const resolutionId = randomUUID();
      const startsAt = at(10 + m * 60 + c);
      directory.meetings.push({ committeeId, meetingId, startsAt, resolutionId });
      streams.push([
        `meeting-${meetingId}`,
        [
          event('MeetingScheduled', {
            meetingId,
            committeeId,
            startsAt,
            title: `Meeting ${m}`,
            location: 'Council Chamber',
            scheduledAt: at(2),
          }),
          event('AgendaItemAdded', { meetingId, number: '03', title: 'Review of the action log', paperRef: 'Ref: 7', addedAt: at(3) }),
          event('AttendanceRecorded', {
            meetingId,
            attendees: [{ name: 'Cllr Chair', role: 'chair', status: 'present' }],
            recordedAt: startsAt,
          }),
        ],
      ]);
      streams.push([
        `resolution-${resolutionId}`,
        [
          event('ResolutionPassed', {
            resolutionId,
            meetingId,
            committeeId,
            itemNumber: '03',
            passedAt: startsAt,
            parts: [
              { label: '(i)', text: 'That the report be noted.', kind: 'noted' },
              { label: '(ii)', text: 'That officers collate metrics.', kind: 'instructed' },
            ],
          }),
        ],
      ]);
    }
  }
  return { directory, streams };
}

/** One action's life: assigned, then progress reports and chases, and for some a completion and sign-off. */
function lifecycle(directory: Directory, n: number, length: number): NewEvent[] {
  const meeting = directory.meetings[n % directory.meetings.length];
  if (!meeting) throw new Error('no meetings seeded');
  const actionId = randomUUID();
  const dueDay = 300 + (n % 700);
  const events = [
    event('ActionAssigned', {
      actionId,
      resolutionId: meeting.resolutionId,
      meetingId: meeting.meetingId,
      committeeId: meeting.committeeId,
      meetingStartsAt: meeting.startsAt,
      partLabel: '(ii)',
      title: `Collate final metrics for vacancy, turnover and agency rates (${n})`,
      ownerPostId: directory.posts[n % directory.posts.length],
      dueDate: dateOf(dueDay),
      assignedAt: meeting.startsAt,
    }),
  ];
  // A third of the actions end completed, a tenth of those signed off; the rest stay open (most past due).
  const ending = n % 3 === 0 ? (n % 30 === 0 ? ['ActionCompleted', 'ActionSignedOff'] : ['ActionCompleted']) : [];
  const middle = Math.max(0, length - 1 - ending.length);
  let chases = 0;
  for (let i = 0; i < middle; i++) {
    const day = dueDay - 30 + i;
    events.push(
      i % 2 === 0
        ? event('ActionProgressReported', {
            actionId,
            note: `Update ${i}: figures requested from HR`,
            rag: (['green', 'amber', 'red'] as const)[i % 3],
            reportedAt: at(day),
          })
        : event('ActionChased', { actionId, note: 'Reminder sent', chasedAt: at(day), chaseNumber: ++chases }),
    );
  }
  for (const type of ending.slice(0, length - 1 - middle)) {
    events.push(
      type === 'ActionCompleted'
        ? event(type, { actionId, outcome: 'Metrics collated and circulated', completedAt: at(dueDay + 5) })
        : event(type, { actionId, signedOffAt: at(dueDay + 40) }),
    );
  }
  return events;
}

function metricSnapshots(count: number, n: number): NewEvent[] {
  return Array.from({ length: count }, (_, i) =>
    event('MetricsCollated', {
      snapshotId: randomUUID(),
      subject: `Social workers, team ${(n + i) % 12}`,
      asOf: dateOf((n + i) % 900),
      source: 'HR system',
      values: [
        { metric: 'vacancy-rate', value: 12.5, unit: '%' },
        { metric: 'turnover', value: 8.1, unit: '%' },
        { metric: 'agency-fte', value: 14, unit: 'FTE' },
      ],
      collatedAt: at((n + i) % 900),
    }),
  );
}

export interface SeedResult {
  readonly events: number;
  readonly actions: number;
  readonly seconds: number;
  /** The post with the most actions, for the queue query. */
  readonly busiestPostId: string;
}

/**
 * Appends about `total` events: the directory first, then 100-event batches at concurrency 8. An action batch
 * holds whole lifecycles of several actions in one action stream (the projections key rows by the ids in the
 * data, so a lifecycle never straddles batches that could commit out of order).
 */
export async function seedDomainLog(store: EventStore, total: number): Promise<SeedResult> {
  const started = performance.now();
  const { directory, streams } = directoryStreams();
  await runPool(streams.length, CONCURRENCY, async (i) => {
    const [streamId, events] = streams[i] ?? ['', []];
    await store.appendToStream(streamId, events, { expectedVersion: 'no_stream' });
  });
  const directoryEvents = streams.reduce((sum, [, events]) => sum + events.length, 0);
  const batches = Math.max(1, Math.ceil((total - directoryEvents) / BATCH));
  const actionEvents = (batches - Math.floor(batches / METRIC_EVERY)) * BATCH;
  const actionsWanted = Math.min(MAX_ACTIONS, Math.floor(actionEvents / 2));
  const perAction = Math.max(2, Math.floor(actionEvents / actionsWanted));
  let actions = 0;
  let appended = directoryEvents;
  await runPool(batches, CONCURRENCY, async (b) => {
    const events: NewEvent[] = [];
    const room = Math.min(BATCH, total - appended);
    if (room <= 0) return;
    appended += room;
    if ((b + 1) % METRIC_EVERY === 0) {
      events.push(...metricSnapshots(room, b));
      await store.appendToStream(`metric-${randomUUID()}`, events, { expectedVersion: 'no_stream' });
    } else {
      while (events.length < room)
        events.push(...lifecycle(directory, actions++, Math.min(perAction + (actions % 3) - 1, room - events.length)));
      await store.appendToStream(`action-${randomUUID()}`, events, { expectedVersion: 'no_stream' });
    }
  });
  return { events: appended, actions, seconds: (performance.now() - started) / 1000, busiestPostId: directory.posts[0] ?? '' };
}
