import type { ResolutionEvent, ResolutionPart } from './resolution.events.js';

export type ResolutionRecord = {
  readonly exists: true;
  readonly resolutionId: string;
  readonly meetingId: string;
  readonly committeeId: string;
  readonly itemNumber: string;
  readonly meetingStartsAt: string;
  readonly parts: readonly ResolutionPart[];
  readonly passedAt: string;
  readonly corrections: number;
  readonly correctedAt?: string;
};

export type ResolutionState = { readonly exists: false } | ResolutionRecord;

export const initialResolutionState = (): ResolutionState => ({ exists: false });

export const evolveResolution = (state: ResolutionState, event: ResolutionEvent): ResolutionState => {
  switch (event.type) {
    case 'ResolutionPassed':
      return { exists: true, ...event.data, corrections: 0 };
    case 'ResolutionCorrected':
      if (!state.exists) return state;
      return {
        ...state,
        parts: event.data.parts,
        corrections: state.corrections + 1,
        correctedAt: event.data.correctedAt,
      };
    default: {
      const _exhaustive: never = event;
      return state;
    }
  }
};
