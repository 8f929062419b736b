import { found, missing, type Lookup } from '../../src/shared/lookup.js';
import { given } from '../support/given-when-then.js';
import type { ChangeActionDueDate, DueMeetingFacts, ReassignAction } from '../../src/action/action.commands.js';
import { actionDecider } from '../../src/action/action.decider.js';
import type { ActionDueDateChanged, ActionReassigned } from '../../src/action/action.events.js';
import { actionId, assigned, historyWhen, later as now } from './action.fixtures.js';

const march = found<DueMeetingFacts>({ startsAt: '2017-03-20T18:00:00Z' });
const changeDue = (
  due: { dueDate?: string; dueMeetingId?: string },
  reason = 'HR extract delayed',
  dueMeeting: Lookup<DueMeetingFacts> = march,
): ChangeActionDueDate => ({
  type: 'ChangeActionDueDate',
  data: { actionId, ...due, reason, now, facts: { dueMeeting } },
});
const dueChanged = (due: { dueDate?: string; dueMeetingId?: string }): ActionDueDateChanged => ({
  type: 'ActionDueDateChanged',
  data: { actionId, ...due, reason: 'HR extract delayed', changedAt: now },
});

const reassign = (toPostId: string, reason = 'Moved to the Transformation Team', toPost: Lookup = found({})): ReassignAction => ({
  type: 'ReassignAction',
  data: { actionId, toPostId, reason, now, facts: { toPost } },
});
const reassigned = (fromPostId: string, toPostId: string): ActionReassigned => ({
  type: 'ActionReassigned',
  data: { actionId, fromPostId, toPostId, reason: 'Moved to the Transformation Team', reassignedAt: now },
});

describe('action decider: ChangeActionDueDate', () => {
  it('moves the due date', () => {
    const state = given(actionDecider)(historyWhen.open)
      .when(changeDue({ dueDate: '2017-03-01' }))
      .then([dueChanged({ dueDate: '2017-03-01' })]);
    expect(state).toMatchObject({ due: { dueDate: '2017-03-01' }, counts: { dueChanges: 1 } });
  });

  it('switches from a date to a later meeting', () => {
    const state = given(actionDecider)(historyWhen.open)
      .when(changeDue({ dueMeetingId: 'm-mar' }))
      .then([dueChanged({ dueMeetingId: 'm-mar' })]);
    expect(state).toMatchObject({ due: { dueDate: undefined, dueMeetingId: 'm-mar' } });
  });

  it('changes the due of a completed action awaiting sign-off', () => {
    given(actionDecider)(historyWhen.completed)
      .when(changeDue({ dueDate: '2017-03-01' }))
      .then([dueChanged({ dueDate: '2017-03-01' })]);
  });

  it('refuses the due it already has (conflict)', () => {
    given(actionDecider)(historyWhen.open)
      .when(changeDue({ dueDate: '2017-02-20' }))
      .thenThrows('due-unchanged', 'conflict');
  });

  it('refuses a blank reason (invalid)', () => {
    given(actionDecider)(historyWhen.open)
      .when(changeDue({ dueDate: '2017-03-01' }, ' '))
      .thenThrows('reason-required', 'invalid');
  });

  it('refuses neither or both of date and meeting (invalid)', () => {
    given(actionDecider)(historyWhen.open).when(changeDue({})).thenThrows('due-exactly-one', 'invalid');
    given(actionDecider)(historyWhen.open)
      .when(changeDue({ dueDate: '2017-03-01', dueMeetingId: 'm-mar' }))
      .thenThrows('due-exactly-one', 'invalid');
  });

  it('refuses a due date before the originating meeting (invalid)', () => {
    given(actionDecider)(historyWhen.open)
      .when(changeDue({ dueDate: '2016-12-31' }))
      .thenThrows('due-date-before-meeting', 'invalid');
  });

  it('refuses a due meeting that does not exist (not-found)', () => {
    given(actionDecider)(historyWhen.open)
      .when(changeDue({ dueMeetingId: 'm-nope' }, 'x', missing))
      .thenThrows('due-meeting-not-found', 'not-found');
  });

  it('refuses a due meeting before the originating meeting (invalid)', () => {
    given(actionDecider)(historyWhen.open)
      .when(changeDue({ dueMeetingId: 'm-dec' }, 'x', found({ startsAt: '2016-12-12T18:00:00Z' })))
      .thenThrows('due-meeting-not-after-origin', 'invalid');
  });
});

describe('action decider: ReassignAction', () => {
  it('moves the action to another post, remembering the old one', () => {
    const state = given(actionDecider)(historyWhen.open)
      .when(reassign('post-po-tt'))
      .then([reassigned('post-pm-tt', 'post-po-tt')]);
    expect(state).toMatchObject({ ownerPostId: 'post-po-tt', counts: { reassignments: 1 } });
  });

  it('refuses the post that already owns it (conflict)', () => {
    given(actionDecider)(historyWhen.open).when(reassign('post-pm-tt')).thenThrows('reassignment-same-post', 'conflict');
    given(actionDecider)([assigned, reassigned('post-pm-tt', 'post-po-tt')])
      .when(reassign('post-po-tt'))
      .thenThrows('reassignment-same-post', 'conflict');
  });

  it('refuses a post that does not exist (not-found)', () => {
    given(actionDecider)(historyWhen.open)
      .when(reassign('post-nope', 'x', missing))
      .thenThrows('owner-post-not-found', 'not-found');
  });

  it('refuses a blank reason (invalid)', () => {
    given(actionDecider)(historyWhen.open).when(reassign('post-po-tt', '')).thenThrows('reason-required', 'invalid');
  });
});
