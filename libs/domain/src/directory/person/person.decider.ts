import type { Decider } from '../../shared/decider.js';
import { conflict, invalid, notFound, unknownCommand } from '../../shared/errors.js';
import { requireText } from '../../shared/rules.js';
import type {
  IssueCalendarFeed,
  PersonCommand,
  RegisterPerson,
  RevokeCalendarFeed,
  SetNotificationPreferences,
} from './person.commands.js';
import type { PersonEvent } from './person.events.js';

export type NotificationPreferences = { readonly reminders: boolean; readonly weeklyDigest: boolean };

/** Everyone gets both until they say otherwise. */
export const defaultNotificationPreferences: NotificationPreferences = { reminders: true, weeklyDigest: true };

export type PersonRecord = {
  readonly exists: true;
  readonly personId: string;
  readonly name: string;
  readonly email?: string;
  readonly identitySubject?: string;
  readonly registeredAt: string;
  /** Absent until the person (or staff for them) first sets them: the defaults apply. */
  readonly notificationPreferences?: NotificationPreferences & { readonly setAt: string; readonly setBy: string };
  /** When the current calendar feed address was issued; absent when there is none. The hash stays in the events. */
  readonly calendarFeed?: { readonly issuedAt: string };
};

export type PersonState = { readonly exists: false } | PersonRecord;

export const initialPersonState = (): PersonState => ({ exists: false });

const existingPerson = (state: PersonState, personId: string): PersonRecord => {
  if (!state.exists) throw notFound('person-not-found', `Person ${personId} does not exist`, { personId });
  return state;
};

const register = ({ data }: RegisterPerson, state: PersonState): PersonEvent[] => {
  if (state.exists) {
    throw conflict('person-already-registered', `Person ${state.personId} is already registered`, {
      personId: state.personId,
    });
  }
  requireText(data.name, 'name');
  if (data.identitySubject !== undefined) requireText(data.identitySubject, 'identitySubject');
  const identity = data.identitySubject === undefined ? {} : { identitySubject: data.identitySubject.trim() };
  return [
    {
      type: 'PersonRegistered',
      data: { personId: data.personId, name: data.name, email: data.email, ...identity, registeredAt: data.now },
    },
  ];
};

const setPreferences = ({ data }: SetNotificationPreferences, state: PersonState): PersonEvent[] => {
  existingPerson(state, data.personId);
  const { personId, reminders, weeklyDigest, now, by } = data;
  return [{ type: 'NotificationPreferencesSet', data: { personId, reminders, weeklyDigest, setAt: now, setBy: by } }];
};

const SHA256_HEX = /^[0-9a-f]{64}$/;

const issueFeed = ({ data }: IssueCalendarFeed, state: PersonState): PersonEvent[] => {
  existingPerson(state, data.personId);
  if (!SHA256_HEX.test(data.tokenHash)) {
    throw invalid('calendar-feed-token-hash-invalid', 'A calendar feed is issued with the SHA-256 of its token, never the token');
  }
  return [
    { type: 'CalendarFeedIssued', data: { personId: data.personId, tokenHash: data.tokenHash, issuedAt: data.now, issuedBy: data.by } },
  ];
};

const revokeFeed = ({ data }: RevokeCalendarFeed, state: PersonState): PersonEvent[] => {
  const person = existingPerson(state, data.personId);
  if (!person.calendarFeed) {
    throw conflict('calendar-feed-not-issued', `Person ${data.personId} has no calendar feed to revoke`, { personId: data.personId });
  }
  return [{ type: 'CalendarFeedRevoked', data: { personId: data.personId, revokedAt: data.now, revokedBy: data.by } }];
};

export const decidePerson = (command: PersonCommand, state: PersonState): PersonEvent[] => {
  switch (command.type) {
    case 'RegisterPerson':
      return register(command, state);
    case 'SetNotificationPreferences':
      return setPreferences(command, state);
    case 'IssueCalendarFeed':
      return issueFeed(command, state);
    case 'RevokeCalendarFeed':
      return revokeFeed(command, state);
    default: {
      const _exhaustive: never = command;
      return unknownCommand(command);
    }
  }
};

const withoutFeed = ({ calendarFeed: _feed, ...person }: PersonRecord): PersonRecord => person;

export const evolvePerson = (state: PersonState, event: PersonEvent): PersonState => {
  switch (event.type) {
    case 'PersonRegistered':
      return { exists: true, ...event.data };
    case 'NotificationPreferencesSet': {
      if (!state.exists) return state;
      const { reminders, weeklyDigest, setAt, setBy } = event.data;
      return { ...state, notificationPreferences: { reminders, weeklyDigest, setAt, setBy } };
    }
    case 'CalendarFeedIssued':
      return state.exists ? { ...state, calendarFeed: { issuedAt: event.data.issuedAt } } : state;
    case 'CalendarFeedRevoked':
      return state.exists ? withoutFeed(state) : state;
    default: {
      const _exhaustive: never = event;
      return state;
    }
  }
};

export const personDecider: Decider<PersonCommand, PersonEvent, PersonState> = {
  decide: decidePerson,
  evolve: evolvePerson,
  initialState: initialPersonState,
};
