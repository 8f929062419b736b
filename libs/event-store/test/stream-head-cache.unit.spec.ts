import { StreamHeadCache } from '../src/sql/stream-head-cache.js';

describe('StreamHeadCache', () => {
  it('given a head an append stored, when a read that began before it answers with an older head, then the newer head is kept', () => {
    const heads = new StreamHeadCache();
    heads.remember('s', { version: 3, hash: 'h3' });

    heads.rememberIfNewer('s', { version: 2, hash: 'h2' });

    expect(heads.get('s')).toEqual({ version: 3, hash: 'h3' });
  });

  it('given an older head or none, when a read answers with a newer one, then the newer one is kept', () => {
    const heads = new StreamHeadCache();
    heads.rememberIfNewer('s', { version: 1, hash: 'h1' });
    heads.rememberIfNewer('s', { version: 4, hash: 'h4' });

    expect(heads.get('s')).toEqual({ version: 4, hash: 'h4' });
  });

  it('given more streams than it holds, then the one used longest ago is forgotten', () => {
    const heads = new StreamHeadCache(2);
    heads.remember('a', { version: 1, hash: 'a1' });
    heads.remember('b', { version: 1, hash: 'b1' });
    heads.rememberIfNewer('a', { version: 2, hash: 'a2' });

    heads.remember('c', { version: 1, hash: 'c1' });

    expect([heads.get('a'), heads.get('b'), heads.get('c')]).toEqual([{ version: 2, hash: 'a2' }, undefined, { version: 1, hash: 'c1' }]);
  });
});
