/** A link of the header's service navigation and the roles any one of which shows it. */
export interface NavigationLink {
  readonly href: string;
  readonly text: string;
  readonly roles: readonly string[];
}

/** The one list of the header's links. Each page still asks the API's route rule; this only spares people dead ends. */
export const NAVIGATION: readonly NavigationLink[] = [
  { href: '/', text: 'My actions', roles: ['officer'] },
  { href: '/committees', text: 'Committees', roles: ['scrutiny', 'admin'] },
  { href: '/chase-list', text: 'Chase list', roles: ['scrutiny', 'admin'] },
  { href: '/decisions', text: 'Decisions', roles: ['member', 'scrutiny', 'monitoring', 'admin'] },
  { href: '/posts', text: 'Posts', roles: ['scrutiny', 'admin'] },
  { href: '/people', text: 'People', roles: ['scrutiny', 'admin'] },
  { href: '/audit', text: 'Audit log', roles: ['monitoring', 'admin'] },
  { href: '/audit/verify', text: 'Verify', roles: ['monitoring', 'admin'] },
];

export interface NavigationItem {
  readonly href: string;
  readonly text: string;
  /** The page itself: aria-current="page". */
  readonly current?: true;
  /** A page under it: aria-current="true". */
  readonly active?: true;
}

/** The links the roles allow, the one whose section holds the path (the longest match) marked current or active. */
export function navigationFor(roles: readonly string[], path: string, links: readonly NavigationLink[] = NAVIGATION): NavigationItem[] {
  const shown = links.filter((link) => link.roles.some((role) => roles.includes(role)));
  const here = path === '/my-actions' ? '/' : path;
  const section = shown
    .filter((link) => here === link.href || (link.href !== '/' && here.startsWith(`${link.href}/`)))
    .sort((a, b) => b.href.length - a.href.length)[0];
  return shown.map(({ href, text }) =>
    href !== section?.href ? { href, text } : here === href ? { href, text, current: true } : { href, text, active: true },
  );
}
