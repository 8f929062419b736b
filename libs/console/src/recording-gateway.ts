import type { CommandResult, ConsoleCaller, Read } from './console-gateway.js';

/** A command that creates a record answers its id, so the page can send the browser to it. */
export type CreateResult = { readonly kind: 'created'; readonly id: string } | Exclude<CommandResult, { readonly kind: 'done' }>;

/** The domain's words a recording form offers, from the API (the console holds none of its own). */
export interface RecordingVocabulary {
  readonly committeeKinds: readonly string[];
  readonly resolutionPartKinds: readonly string[];
}

export interface CommitteeInput {
  readonly name: string;
  readonly kind: string;
}

/** Exactly one of startsAt (an instant with its zone) and date (YYYY-MM-DD, when the minutes give no time). */
export interface MeetingInput {
  readonly startsAt?: string | undefined;
  readonly date?: string | undefined;
  readonly title?: string | undefined;
  readonly location?: string | undefined;
}

export interface AttendeeInput {
  readonly name: string;
  readonly role: string;
  readonly status: string;
}

export interface ItemInput {
  readonly number: string;
  readonly title: string;
  readonly paperRef?: string | undefined;
  readonly narrative?: string | undefined;
}

export interface PartInput {
  readonly label?: string | undefined;
  readonly kind: string;
  readonly text: string;
}

export interface ResolutionInput {
  readonly itemNumber: string;
  readonly parts: readonly PartInput[];
}

export interface ActionArisingInput {
  readonly resolutionId: string;
  readonly partLabel?: string | undefined;
  readonly title: string;
  readonly description?: string | undefined;
  readonly ownerPostId: string;
  readonly dueDate?: string | undefined;
  readonly dueMeetingId?: string | undefined;
}

export interface PostOption {
  readonly postId: string;
  readonly title: string;
  readonly holder: string | null;
}

export interface MeetingResolution {
  readonly resolutionId: string;
  readonly itemNumber: string;
  readonly parts: readonly PartInput[];
  readonly corrections: number;
  readonly version: number;
}

export interface MeetingAction {
  readonly actionId: string;
  readonly ref: string;
  readonly resolutionId: string;
  readonly partLabel?: string | undefined;
  readonly title: string;
  readonly ownerPost: string;
  readonly dueOn?: string | undefined;
  readonly status: string;
}

export interface MeetingPage {
  readonly meetingId: string;
  readonly committee: { readonly committeeId: string; readonly name: string };
  readonly date: string;
  readonly startsAt?: string | undefined;
  readonly title?: string | undefined;
  readonly location?: string | undefined;
  readonly attendees: readonly AttendeeInput[];
  readonly items: readonly ItemInput[];
  readonly resolutions: readonly MeetingResolution[];
  readonly actions: readonly MeetingAction[];
  readonly minutesApproved: { readonly approvedAtMeetingId: string; readonly approvedAt: string } | null;
  /** The committee's other meetings, newest first: where an action may be due, or where these minutes were approved. */
  readonly otherMeetings: readonly { readonly meetingId: string; readonly date: string; readonly title?: string | undefined }[];
  /** The meeting stream's version: what the meeting's forms send back. */
  readonly version: number;
}

/** What recording a meeting needs: committees, meetings, attendance, items, resolutions and the actions arising. */
export interface RecordingGateway {
  readonly recordingVocabulary: RecordingVocabulary;
  /** Whether the caller may record committees and meetings (the API's routes' rule). */
  mayRecord(caller: ConsoleCaller): Promise<boolean>;
  createCommittee(caller: ConsoleCaller, input: CommitteeInput): Promise<CreateResult>;
  scheduleMeeting(caller: ConsoleCaller, committeeId: string, input: MeetingInput): Promise<CreateResult>;
  meeting(caller: ConsoleCaller, meetingId: string): Promise<Read<MeetingPage>>;
  /** The whole list: it replaces any earlier recording. */
  recordAttendance(
    caller: ConsoleCaller,
    meetingId: string,
    attendees: readonly AttendeeInput[],
    expectedVersion: number,
  ): Promise<CommandResult>;
  addItem(caller: ConsoleCaller, meetingId: string, input: ItemInput, expectedVersion: number): Promise<CommandResult>;
  passResolution(caller: ConsoleCaller, meetingId: string, input: ResolutionInput): Promise<CreateResult>;
  postOptions(caller: ConsoleCaller): Promise<Read<readonly PostOption[]>>;
  assignAction(caller: ConsoleCaller, input: ActionArisingInput): Promise<CreateResult>;
  approveMinutes(caller: ConsoleCaller, meetingId: string, approvedAtMeetingId: string, expectedVersion: number): Promise<CommandResult>;
  correctResolution(
    caller: ConsoleCaller,
    resolutionId: string,
    parts: readonly PartInput[],
    reason: string,
    expectedVersion: number,
  ): Promise<CommandResult>;
}
