export type RegisterPerson = {
  readonly type: 'RegisterPerson';
  readonly data: {
    readonly personId: string;
    readonly name: string;
    readonly email?: string;
    /** The identity provider's stable subject for this person (Entra ID's `oid`), when it is not the person id. */
    readonly identitySubject?: string;
    readonly now: string;
  };
};

export type SetNotificationPreferences = {
  readonly type: 'SetNotificationPreferences';
  readonly data: {
    readonly personId: string;
    readonly reminders: boolean;
    readonly weeklyDigest: boolean;
    readonly now: string;
    readonly by: string;
  };
};

/** The caller makes the secret and hands in only its hash: the domain never sees the address. */
export type IssueCalendarFeed = {
  readonly type: 'IssueCalendarFeed';
  readonly data: { readonly personId: string; readonly tokenHash: string; readonly now: string; readonly by: string };
};

export type RevokeCalendarFeed = {
  readonly type: 'RevokeCalendarFeed';
  readonly data: { readonly personId: string; readonly now: string; readonly by: string };
};

export type PersonCommand = RegisterPerson | SetNotificationPreferences | IssueCalendarFeed | RevokeCalendarFeed;
