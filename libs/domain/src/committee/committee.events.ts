export const committeeKinds = ['scrutiny', 'task-and-finish', 'executive', 'council', 'other'] as const;
export type CommitteeKind = (typeof committeeKinds)[number];

export type CommitteeCreated = {
  readonly type: 'CommitteeCreated';
  readonly data: {
    readonly committeeId: string;
    readonly name: string;
    readonly kind: CommitteeKind;
    readonly createdAt: string;
  };
};

/** Overdue actions of the committee are escalated to the holder of this post, this many days after they fell due. */
export type CommitteeEscalationSet = {
  readonly type: 'CommitteeEscalationSet';
  readonly data: {
    readonly committeeId: string;
    readonly escalationPostId: string;
    readonly afterDays: number;
    readonly setAt: string;
  };
};

export type CommitteeEvent = CommitteeCreated | CommitteeEscalationSet;

export const committeeEventTypes = ['CommitteeCreated', 'CommitteeEscalationSet'] as const satisfies readonly CommitteeEvent['type'][];

export const isCommitteeEvent = (event: { readonly type: string }): event is CommitteeEvent =>
  (committeeEventTypes as readonly string[]).includes(event.type);
