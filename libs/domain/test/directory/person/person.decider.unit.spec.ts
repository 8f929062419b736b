import { given } from '../../support/given-when-then.js';
import type { RegisterPerson } from '../../../src/directory/person/person.commands.js';
import { personDecider } from '../../../src/directory/person/person.decider.js';
import type { PersonRegistered } from '../../../src/directory/person/person.events.js';

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
});
