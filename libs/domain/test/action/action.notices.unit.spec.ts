import { given } from '../support/given-when-then.js';
import type { ActionCommand, RecordActionNotice } from '../../src/action/action.commands.js';
import { actionDecider } from '../../src/action/action.decider.js';
import type { ActionEvent, ActionNoticeSent } from '../../src/action/action.events.js';
import {
  digestWeekOf,
  isOverdueOn,
  noticeKeyOf,
  noticesDueOn,
  responsesInDigestDueBy,
  type NoticePolicy,
} from '../../src/action/action.notices.js';
import { fold } from '../../src/shared/decider.js';
import { actionId, assigned, completed, signedOff, withdrawn } from './action.fixtures.js';

// The fixture's action is due on 20 February 2017.
const dueOn = '2017-02-20';
const policy: NoticePolicy = { reminderDaysBefore: [7, 0], overdueDaysAfter: [1], escalation: { postId: 'post-head', afterDays: 14 } };
const stateAfter = (...events: ActionEvent[]) => fold(actionDecider, [assigned, ...events]);

const sent = (kind: ActionNoticeSent['data']['kind'], noticeOn: string, recipientPersonId = 'tony'): ActionNoticeSent => ({
  type: 'ActionNoticeSent',
  data: {
    actionId,
    key: noticeKeyOf({ actionId, kind, dueOn, noticeOn, recipientPersonId }),
    kind,
    recipientPersonId,
    recipientPostId: 'post-pm-tt',
    dueOn,
    noticeOn,
    sentAt: `${noticeOn}T07:00:00Z`,
  },
});

describe('noticesDueOn: which notices an action is due on a date', () => {
  describe('given an open action due on 20 February 2017 and nothing sent yet', () => {
    it.each([
      ['2017-02-12', []],
      ['2017-02-13', [{ kind: 'reminder', to: 'owner', dueOn, noticeOn: '2017-02-13' }]],
      ['2017-02-19', [{ kind: 'reminder', to: 'owner', dueOn, noticeOn: '2017-02-13' }]],
      ['2017-02-20', [{ kind: 'reminder', to: 'owner', dueOn, noticeOn: '2017-02-20' }]],
      ['2017-02-21', [{ kind: 'overdue', to: 'owner', dueOn, noticeOn: '2017-02-21' }]],
      [
        '2017-03-06',
        [
          { kind: 'overdue', to: 'owner', dueOn, noticeOn: '2017-02-21' },
          { kind: 'escalation', to: 'escalation', dueOn, noticeOn: '2017-03-06' },
        ],
      ],
    ])('on %s it answers %j', (today, expected) => {
      expect(noticesDueOn(stateAfter(), dueOn, today, policy)).toEqual(expected);
    });
  });

  describe('given the notices already recorded as the days pass', () => {
    it.each([
      ['2017-02-13', [sent('reminder', '2017-02-13')], []],
      ['2017-02-16', [sent('reminder', '2017-02-13')], []],
      ['2017-02-20', [sent('reminder', '2017-02-13')], [{ kind: 'reminder', to: 'owner', dueOn, noticeOn: '2017-02-20' }]],
      ['2017-02-20', [sent('reminder', '2017-02-13'), sent('reminder', '2017-02-20')], []],
      ['2017-03-01', [sent('overdue', '2017-02-21')], []],
      ['2017-03-06', [sent('overdue', '2017-02-21')], [{ kind: 'escalation', to: 'escalation', dueOn, noticeOn: '2017-03-06' }]],
      ['2017-03-20', [sent('overdue', '2017-02-21'), sent('escalation', '2017-03-06', 'head')], []],
    ])('on %s after %# it answers %j', (today, recorded, expected) => {
      expect(noticesDueOn(stateAfter(...recorded), dueOn, today, policy)).toEqual(expected);
    });
  });

  it('given the reminder went to the previous holder, the same milestone is not due again for the new one', () => {
    expect(noticesDueOn(stateAfter(sent('reminder', '2017-02-13', 'previous-holder')), dueOn, '2017-02-15', policy)).toEqual([]);
  });

  it('given a committee with no escalation post, no escalation is due however late the action is', () => {
    const { escalation: _none, ...withoutEscalation } = policy;
    expect(noticesDueOn(stateAfter(), dueOn, '2017-06-01', withoutEscalation)).toEqual([
      { kind: 'overdue', to: 'owner', dueOn, noticeOn: '2017-02-21' },
    ]);
  });

  it.each([
    ['completed', [completed]],
    ['signed off', [completed, signedOff]],
    ['withdrawn', [withdrawn]],
  ])('given a %s action, nothing is due', (_status, events) => {
    expect(noticesDueOn(stateAfter(...events), dueOn, '2017-02-20', policy)).toEqual([]);
  });

  it('given an action with no known due date, nothing is due', () => {
    expect(noticesDueOn(stateAfter(), undefined, '2017-02-20', policy)).toEqual([]);
  });

  it('given a new due date, the reminders of the new date fall due', () => {
    expect(noticesDueOn(stateAfter(sent('reminder', '2017-02-13')), '2017-03-01', '2017-02-22', policy)).toEqual([
      { kind: 'reminder', to: 'owner', dueOn: '2017-03-01', noticeOn: '2017-02-22' },
    ]);
  });
});

describe('noticeKeyOf', () => {
  it('is the same for the same notice and differs by recipient and by chase', () => {
    const notice = { actionId, kind: 'reminder', dueOn, noticeOn: '2017-02-13', recipientPersonId: 'tony' } as const;
    expect(noticeKeyOf(notice)).toBe(noticeKeyOf({ ...notice }));
    expect(noticeKeyOf(notice)).not.toBe(noticeKeyOf({ ...notice, recipientPersonId: 'sam' }));
    const chase = { ...notice, kind: 'chase' } as const;
    expect(noticeKeyOf({ ...chase, chaseNumber: 1 })).not.toBe(noticeKeyOf({ ...chase, chaseNumber: 2 }));
  });
});

describe('RecordActionNotice', () => {
  const record = (data: Partial<RecordActionNotice['data']> = {}): ActionCommand => ({
    type: 'RecordActionNotice',
    data: { ...sent('reminder', '2017-02-13').data, now: '2017-02-13T07:00:00Z', ...data },
  });

  it('given an open action, records the notice', () => {
    given(actionDecider)([assigned])
      .when(record())
      .then([sent('reminder', '2017-02-13')]);
  });

  it('given the same key already recorded, is an idempotent no-op', () => {
    given(actionDecider)([assigned, sent('reminder', '2017-02-13')])
      .when(record())
      .then([]);
  });

  it('given a withdrawn action, still records a notice that went out (the record must say so)', () => {
    given(actionDecider)([assigned, withdrawn])
      .when(record())
      .then([sent('reminder', '2017-02-13')]);
  });

  it('given no action, refuses', () => {
    given(actionDecider)([]).when(record()).thenThrows('action-not-found');
  });

  it('given an unknown kind, refuses', () => {
    given(actionDecider)([assigned])
      .when(record({ kind: 'postcard' as never }))
      .thenThrows('notice-kind-unknown');
  });

  it('does not move the business time staff may date commands from', () => {
    const before = fold(actionDecider, [assigned]);
    const after = fold(actionDecider, [assigned, sent('reminder', '2017-02-13')]);
    expect(after.exists && after.lastOccurred).toEqual(before.exists && before.lastOccurred);
  });
});

describe('digestWeekOf: the week of an officer’s digest', () => {
  it.each([
    ['2017-02-13', '2017-02-13'], // a Monday
    ['2017-02-15', '2017-02-13'],
    ['2017-02-19', '2017-02-13'], // the Sunday ends that week
    ['2017-02-20', '2017-02-20'],
    ['2017-01-01', '2016-12-26'], // across a year end
  ])('on %s it is the week of Monday %s', (today, monday) => {
    expect(digestWeekOf(today)).toBe(monday);
  });

  it('counts an action overdue from the day after its due date, never without one', () => {
    expect([
      isOverdueOn('2017-02-15', '2017-02-15'),
      isOverdueOn('2017-02-15', '2017-02-16'),
      isOverdueOn(undefined, '2017-02-16'),
    ]).toEqual([false, true, false]);
  });
});

describe('responsesInDigestDueBy: how far ahead a digest names executive responses', () => {
  it.each([
    ['2017-06-12', '2017-07-10'],
    ['2017-12-18', '2018-01-15'], // across a year end
  ])('a digest on %s names responses due by %s (four weeks on), and any overdue', (today, dueBy) => {
    expect(responsesInDigestDueBy(today)).toBe(dueBy);
  });
});
