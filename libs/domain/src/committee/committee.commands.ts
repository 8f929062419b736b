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

export type CommitteeCommand = CreateCommittee;
