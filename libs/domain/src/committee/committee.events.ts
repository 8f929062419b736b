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

export type CommitteeEvent = CommitteeCreated;

export const committeeEventTypes = ['CommitteeCreated'] as const satisfies readonly CommitteeEvent['type'][];

export const isCommitteeEvent = (event: { readonly type: string }): event is CommitteeEvent =>
  (committeeEventTypes as readonly string[]).includes(event.type);
