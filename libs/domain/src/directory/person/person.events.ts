export type PersonRegistered = {
  readonly type: 'PersonRegistered';
  readonly data: {
    readonly personId: string;
    readonly name: string;
    readonly email?: string;
    /** Added later: absent on people registered before; tokens naming it act as this person. */
    readonly identitySubject?: string;
    readonly registeredAt: string;
  };
};

/** Which routine emails the person wants; chases and escalations are not theirs to turn off. */
export type NotificationPreferencesSet = {
  readonly type: 'NotificationPreferencesSet';
  readonly data: {
    readonly personId: string;
    readonly reminders: boolean;
    readonly weeklyDigest: boolean;
    readonly setAt: string;
    /** The person themselves, or the member of staff who set them on their behalf. */
    readonly setBy: string;
  };
};

/**
 * A calendar feed address was issued (or rotated: the one before stops working). Only the SHA-256 of the
 * secret is recorded, so the feed can be found again from the address but the address never from the log.
 */
export type CalendarFeedIssued = {
  readonly type: 'CalendarFeedIssued';
  readonly data: {
    readonly personId: string;
    readonly tokenHash: string;
    readonly issuedAt: string;
    readonly issuedBy: string;
  };
};

export type CalendarFeedRevoked = {
  readonly type: 'CalendarFeedRevoked';
  readonly data: {
    readonly personId: string;
    readonly revokedAt: string;
    readonly revokedBy: string;
  };
};

export type PersonEvent = PersonRegistered | NotificationPreferencesSet | CalendarFeedIssued | CalendarFeedRevoked;

export const personEventTypes = [
  'PersonRegistered',
  'NotificationPreferencesSet',
  'CalendarFeedIssued',
  'CalendarFeedRevoked',
] as const satisfies readonly PersonEvent['type'][];

export const isPersonEvent = (event: { readonly type: string }): event is PersonEvent =>
  (personEventTypes as readonly string[]).includes(event.type);
