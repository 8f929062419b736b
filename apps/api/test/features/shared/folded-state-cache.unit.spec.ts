import { FoldedStateCache } from '../../../src/features/shared/folded-state-cache.js';

const decider = {};
const entry = (version: number, by: object = decider) => ({ decider: by, state: { version }, version });

describe('FoldedStateCache', () => {
  it('given more streams than it keeps, then the least recently used one goes first', () => {
    const cache = new FoldedStateCache(2);
    cache.remember('a', entry(1));
    cache.remember('b', entry(1));
    expect(cache.get('a', decider)).toBeDefined();
    cache.remember('c', entry(1));
    expect(cache.size).toBe(2);
    expect(cache.get('b', decider)).toBeUndefined();
    expect(cache.get('a', decider)).toEqual(entry(1));
    expect(cache.get('c', decider)).toEqual(entry(1));
  });

  it('given a later state is kept, when an earlier one is remembered, then the later one stays', () => {
    const cache = new FoldedStateCache();
    cache.remember('a', entry(5));
    cache.remember('a', entry(3));
    expect(cache.get('a', decider)?.version).toBe(5);
    cache.remember('a', entry(6));
    expect(cache.get('a', decider)?.version).toBe(6);
  });

  it('given a state folded by another decider, then it is not handed out', () => {
    const cache = new FoldedStateCache();
    cache.remember('a', entry(2, {}));
    expect(cache.get('a', decider)).toBeUndefined();
  });
});
