import { RecentSubjects } from '../../src/platform/auth/recent-subjects.js';

describe('recent subjects are kept for a time and up to a number', () => {
  it('given more subjects than it keeps, when one more is remembered, then the least recently asked one goes', () => {
    const recent = new RecentSubjects(1_000, 2);
    recent.remember('a', 'p-a', 0);
    recent.remember('b', 'p-b', 0);
    recent.personIdFor('a', 1);

    recent.remember('c', 'p-c', 2);

    expect([recent.personIdFor('a', 3), recent.personIdFor('b', 3), recent.personIdFor('c', 3)]).toEqual(['p-a', undefined, 'p-c']);
  });

  it('given a subject remembered at t, then it is kept until just before t plus the time kept', () => {
    const recent = new RecentSubjects(1_000, 10);
    recent.remember('a', 'p-a', 5_000);

    expect(recent.personIdFor('a', 5_999)).toBe('p-a');
    expect(recent.personIdFor('a', 6_000)).toBeUndefined();
  });
});
