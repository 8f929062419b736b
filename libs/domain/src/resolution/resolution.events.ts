/** `supported` and `endorsed`: pre-decision scrutiny of a proposal going to the executive. New kinds are appended; none is renamed. */
export const resolutionPartKinds = [
  'noted',
  'agreed',
  'recommended',
  'instructed',
  'other',
  'supported',
  'endorsed',
  'requested',
  'deferred',
] as const;
export type ResolutionPartKind = (typeof resolutionPartKinds)[number];

/**
 * One lettered part of a resolution, e.g. "(ii) That the Project Manager be instructed to …". A resolution of a
 * single part may have no label, as minutes print it ("RESOLVED that the proposal … be supported").
 */
export type ResolutionPart = {
  readonly label?: string;
  readonly text: string;
  readonly kind: ResolutionPartKind;
};

export type ResolutionPassed = {
  readonly type: 'ResolutionPassed';
  readonly data: {
    readonly resolutionId: string;
    readonly meetingId: string;
    readonly committeeId: string;
    readonly itemNumber: string;
    /** The meeting's start, kept so actions and the action log need not load the meeting. */
    readonly meetingStartsAt: string;
    readonly parts: readonly ResolutionPart[];
    readonly passedAt: string;
  };
};

/** Replaces the parts as a whole; the earlier wording stays in the stream's history. */
export type ResolutionCorrected = {
  readonly type: 'ResolutionCorrected';
  readonly data: {
    readonly resolutionId: string;
    readonly parts: readonly ResolutionPart[];
    readonly reason: string;
    readonly correctedAt: string;
  };
};

export type ResolutionEvent = ResolutionPassed | ResolutionCorrected;

export const resolutionEventTypes = ['ResolutionPassed', 'ResolutionCorrected'] as const satisfies readonly ResolutionEvent['type'][];

export const isResolutionEvent = (event: { readonly type: string }): event is ResolutionEvent =>
  (resolutionEventTypes as readonly string[]).includes(event.type);
