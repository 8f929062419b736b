import { given } from '../../shared/testing/given-when-then.js';
import type { RegisterPerson } from './person.commands.js';
import { personDecider } from './person.decider.js';
import type { PersonRegistered } from './person.events.js';

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
      given(personDecider)([]).when(register({ name: '  ' })).thenThrows('name-required', 'invalid');
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
});
