import type { SqlDatabase } from '#event-store';
import { PersonResolver, SUBJECT_KEPT_MS } from '../../src/platform/auth/person-resolver.js';

/** rm_people as a list of (person, identity subject), counting the lookups made. */
function directory(people: { personId: string; subject: string }[]) {
  const lookups: unknown[] = [];
  const db = {
    query: async (_sql: string, params?: readonly unknown[]) => {
      lookups.push(params?.[0]);
      return { rows: people.filter((p) => p.subject === params?.[0]).map((p) => ({ person_id: p.personId })) };
    },
  } as unknown as SqlDatabase;
  return { resolver: new PersonResolver(db), lookups, people };
}

const T0 = Date.parse('2026-12-06T09:00:00Z');

describe('which person a token subject names, kept for a few seconds', () => {
  it('given a subject registered to one person, when it is asked twice within the time kept, then rm_people is read once', async () => {
    const { resolver, lookups } = directory([{ personId: 'p-tony', subject: 'oid-tony' }]);

    expect(await resolver.personIdFor('oid-tony', T0)).toBe('p-tony');
    expect(await resolver.personIdFor('oid-tony', T0 + SUBJECT_KEPT_MS - 1)).toBe('p-tony');

    expect(lookups).toEqual(['oid-tony']);
  });

  it('given the time kept has passed, when the subject is asked again, then rm_people is read again', async () => {
    const { resolver, lookups } = directory([{ personId: 'p-tony', subject: 'oid-tony' }]);

    await resolver.personIdFor('oid-tony', T0);
    await resolver.personIdFor('oid-tony', T0 + SUBJECT_KEPT_MS);

    expect(lookups).toEqual(['oid-tony', 'oid-tony']);
  });

  it('given a subject nobody is registered with, when that person is registered afterwards, then the subject names them once the time kept has passed', async () => {
    const { resolver, people } = directory([]);
    expect(await resolver.personIdFor('oid-new', T0)).toBe('oid-new');

    people.push({ personId: 'p-new', subject: 'oid-new' });

    expect(await resolver.personIdFor('oid-new', T0 + 1)).toBe('oid-new');
    expect(await resolver.personIdFor('oid-new', T0 + SUBJECT_KEPT_MS)).toBe('p-new');
  });

  it('given two people registered with one subject, then the token acts as neither of them', async () => {
    const { resolver } = directory([
      { personId: 'p-one', subject: 'oid-shared' },
      { personId: 'p-two', subject: 'oid-shared' },
    ]);

    expect(await resolver.personIdFor('oid-shared', T0)).toBe('oid-shared');
  });
});
