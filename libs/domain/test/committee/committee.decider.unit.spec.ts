import { given } from '../support/given-when-then.js';
import type { CreateCommittee } from '../../src/committee/committee.commands.js';
import { committeeDecider } from '../../src/committee/committee.decider.js';
import type { CommitteeCreated, CommitteeKind } from '../../src/committee/committee.events.js';

const now = '2016-11-01T09:00:00Z';

const create = (overrides: Partial<CreateCommittee['data']> = {}): CreateCommittee => ({
  type: 'CreateCommittee',
  data: {
    committeeId: 'c-1',
    name: 'Scrutiny Task & Finish Group: Recruitment & Retention of Social Workers',
    kind: 'task-and-finish',
    now,
    ...overrides,
  },
});

const created: CommitteeCreated = {
  type: 'CommitteeCreated',
  data: {
    committeeId: 'c-1',
    name: 'Scrutiny Task & Finish Group: Recruitment & Retention of Social Workers',
    kind: 'task-and-finish',
    createdAt: now,
  },
};

describe('committee decider', () => {
  describe('CreateCommittee', () => {
    it('creates a committee', () => {
      const state = given(committeeDecider)([]).when(create()).then([created]);
      expect(state).toEqual({ exists: true, ...created.data });
    });

    it.each<CommitteeKind>(['scrutiny', 'task-and-finish', 'executive', 'council', 'other'])('accepts kind %s', (kind) => {
      given(committeeDecider)([])
        .when(create({ kind }))
        .then([{ ...created, data: { ...created.data, kind } }]);
    });

    it('refuses to create the same committee twice (conflict)', () => {
      given(committeeDecider)([created]).when(create()).thenThrows('committee-already-exists', 'conflict');
    });

    it('refuses a blank name (invalid)', () => {
      given(committeeDecider)([])
        .when(create({ name: ' ' }))
        .thenThrows('name-required', 'invalid');
    });

    it('refuses an unknown kind (invalid)', () => {
      given(committeeDecider)([])
        .when(create({ kind: 'cabal' as CommitteeKind }))
        .thenThrows('committee-kind-unknown', 'invalid');
    });
  });

  describe('evolve', () => {
    it('starts as not existing', () => {
      expect(given(committeeDecider)([]).state()).toEqual({ exists: false });
    });

    it('folds the creation into a record', () => {
      expect(given(committeeDecider)([created]).state()).toEqual({ exists: true, ...created.data });
    });
  });
});
