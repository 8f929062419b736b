export const ragStatuses = ['red', 'amber', 'green'] as const;
export type Rag = (typeof ragStatuses)[number];

export type ActionAssigned = {
  readonly type: 'ActionAssigned';
  readonly data: {
    readonly actionId: string;
    readonly resolutionId: string;
    readonly meetingId: string;
    readonly committeeId: string;
    /** The originating meeting's start, so due rules and the action log need not load the meeting. */
    readonly meetingStartsAt: string;
    readonly partLabel?: string;
    readonly title: string;
    readonly description?: string;
    readonly ownerPostId: string;
    /** YYYY-MM-DD; exactly one of dueDate and dueMeetingId is set. */
    readonly dueDate?: string;
    readonly dueMeetingId?: string;
    readonly assignedAt: string;
    /** The executive decision it implements: it may not progress before that decision is effective. */
    readonly implementsDecisionId?: string;
  };
};

export type ActionProgressReported = {
  readonly type: 'ActionProgressReported';
  readonly data: {
    readonly actionId: string;
    readonly note: string;
    readonly rag?: Rag;
    readonly reportedAt: string;
    readonly reportedBy?: string;
  };
};

export type ActionCompleted = {
  readonly type: 'ActionCompleted';
  readonly data: {
    readonly actionId: string;
    readonly outcome: string;
    readonly evidence?: string;
    readonly completedAt: string;
  };
};

export type ActionSignedOff = {
  readonly type: 'ActionSignedOff';
  readonly data: {
    readonly actionId: string;
    /** The meeting that signed it off, when one did. */
    readonly meetingId?: string;
    readonly note?: string;
    readonly signedOffAt: string;
  };
};

export type ActionReopened = {
  readonly type: 'ActionReopened';
  readonly data: { readonly actionId: string; readonly reason: string; readonly reopenedAt: string };
};

/** Exactly one of dueDate and dueMeetingId is set; it replaces the previous due. */
export type ActionDueDateChanged = {
  readonly type: 'ActionDueDateChanged';
  readonly data: {
    readonly actionId: string;
    readonly dueDate?: string;
    readonly dueMeetingId?: string;
    readonly reason: string;
    readonly changedAt: string;
  };
};

export type ActionReassigned = {
  readonly type: 'ActionReassigned';
  readonly data: {
    readonly actionId: string;
    readonly fromPostId: string;
    readonly toPostId: string;
    readonly reason: string;
    readonly reassignedAt: string;
  };
};

export type ActionChased = {
  readonly type: 'ActionChased';
  readonly data: {
    readonly actionId: string;
    readonly note?: string;
    readonly chasedAt: string;
    /** 1 for the first chase of this action, counting on. */
    readonly chaseNumber: number;
  };
};

export type ActionWithdrawn = {
  readonly type: 'ActionWithdrawn';
  readonly data: { readonly actionId: string; readonly reason: string; readonly withdrawnAt: string };
};

/** What an emailed notice was: a reminder before or on the due date, an overdue notice, an escalation, a chase. */
export const noticeKinds = ['reminder', 'overdue', 'escalation', 'chase'] as const;
export type NoticeKind = (typeof noticeKinds)[number];

/** An email about the action went out: the record that the officer was told, and when (the chase record as evidence). */
export type ActionNoticeSent = {
  readonly type: 'ActionNoticeSent';
  readonly data: {
    readonly actionId: string;
    /** The notice's deterministic key (action, kind, due date, the notice's own date or chase, recipient): recorded once. */
    readonly key: string;
    readonly kind: NoticeKind;
    readonly recipientPersonId: string;
    readonly recipientPostId: string;
    /** The action's due date the notice was about (YYYY-MM-DD); absent for a chase of an action due at no known date. */
    readonly dueOn?: string;
    /** The UK date the notice fell due (YYYY-MM-DD). */
    readonly noticeOn: string;
    readonly sentAt: string;
  };
};

export type ActionEvent =
  | ActionAssigned
  | ActionProgressReported
  | ActionCompleted
  | ActionSignedOff
  | ActionReopened
  | ActionDueDateChanged
  | ActionReassigned
  | ActionChased
  | ActionWithdrawn
  | ActionNoticeSent;

export const actionEventTypes = [
  'ActionAssigned',
  'ActionProgressReported',
  'ActionCompleted',
  'ActionSignedOff',
  'ActionReopened',
  'ActionDueDateChanged',
  'ActionReassigned',
  'ActionChased',
  'ActionWithdrawn',
  'ActionNoticeSent',
] as const satisfies readonly ActionEvent['type'][];

export const isActionEvent = (event: { readonly type: string }): event is ActionEvent =>
  (actionEventTypes as readonly string[]).includes(event.type);
