/** Whether a person wants each kind of email; everything is on unless they said otherwise. */
export type NoticePreferences = { readonly reminders: boolean; readonly weeklyDigest: boolean };

export const ALL_ON: NoticePreferences = { reminders: true, weeklyDigest: true };

/**
 * The port recipient selection asks. Reminders and overdue notices go only to people with `reminders` on;
 * chases and escalations are staff's and the committee's own requests and always go.
 */
export abstract class NoticePreferencesPort {
  abstract preferencesOf(personId: string): Promise<NoticePreferences>;
}

/** Until people's own preferences are wired in, everyone gets everything. */
export class AllNoticesOn extends NoticePreferencesPort {
  async preferencesOf(): Promise<NoticePreferences> {
    return ALL_ON;
  }
}
