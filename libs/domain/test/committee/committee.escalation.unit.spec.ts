import { given } from '../support/given-when-then.js';
import type { SetCommitteeEscalation } from '../../src/committee/committee.commands.js';
import { committeeDecider } from '../../src/committee/committee.decider.js';
import type { CommitteeCreated, CommitteeEscalationSet } from '../../src/committee/committee.events.js';
import { found, missing } from '../../src/shared/lookup.js';

const now = '2017-01-20T09:00:00Z';
const created: CommitteeCreated = {
  type: 'CommitteeCreated',
  data: { committeeId: 'c-1', name: 'Scrutiny Task & Finish Group', kind: 'task-and-finish', createdAt: '2016-11-01T09:00:00Z' },
};
const set = (overrides: Partial<SetCommitteeEscalation['data']> = {}): SetCommitteeEscalation => ({
  type: 'SetCommitteeEscalation',
  data: { committeeId: 'c-1', escalationPostId: 'post-head', afterDays: 14, now, facts: { escalationPost: found({}) }, ...overrides },
});
const escalationSet: CommitteeEscalationSet = {
  type: 'CommitteeEscalationSet',
  data: { committeeId: 'c-1', escalationPostId: 'post-head', afterDays: 14, setAt: now },
};

describe('SetCommitteeEscalation', () => {
  it('given a committee and a post, records the escalation, and the state names it', () => {
    const state = given(committeeDecider)([created]).when(set()).then([escalationSet]);
    expect(state.exists && state.escalation).toEqual({ postId: 'post-head', afterDays: 14 });
  });

  it('given an escalation already set, a new one replaces it', () => {
    const state = given(committeeDecider)([created, escalationSet])
      .when(set({ escalationPostId: 'post-director', afterDays: 7 }))
      .then([
        { type: 'CommitteeEscalationSet', data: { committeeId: 'c-1', escalationPostId: 'post-director', afterDays: 7, setAt: now } },
      ]);
    expect(state.exists && state.escalation).toEqual({ postId: 'post-director', afterDays: 7 });
  });

  it('given no committee, refuses as not found', () => {
    given(committeeDecider)([]).when(set()).thenThrows('committee-not-found', 'not-found');
  });

  it('given a post that does not exist, refuses naming it', () => {
    given(committeeDecider)([created])
      .when(set({ facts: { escalationPost: missing } }))
      .thenThrows('escalation-post-not-found', 'not-found');
  });

  it.each([0, -3, 1.5, 366])('given %s days, refuses', (afterDays) => {
    given(committeeDecider)([created]).when(set({ afterDays })).thenThrows('escalation-days-out-of-range', 'invalid');
  });
});
