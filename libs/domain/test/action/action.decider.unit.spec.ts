import { found, missing } from '../../src/shared/lookup.js';
import { given } from '../support/given-when-then.js';
import type { ActionCommand } from '../../src/action/action.commands.js';
import { actionDecider } from '../../src/action/action.decider.js';
import type { Rag } from '../../src/action/action.events.js';
import type { ImplementationStatus } from '../../src/executive-decision/decision.state.js';
import { actionId, assigned, completed, historyWhen, later, signedOff, withdrawn } from './action.fixtures.js';

const now = later;
const progress = (note = 'Awaiting HR extract', rag?: Rag): ActionCommand => ({
  type: 'ReportActionProgress',
  data: { actionId, note, rag, reportedBy: 'tony', byStaff: false, now, facts: {} },
});
const complete = (outcome = 'Baseline metrics circulated'): ActionCommand => ({
  type: 'CompleteAction',
  data: { actionId, outcome, byStaff: false, now, facts: {} },
});
const signOff = (meetingId?: string, meeting = found({})): ActionCommand => ({
  type: 'SignOffAction',
  data: { actionId, meetingId, now: '2017-02-20T19:00:00Z', facts: meetingId ? { meeting } : {} },
});
const reopen = (reason = 'Figures were wrong'): ActionCommand => ({
  type: 'ReopenAction',
  data: { actionId, reason, now },
});
const changeDue = (dueDate: string, reason = 'HR extract delayed'): ActionCommand => ({
  type: 'ChangeActionDueDate',
  data: { actionId, dueDate, reason, now, facts: {} },
});
const reassign = (toPostId = 'post-po-tt', reason = 'Post holder on leave', toPost = found({})): ActionCommand => ({
  type: 'ReassignAction',
  data: { actionId, toPostId, reason, now, facts: { toPost } },
});
const chase = (note?: string): ActionCommand => ({ type: 'ChaseAction', data: { actionId, note, now } });
const withdraw = (reason = 'Superseded by the final report'): ActionCommand => ({
  type: 'WithdrawAction',
  data: { actionId, reason, now },
});

const everyCommand: readonly ActionCommand[] = [
  progress(),
  complete(),
  signOff(),
  reopen(),
  changeDue('2017-03-01'),
  reassign(),
  chase(),
  withdraw(),
];

describe('action decider: lifecycle', () => {
  it.each(everyCommand.map((command) => [command.type, command] as const))('%s on a missing action is not-found', (_type, command) => {
    given(actionDecider)([]).when(command).thenThrows('action-not-found', 'not-found');
  });

  describe.each([
    ['closed', 'action-closed'],
    ['withdrawn', 'action-withdrawn'],
  ] as const)('on a %s action', (status, code) => {
    it.each([
      ['progress', progress()],
      ['completion', complete()],
      ['chase', chase()],
      ['due change', changeDue('2017-03-01')],
      ['reassignment', reassign()],
    ] as const)(`refuses %s (conflict ${code})`, (_what, command) => {
      given(actionDecider)(historyWhen[status]).when(command).thenThrows(code, 'conflict');
    });
  });

  describe('ReportActionProgress', () => {
    it('records progress with a RAG status on an open action', () => {
      const state = given(actionDecider)(historyWhen.open)
        .when(progress('Awaiting HR extract', 'amber'))
        .then([
          {
            type: 'ActionProgressReported',
            data: { actionId, note: 'Awaiting HR extract', rag: 'amber', reportedAt: now, reportedBy: 'tony' },
          },
        ]);
      expect(state).toMatchObject({
        rag: 'amber',
        latestUpdate: { note: 'Awaiting HR extract', rag: 'amber', reportedAt: now },
        counts: { progressReports: 1 },
      });
    });

    it('records progress on a completed action awaiting sign-off', () => {
      given(actionDecider)(historyWhen.completed)
        .when(progress('Sent to the Chair'))
        .then([
          {
            type: 'ActionProgressReported',
            data: { actionId, note: 'Sent to the Chair', reportedAt: now, reportedBy: 'tony' },
          },
        ]);
    });

    it('refuses a blank note (invalid)', () => {
      given(actionDecider)(historyWhen.open).when(progress(' ')).thenThrows('note-required', 'invalid');
    });

    it('refuses an unknown RAG status (invalid)', () => {
      given(actionDecider)(historyWhen.open)
        .when(progress('x', 'blue' as Rag))
        .thenThrows('rag-unknown', 'invalid');
    });
  });

  describe('CompleteAction', () => {
    it('completes an open action, awaiting sign-off', () => {
      const state = given(actionDecider)(historyWhen.open).when(complete()).then([completed]);
      expect(state).toMatchObject({ status: 'completed', completedAt: later });
    });

    it('refuses an action already completed (conflict action-not-open)', () => {
      given(actionDecider)(historyWhen.completed).when(complete()).thenThrows('action-not-open', 'conflict');
    });

    it('refuses a blank outcome (invalid)', () => {
      given(actionDecider)(historyWhen.open).when(complete('')).thenThrows('outcome-required', 'invalid');
    });
  });

  describe('SignOffAction', () => {
    it('signs off a completed action at a meeting, closing it', () => {
      const state = given(actionDecider)(historyWhen.completed).when(signOff('m-feb')).then([signedOff]);
      expect(state).toMatchObject({ status: 'closed', closedAt: '2017-02-20T19:00:00Z' });
    });

    it.each(['open', 'closed', 'withdrawn'] as const)('refuses a %s action (conflict action-not-completed)', (status) => {
      given(actionDecider)(historyWhen[status]).when(signOff()).thenThrows('action-not-completed', 'conflict');
    });

    it('refuses a sign-off meeting that does not exist (not-found)', () => {
      given(actionDecider)(historyWhen.completed).when(signOff('m-nope', missing)).thenThrows('sign-off-meeting-not-found', 'not-found');
    });
  });

  describe('ReopenAction', () => {
    it.each(['completed', 'closed'] as const)('reopens a %s action', (status) => {
      const state = given(actionDecider)(historyWhen[status])
        .when(reopen())
        .then([{ type: 'ActionReopened', data: { actionId, reason: 'Figures were wrong', reopenedAt: now } }]);
      expect(state).toMatchObject({ status: 'open', counts: { reopenings: 1 } });
      expect(state).not.toHaveProperty('completedAt');
      expect(state).not.toHaveProperty('closedAt');
    });

    it.each(['open', 'withdrawn'] as const)('refuses a %s action (conflict action-not-reopenable)', (status) => {
      given(actionDecider)(historyWhen[status]).when(reopen()).thenThrows('action-not-reopenable', 'conflict');
    });

    it('refuses a blank reason (invalid)', () => {
      given(actionDecider)(historyWhen.closed).when(reopen('')).thenThrows('reason-required', 'invalid');
    });
  });

  describe('WithdrawAction', () => {
    it.each(['open', 'completed'] as const)('withdraws a %s action', (status) => {
      const state = given(actionDecider)(historyWhen[status]).when(withdraw()).then([withdrawn]);
      expect(state).toMatchObject({ status: 'withdrawn', withdrawnAt: later });
    });

    it.each(['closed', 'withdrawn'] as const)('refuses a %s action (conflict action-not-withdrawable)', (status) => {
      given(actionDecider)(historyWhen[status]).when(withdraw()).thenThrows('action-not-withdrawable', 'conflict');
    });

    it('refuses a blank reason (invalid)', () => {
      given(actionDecider)(historyWhen.open).when(withdraw(' ')).thenThrows('reason-required', 'invalid');
    });
  });

  describe('ChaseAction', () => {
    it('numbers each chase', () => {
      const first = {
        type: 'ActionChased',
        data: { actionId, note: 'Reminder', chasedAt: now, chaseNumber: 1 },
      } as const;
      given(actionDecider)([assigned]).when(chase('Reminder')).then([first]);
      const state = given(actionDecider)([assigned, first])
        .when(chase())
        .then([{ type: 'ActionChased', data: { actionId, chasedAt: now, chaseNumber: 2 } }]);
      expect(state).toMatchObject({ lastChasedAt: now, counts: { chases: 2 } });
    });
  });
});

describe('an action implementing an executive decision', () => {
  const implementing = { ...assigned, data: { ...assigned.data, implementsDecisionId: 'd-1' } };
  const withStatus = (command: ActionCommand, implementation: ImplementationStatus): ActionCommand =>
    ({ ...command, data: { ...command.data, facts: { implementation } } }) as ActionCommand;

  it.each([
    ['in its call-in period', { status: 'in-call-in-period', callInEndsOn: '2017-02-01', effectiveOn: '2017-02-02' }],
    ['called in', { status: 'called-in', requestedOn: '2017-01-30' }],
    ['awaiting publication', { status: 'awaiting-publication' }],
  ] as const)('refuses progress and completion while the decision is %s', (_case, implementation) => {
    given(actionDecider)([implementing]).when(withStatus(progress(), implementation)).thenThrows('decision-not-effective', 'conflict');
    given(actionDecider)([implementing]).when(withStatus(complete(), implementation)).thenThrows('decision-not-effective', 'conflict');
  });

  it('takes progress once the decision is effective', () => {
    given(actionDecider)([implementing])
      .when(withStatus(progress('Scheme extended'), { status: 'effective', since: '2017-02-02' }))
      .then([
        {
          type: 'ActionProgressReported',
          data: { actionId, note: 'Scheme extended', rag: undefined, reportedAt: now, reportedBy: 'tony' },
        },
      ]);
  });
});
