import type { CommandRefusals } from '../../shared/refusals.js';
import type { PersonCommand } from './person.commands.js';

/** Every refusal the person decider can answer each command with; refusals.unit.spec reads the decider to keep it so. */
export const personRefusals = {
  RegisterPerson: { conflict: ['person-already-registered'], invalid: ['name-required', 'identitySubject-required'] },
  SetNotificationPreferences: { 'not-found': ['person-not-found'] },
  IssueCalendarFeed: { invalid: ['calendar-feed-token-hash-invalid'], 'not-found': ['person-not-found'] },
  RevokeCalendarFeed: { conflict: ['calendar-feed-not-issued'], 'not-found': ['person-not-found'] },
} as const satisfies CommandRefusals<PersonCommand['type']>;
