/** What is read of Express's router (router 2.x): its route layers, their path matchers and their methods. */
interface RouterLayer {
  readonly route?: { readonly path?: unknown; readonly methods?: Readonly<Record<string, boolean | undefined>> };
  readonly matchers?: readonly ((path: string) => unknown)[];
}

export interface RouterLike {
  readonly stack: readonly RouterLayer[];
}

interface KnownRoute {
  readonly pattern: string;
  readonly methods: ReadonlySet<string>;
  readonly matches: (path: string) => boolean;
}

/**
 * The route pattern a request was meant for, when it was answered before the router reached it: a refused token
 * (401, 429), a body refused by the content-type gate (415) or the parser (400, 413). Express sets `req.route` only
 * for the requests it routes, so those used to be labelled "(unmatched)". The table is read once, on first use,
 * after every route has been registered; wildcard routes (the docs' assets) are left out.
 */
export function routeResolverOf(router: () => RouterLike | undefined): (method: string, path: string) => string | undefined {
  let routes: readonly KnownRoute[] | undefined;
  return (method, path) => {
    routes ??= knownRoutes(router());
    const verb = method.toLowerCase();
    const wanted = verb === 'head' ? ['head', 'get'] : [verb];
    return routes.find((route) => wanted.some((m) => route.methods.has(m)) && route.matches(path))?.pattern;
  };
}

function knownRoutes(router: RouterLike | undefined): KnownRoute[] {
  const routes: KnownRoute[] = [];
  for (const layer of router?.stack ?? []) {
    const path = layer.route?.path;
    if (typeof path !== 'string' || path.includes('*') || !layer.matchers) continue;
    const matchers = layer.matchers;
    const methods = new Set(Object.keys(layer.route?.methods ?? {}).filter((m) => layer.route?.methods?.[m]));
    routes.push({ pattern: path, methods, matches: (candidate) => matchers.some((match) => matchesSafely(match, candidate)) });
  }
  return routes;
}

/** The matchers decode each parameter and throw on a malformed escape (`%ED%A0%80`); such a path matches no route. */
function matchesSafely(match: (path: string) => unknown, candidate: string): boolean {
  try {
    return Boolean(match(candidate));
  } catch {
    return false;
  }
}
