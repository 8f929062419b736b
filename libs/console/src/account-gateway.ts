import type { CommandResult, ConsoleCaller, Read } from './console-gateway.js';

export interface EmailPreferences {
  readonly reminders: boolean;
  readonly weeklyDigest: boolean;
}

/** The signed-in person as the account page shows them. */
export interface Account {
  readonly personId: string;
  readonly name: string;
  readonly email?: string | undefined;
  /** Titles of the posts they hold now. */
  readonly posts: readonly string[];
  readonly preferences: EmailPreferences;
  /** The person record's version, for the preferences form's If-Match. */
  readonly version: number;
  /** When their calendar feed address was issued; null when they have none. */
  readonly calendarFeedIssuedAt: string | null;
}

/** A new calendar feed address: shown to the person once, never stored in clear. */
export interface CalendarFeedAddress {
  readonly url: string;
  readonly webcalUrl: string;
}

/** The account page: who the signed-in person is, their email preferences and their calendar feed. */
export interface AccountGateway {
  account(caller: ConsoleCaller): Promise<Read<Account>>;
  setEmailPreferences(caller: ConsoleCaller, preferences: EmailPreferences, expectedVersion: number): Promise<CommandResult>;
  /** `requestOrigin`: where this request came to, used unless the app knows its public origin. */
  issueCalendarFeed(caller: ConsoleCaller, requestOrigin: string): Promise<Read<CalendarFeedAddress>>;
  revokeCalendarFeed(caller: ConsoleCaller): Promise<CommandResult>;
}
