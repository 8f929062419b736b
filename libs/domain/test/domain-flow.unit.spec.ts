// The seed minutes end to end, passing each loaded state as the next command's facts, so the
// fact shapes are checked against the real states both by the compiler and at run time.
import { actionDecider } from '../src/action/action.decider.js';
import { committeeDecider } from '../src/committee/committee.decider.js';
import { personDecider } from '../src/directory/person/person.decider.js';
import { postDecider } from '../src/directory/post/post.decider.js';
import { meetingDecider } from '../src/meeting/meeting.decider.js';
import type { MeetingEvent } from '../src/meeting/meeting.events.js';
import { metricSnapshotDecider } from '../src/metric-snapshot/metric-snapshot.decider.js';
import { resolutionDecider } from '../src/resolution/resolution.decider.js';
import { fold, type Decider } from '../src/shared/decider.js';

const run = <C, E, S>(decider: Decider<C, E, S>, command: C, history: readonly E[] = []): E[] => [
  ...history,
  ...decider.decide(command, fold(decider, history)),
];
const now = '2017-01-20T10:00:00Z';

describe('domain flow: the January 2017 task & finish group minutes', () => {
  it('records the meeting, its resolution and the metrics action it instructed', () => {
    const committee = run(committeeDecider, {
      type: 'CreateCommittee',
      data: { committeeId: 'c-tf', name: 'Recruitment & Retention T&F Group', kind: 'task-and-finish', now },
    });
    const tony = run(personDecider, {
      type: 'RegisterPerson',
      data: { personId: 'tony', name: 'Tony Fitzgerald', now },
    });
    const vacantPost = run(postDecider, {
      type: 'CreatePost',
      data: { postId: 'pm-tt', title: 'Project Manager, Transformation & Technology', now },
    });
    const post = run(
      postDecider,
      {
        type: 'AppointPostHolder',
        data: { postId: 'pm-tt', personId: 'tony', now, facts: { person: fold(personDecider, tony) } },
      },
      vacantPost,
    );

    const schedule = (meetingId: string, startsAt: string): MeetingEvent[] =>
      run(meetingDecider, {
        type: 'ScheduleMeeting',
        data: {
          meetingId,
          committeeId: 'c-tf',
          startsAt,
          now,
          facts: { committee: fold(committeeDecider, committee) },
        },
      });
    const february = schedule('m-feb', '2017-02-20T18:00:00Z');
    let january = schedule('m-jan', '2017-01-16T18:00:00Z');
    january = run(
      meetingDecider,
      {
        type: 'AddAgendaItem',
        data: { meetingId: 'm-jan', number: '03', title: 'Draft T&F report part 1', paperRef: 'Ref: 7', now },
      },
      january,
    );
    january = run(
      meetingDecider,
      {
        type: 'ApproveMinutes',
        data: {
          meetingId: 'm-jan',
          approvedAtMeetingId: 'm-feb',
          now,
          facts: { approvingMeeting: fold(meetingDecider, february) },
        },
      },
      january,
    );

    const resolution = run(resolutionDecider, {
      type: 'PassResolution',
      data: {
        resolutionId: 'r-03',
        meetingId: 'm-jan',
        itemNumber: '03',
        parts: [
          { label: '(i)', text: 'That the Report (Ref: 7) be noted.', kind: 'noted' },
          {
            label: '(ii)',
            text: 'That the Project Manager, Transformation & Technology be instructed to collate final metrics',
            kind: 'instructed',
          },
        ],
        now,
        facts: { meeting: fold(meetingDecider, january) },
      },
    });
    const action = run(actionDecider, {
      type: 'AssignAction',
      data: {
        actionId: 'a-1',
        resolutionId: 'r-03',
        partLabel: '(ii)',
        title: 'Collate final metrics for Vacancy, Turnover and Agency Rates',
        ownerPostId: 'pm-tt',
        dueMeetingId: 'm-feb',
        now,
        facts: {
          resolution: fold(resolutionDecider, resolution),
          ownerPost: fold(postDecider, post),
          dueMeeting: fold(meetingDecider, february),
        },
      },
    });
    const snapshot = run(metricSnapshotDecider, {
      type: 'CollateMetrics',
      data: {
        snapshotId: 's-1',
        subject: 'Adult Social Care social workers',
        asOf: '2017-01-31',
        source: 'HR',
        actionId: 'a-1',
        values: [{ metric: 'turnover-rate', value: 18, unit: '%' }],
        now,
        facts: { action: fold(actionDecider, action) },
      },
    });

    expect(fold(actionDecider, action)).toMatchObject({
      status: 'open',
      meetingId: 'm-jan',
      committeeId: 'c-tf',
      ownerPostId: 'pm-tt',
      due: { dueMeetingId: 'm-feb' },
    });
    expect(fold(meetingDecider, january)).toMatchObject({ minutesApproved: { approvedAtMeetingId: 'm-feb' } });
    expect(fold(metricSnapshotDecider, snapshot)).toMatchObject({ actionId: 'a-1' });
  });
});
