import { cursorOf, paginationOf } from '../src/pagination.js';

describe('paginationOf', () => {
  it('on the first page, links Next with the filters and the cursor, and no First', () => {
    const query = new URLSearchParams('status=overdue&meeting=m-1');
    expect(paginationOf('/committees/c-1/action-log', query, 'CUR')).toEqual({
      next: '/committees/c-1/action-log?status=overdue&meeting=m-1&after=CUR',
      first: undefined,
    });
  });

  it('on a later page, replaces the cursor for Next and drops it for First, keeping the filters', () => {
    const query = new URLSearchParams('overdue=yes&after=OLD');
    expect(paginationOf('/chase-list', query, 'NEW')).toEqual({
      next: '/chase-list?overdue=yes&after=NEW',
      first: '/chase-list?overdue=yes',
    });
  });

  it('on the last page, links only First; a list without filters goes back to its bare path', () => {
    expect(paginationOf('/', new URLSearchParams('after=OLD'), null)).toEqual({ next: undefined, first: '/' });
  });

  it('encodes a cursor for the address', () => {
    expect(paginationOf('/', new URLSearchParams(), 'a+b/c=')).toEqual({ next: '/?after=a%2Bb%2Fc%3D', first: undefined });
  });
});

describe('cursorOf', () => {
  it('reads the cursor, an empty one as none', () => {
    expect([cursorOf(new URLSearchParams('after=X')), cursorOf(new URLSearchParams('after=')), cursorOf(new URLSearchParams())]).toEqual([
      'X',
      undefined,
      undefined,
    ]);
  });
});
