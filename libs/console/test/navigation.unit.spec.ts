import { NAVIGATION, navigationFor } from '../src/navigation.js';

describe("the header's navigation", () => {
  const hrefs = (roles: string[], path = '/nowhere') => navigationFor(roles, path).map((item) => item.href);

  it('shows each role the links of its pages, in the order of the one list', () => {
    expect(hrefs(['officer'])).toEqual(['/']);
    expect(hrefs(['scrutiny'])).toEqual(['/committees', '/chase-list', '/decisions', '/posts', '/people']);
    expect(hrefs(['monitoring'])).toEqual(['/decisions', '/audit', '/audit/verify']);
    expect(hrefs(['member'])).toEqual(['/decisions']);
    expect(hrefs(['admin'])).toEqual(NAVIGATION.filter((link) => link.href !== '/').map((link) => link.href));
    expect(hrefs(['officer', 'monitoring'])).toEqual(['/', '/decisions', '/audit', '/audit/verify']);
    expect(hrefs([])).toEqual([]);
  });

  it('marks the page itself current and the section of a page under it active, the longest match winning', () => {
    const marked = (roles: string[], path: string) =>
      navigationFor(roles, path)
        .filter((item) => item.current || item.active)
        .map((item) => `${item.href} ${item.current ? 'current' : 'active'}`);
    expect(marked(['scrutiny'], '/posts')).toEqual(['/posts current']);
    expect(marked(['scrutiny'], '/posts/new')).toEqual(['/posts active']);
    expect(marked(['monitoring'], '/audit/verify')).toEqual(['/audit/verify current']);
    expect(marked(['monitoring'], '/audit/verify/result')).toEqual(['/audit/verify active']);
    expect(marked(['monitoring'], '/audit/streams/action-1')).toEqual(['/audit active']);
    expect(marked(['officer'], '/')).toEqual(['/ current']);
    expect(marked(['officer'], '/my-actions')).toEqual(['/ current']);
    expect(marked(['officer'], '/actions/a-1')).toEqual([]);
    expect(marked(['scrutiny'], '/postsx')).toEqual([]);
    expect(marked(['member'], '/decisions/new')).toEqual(['/decisions active']);
  });
});
