import type { Lookup } from '../shared/lookup.js';
import type { ResolutionPart } from './resolution.events.js';

/** What passing a resolution needs to know about its meeting (a MeetingState fits). */
export type ResolutionMeetingFacts = {
  readonly committeeId: string;
  readonly startsAt: string;
  readonly items: readonly { readonly number: string }[];
};

export type PassResolution = {
  readonly type: 'PassResolution';
  readonly data: {
    readonly resolutionId: string;
    readonly meetingId: string;
    readonly itemNumber: string;
    readonly parts: readonly ResolutionPart[];
    readonly now: string;
    readonly facts: { readonly meeting: Lookup<ResolutionMeetingFacts> };
  };
};

export type CorrectResolution = {
  readonly type: 'CorrectResolution';
  readonly data: {
    readonly resolutionId: string;
    readonly parts: readonly ResolutionPart[];
    readonly reason: string;
    readonly now: string;
  };
};

export type ResolutionCommand = PassResolution | CorrectResolution;
