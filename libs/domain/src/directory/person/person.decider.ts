import type { Decider } from '../../shared/decider.js';
import { conflict, unknownCommand } from '../../shared/errors.js';
import { requireText } from '../../shared/rules.js';
import type { PersonCommand, RegisterPerson } from './person.commands.js';
import type { PersonEvent } from './person.events.js';

export type PersonRecord = {
  readonly exists: true;
  readonly personId: string;
  readonly name: string;
  readonly email?: string;
  readonly identitySubject?: string;
  readonly registeredAt: string;
};

export type PersonState = { readonly exists: false } | PersonRecord;

export const initialPersonState = (): PersonState => ({ exists: false });

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

export const decidePerson = (command: PersonCommand, state: PersonState): PersonEvent[] => {
  switch (command.type) {
    case 'RegisterPerson':
      return register(command, state);
    default: {
      const _exhaustive: never = command.type;
      return unknownCommand(command);
    }
  }
};

export const evolvePerson = (state: PersonState, event: PersonEvent): PersonState => {
  switch (event.type) {
    case 'PersonRegistered':
      return { exists: true, ...event.data };
    default: {
      const _exhaustive: never = event.type;
      return state;
    }
  }
};

export const personDecider: Decider<PersonCommand, PersonEvent, PersonState> = {
  decide: decidePerson,
  evolve: evolvePerson,
  initialState: initialPersonState,
};
