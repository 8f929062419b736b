import type { Lookup } from '../shared/lookup.js';
import type { CommitteeKind } from './committee.events.js';

export type CreateCommittee = {
  readonly type: 'CreateCommittee';
  readonly data: {
    readonly committeeId: string;
    readonly name: string;
    readonly kind: CommitteeKind;
    readonly now: string;
  };
};

export type SetCommitteeEscalation = {
  readonly type: 'SetCommitteeEscalation';
  readonly data: {
    readonly committeeId: string;
    readonly escalationPostId: string;
    readonly afterDays: number;
    readonly now: string;
    /** A PostState fits. */
    readonly facts: { readonly escalationPost: Lookup };
  };
};

export type CommitteeCommand = CreateCommittee | SetCommitteeEscalation;
