import { given } from '../../support/given-when-then.js';
import type {
  IssueCalendarFeed,
  RegisterPerson,
  RevokeCalendarFeed,
  SetNotificationPreferences,
} from '../../../src/directory/person/person.commands.js';
import { personDecider } from '../../../src/directory/person/person.decider.js';
import type { CalendarFeedIssued, PersonRegistered } from '../../../src/directory/person/person.events.js';

const now = '2017-01-10T09:00:00Z';

const register = (overrides: Partial<RegisterPerson['data']> = {}): RegisterPerson => ({
  type: 'RegisterPerson',
  data: { personId: 'p-1', name: 'Tony Fitzgerald', email: 'tony@example.org', now, ...overrides },
});

const registered: PersonRegistered = {
  type: 'PersonRegistered',
  data: { personId: 'p-1', name: 'Tony Fitzgerald', email: 'tony@example.org', registeredAt: now },
};

describe('person decider', () => {
  describe('RegisterPerson', () => {
    it('registers a new person', () => {
      const state = given(personDecider)([]).when(register()).then([registered]);
      expect(state).toEqual({ exists: true, ...registered.data });
    });

    it('registers a person without an email', () => {
      given(personDecider)([])
        .when(register({ email: undefined }))
        .then([{ type: 'PersonRegistered', data: { personId: 'p-1', name: 'Tony Fitzgerald', registeredAt: now } }]);
    });

    it('refuses to register the same person twice (conflict)', () => {
      given(personDecider)([registered]).when(register()).thenThrows('person-already-registered', 'conflict');
    });

    it('refuses a blank name (invalid)', () => {
      given(personDecider)([])
        .when(register({ name: '  ' }))
        .thenThrows('name-required', 'invalid');
    });

    it("records the identity provider's subject (Entra ID's oid), trimmed, and folds it into the record", () => {
      const oid = '9f3c2b1a-0d4e-4c5f-8a6b-7c8d9e0f1a2b';
      const state = given(personDecider)([])
        .when(register({ identitySubject: ` ${oid} ` }))
        .then([{ type: 'PersonRegistered', data: { ...registered.data, identitySubject: oid } }]);
      expect(state).toMatchObject({ identitySubject: oid });
    });

    it('refuses a blank identity subject (invalid)', () => {
      given(personDecider)([])
        .when(register({ identitySubject: ' ' }))
        .thenThrows('identitySubject-required', 'invalid');
    });
  });

  describe('evolve', () => {
    it('starts as not existing', () => {
      expect(given(personDecider)([]).state()).toEqual({ exists: false });
    });

    it('folds a registration into a record', () => {
      expect(given(personDecider)([registered]).state()).toEqual({ exists: true, ...registered.data });
    });
  });

  describe('SetNotificationPreferences', () => {
    const later = '2017-02-01T10:00:00Z';
    const setPreferences = (overrides: Partial<SetNotificationPreferences['data']> = {}): SetNotificationPreferences => ({
      type: 'SetNotificationPreferences',
      data: { personId: 'p-1', reminders: false, weeklyDigest: true, now: later, by: 'p-1', ...overrides },
    });

    it('records the choice with when and by whom, and folds it into the record', () => {
      const state = given(personDecider)([registered])
        .when(setPreferences({ by: 'staff-1' }))
        .then([
          {
            type: 'NotificationPreferencesSet',
            data: { personId: 'p-1', reminders: false, weeklyDigest: true, setAt: later, setBy: 'staff-1' },
          },
        ]);
      expect(state).toMatchObject({ notificationPreferences: { reminders: false, weeklyDigest: true, setAt: later, setBy: 'staff-1' } });
    });

    it('refuses a person who was never registered (not found)', () => {
      given(personDecider)([]).when(setPreferences()).thenThrows('person-not-found', 'not-found');
    });
  });

  describe('calendar feed', () => {
    const hash = 'a'.repeat(64);
    const issue = (tokenHash = hash): IssueCalendarFeed => ({
      type: 'IssueCalendarFeed',
      data: { personId: 'p-1', tokenHash, now: '2017-02-01T10:00:00Z', by: 'p-1' },
    });
    const revoke: RevokeCalendarFeed = { type: 'RevokeCalendarFeed', data: { personId: 'p-1', now: '2017-02-02T10:00:00Z', by: 'p-1' } };
    const issued: CalendarFeedIssued = {
      type: 'CalendarFeedIssued',
      data: { personId: 'p-1', tokenHash: hash, issuedAt: '2017-02-01T10:00:00Z', issuedBy: 'p-1' },
    };

    it('issues a feed by the hash of its token, keeping only when it was issued on the record', () => {
      const state = given(personDecider)([registered]).when(issue()).then([issued]);
      expect(state).toEqual({ exists: true, ...registered.data, calendarFeed: { issuedAt: '2017-02-01T10:00:00Z' } });
    });

    it('rotates: issuing again records the new hash', () => {
      given(personDecider)([registered, issued])
        .when(issue('b'.repeat(64)))
        .then([{ type: 'CalendarFeedIssued', data: { ...issued.data, tokenHash: 'b'.repeat(64) } }]);
    });

    it('refuses anything but a SHA-256 in hex, so a token in clear never reaches the log (invalid)', () => {
      given(personDecider)([registered]).when(issue('my-secret-token')).thenThrows('calendar-feed-token-hash-invalid', 'invalid');
    });

    it('refuses a person who was never registered (not found)', () => {
      given(personDecider)([]).when(issue()).thenThrows('person-not-found', 'not-found');
    });

    it('revokes the feed, and the record no longer has one', () => {
      const state = given(personDecider)([registered, issued])
        .when(revoke)
        .then([{ type: 'CalendarFeedRevoked', data: { personId: 'p-1', revokedAt: '2017-02-02T10:00:00Z', revokedBy: 'p-1' } }]);
      expect(state).toEqual({ exists: true, ...registered.data });
    });

    it('refuses to revoke when there is no feed (conflict)', () => {
      given(personDecider)([registered]).when(revoke).thenThrows('calendar-feed-not-issued', 'conflict');
    });
  });
});
