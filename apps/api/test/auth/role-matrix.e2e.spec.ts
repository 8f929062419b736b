import type { Role } from '../../src/platform/auth/roles.js';
import { bearer, signTestToken } from '../support/auth.js';
import { startFeatureApp, type FeatureApp } from '../features/support/feature-app.js';
import { ENDPOINTS, type MatrixEndpoint } from './support/role-matrix.table.js';
import { MATRIX_PEOPLE, seedMatrixWorld, Setup, type MatrixWorld } from './support/role-matrix.world.js';

interface Caller {
  readonly label: string;
  readonly headers: (w: MatrixWorld) => Record<string, string>;
  readonly role?: Role;
  /** Holds, now, the post that owns the actions the table's requests name. */
  readonly holdsOwnerPost?: true;
}

const OTHER_SECRET = 'a-secret-this-service-has-never-been-given-0123456789';

const CALLERS: readonly Caller[] = [
  {
    label: 'officer holding the owner post',
    role: 'officer',
    holdsOwnerPost: true,
    headers: (w) => bearer(w.personId, ['officer'], 'Tony Fitzgerald'),
  },
  { label: 'officer not holding it', role: 'officer', headers: (w) => bearer(w.otherPersonId, ['officer'], 'Sally Rowe') },
  { label: 'scrutiny', role: 'scrutiny', headers: () => bearer(MATRIX_PEOPLE.scrutiny, ['scrutiny']) },
  { label: 'monitoring', role: 'monitoring', headers: () => bearer(MATRIX_PEOPLE.monitoring, ['monitoring']) },
  { label: 'member', role: 'member', headers: () => bearer(MATRIX_PEOPLE.member, ['member']) },
  { label: 'admin', role: 'admin', headers: () => bearer(MATRIX_PEOPLE.admin, ['admin']) },
  { label: 'no token', headers: () => ({}) },
  {
    label: 'bad token',
    headers: () => ({ Authorization: `Bearer ${signTestToken({ sub: 'intruder', roles: ['admin'] }, OTHER_SECRET)}` }),
  },
];

/** Public routes answer anyone without a token; a token that is sent must still verify. */
function expectedStatus(endpoint: MatrixEndpoint, caller: Caller): number {
  if (caller.label === 'bad token') return 401;
  if (endpoint.allowed === 'public') return endpoint.success;
  if (!caller.role) return 401;
  if (endpoint.domainRefuses?.roles.includes(caller.role)) return 403;
  if (endpoint.allowed.includes(caller.role)) return endpoint.success;
  if (endpoint.ownerOfAction && caller.holdsOwnerPost) return endpoint.success;
  return 403;
}

const keyOf = (method: string, path: string) => `${method.toUpperCase()} ${path}`;

describe('role matrix: every endpoint of the OpenAPI document, for every kind of caller', () => {
  let f: FeatureApp;
  let setup: Setup;
  let w: MatrixWorld;

  beforeAll(async () => {
    f = await startFeatureApp({ env: { PUBLIC_ACTION_LOG: 'true', AUTH_FAILURES_PER_MINUTE: '100000' } });
    setup = new Setup(f);
    w = await seedMatrixWorld(f, setup);
    // Reads below name what was just written: wait once for the read models to reach it.
    const caughtUp = await f
      .http()
      .get(`/api/v1/posts/${w.postId}`)
      .query({ minPosition: String(w.position) });
    expect(caughtUp.status).toBe(200);
  });
  afterAll(() => f?.close());

  it('covers every endpoint of /docs-json, and names none it does not document', async () => {
    const doc = await f.anonymous().get('/docs-json').expect(200);
    const documented = Object.entries(doc.body.paths as Record<string, Record<string, unknown>>)
      .flatMap(([path, operations]) =>
        Object.keys(operations)
          .filter((m) => ['get', 'post', 'put', 'patch', 'delete'].includes(m))
          .map((m) => keyOf(m, path)),
      )
      .sort();
    const tabled = ENDPOINTS.map((e) => keyOf(e.method, e.path)).sort();
    expect({
      missingFromTable: documented.filter((k) => !tabled.includes(k)),
      notDocumented: tabled.filter((k) => !documented.includes(k)),
    }).toEqual({ missingFromTable: [], notDocumented: [] });
    expect(new Set(tabled).size).toBe(tabled.length);
  });

  describe.each(ENDPOINTS.map((endpoint) => [keyOf(endpoint.method, endpoint.path), endpoint] as const))('%s', (_key, endpoint) => {
    it.each(CALLERS.map((caller) => [caller.label, caller] as const))('%s', async (_label, caller) => {
      const { path, query, body } = await endpoint.request(w, setup, caller.headers(w));
      let req = f.anonymous()[endpoint.method](path).set(caller.headers(w));
      if (query) req = req.query(query);
      const res = await (body === undefined ? req : req.send(body));
      const expected = expectedStatus(endpoint, caller);
      const refusedByDomain = caller.role !== undefined && endpoint.domainRefuses?.roles.includes(caller.role);
      expect({ status: res.status, type: res.status >= 400 ? res.body.type : undefined }).toEqual({
        status: expected,
        type:
          expected === 403
            ? `https://actiontrail.dev/problems/${refusedByDomain ? endpoint.domainRefuses?.code : 'forbidden'}`
            : expected === 401
              ? 'https://actiontrail.dev/problems/unauthorized'
              : undefined,
      });
    });
  });

  it.each(['/docs', '/docs-json'])('serves %s, which the document does not list, without a token', async (path) => {
    expect((await f.anonymous().get(path)).status).toBe(200);
  });
});
