import { bearer, signTestToken, TEST_JWT_SECRET } from '../support/auth.js';
import type { SqlEventStore } from '#event-store';
import { openE2eStore } from '../support/e2e-store.js';
import { expectUnauthorized, startAuthTestApp, type AuthTestApp } from './support/auth-test-app.js';

let store: SqlEventStore;

beforeAll(async () => {
  store = await openE2eStore();
});

afterAll(async () => {
  await store?.close();
});

describe('rate limit on failed authentications (AUTH_FAILURES_PER_MINUTE=20)', () => {
  let t: AuthTestApp;

  beforeAll(async () => {
    t = await startAuthTestApp({ AUTH_JWT_SECRET: TEST_JWT_SECRET, TRUST_PROXY: 'loopback' }, { store });
  });

  afterAll(async () => {
    await t?.close();
  });

  const forged = signTestToken({ sub: 'mallory', roles: ['admin'] }, 'not-the-secret-not-the-secret-not-the-secret');
  const from = (ip: string) => ({ 'X-Forwarded-For': ip });

  it('answers 401 twenty times a minute, then 429 with Retry-After, even to a good token; other addresses are unaffected', async () => {
    for (let attempt = 1; attempt <= 20; attempt++) {
      const res = await t.http().get('/api/v1/auth-test/meetings').set(from('203.0.113.7')).set('Authorization', `Bearer ${forged}`);
      expect(res.status).toBe(401);
    }
    const blocked = await t
      .http()
      .get('/api/v1/auth-test/meetings')
      .set(from('203.0.113.7'))
      .set(bearer('p1', ['member']));
    expect({ status: blocked.status, type: blocked.body.type }).toEqual({
      status: 429,
      type: 'https://actiontrail.dev/problems/too-many-failed-authentications',
    });
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThanOrEqual(55);
    expect(Number(blocked.headers['retry-after'])).toBeLessThanOrEqual(60);
    expect(
      (
        await t
          .http()
          .get('/api/v1/auth-test/meetings')
          .set(from('198.51.100.9'))
          .set(bearer('p1', ['member']))
      ).status,
    ).toBe(200);
  });

  it('does not count a missing token: only a refused one is a failed authentication', async () => {
    for (let attempt = 1; attempt <= 25; attempt++) {
      expect((await t.http().get('/api/v1/auth-test/meetings').set(from('192.0.2.44'))).status).toBe(401);
    }
    expect(
      (
        await t
          .http()
          .get('/api/v1/auth-test/meetings')
          .set(from('192.0.2.44'))
          .set(bearer('p1', ['member']))
      ).status,
    ).toBe(200);
  });
});

describe('whose failures count: TRUST_PROXY decides the client address', () => {
  const forged = signTestToken({ sub: 'mallory', roles: ['admin'] }, 'not-the-secret-not-the-secret-not-the-secret');
  const failFrom = (t: AuthTestApp, forwardedFor: string) =>
    t.http().get('/api/v1/auth-test/meetings').set('X-Forwarded-For', forwardedFor).set('Authorization', `Bearer ${forged}`);
  const goodFrom = (t: AuthTestApp, forwardedFor: string) =>
    t
      .http()
      .get('/api/v1/auth-test/meetings')
      .set('X-Forwarded-For', forwardedFor)
      .set(bearer('p1', ['member']));
  let apps: AuthTestApp[] = [];
  const start = async (env: Record<string, string>) => {
    const t = await startAuthTestApp({ AUTH_JWT_SECRET: TEST_JWT_SECRET, AUTH_FAILURES_PER_MINUTE: '3', ...env }, { store });
    apps.push(t);
    return t;
  };

  afterEach(async () => {
    await Promise.all(apps.map((t) => t.close()));
    apps = [];
  });

  it('given one trusted proxy hop (TRUST_PROXY=1), when one client behind it fails, then another client behind the same proxy is not locked out', async () => {
    const t = await start({ TRUST_PROXY: '1' });
    for (let attempt = 1; attempt <= 3; attempt++) expect((await failFrom(t, '203.0.113.7')).status).toBe(401);
    expect((await goodFrom(t, '203.0.113.7')).status).toBe(429);
    expect((await goodFrom(t, '198.51.100.9')).status).toBe(200);
  });

  it('counts each refused token by its reason on /metrics, and a request the limit refused unread as rate-limited', async () => {
    const t = await start({ TRUST_PROXY: '1' });
    for (let attempt = 1; attempt <= 3; attempt++) expect((await failFrom(t, '203.0.113.70')).status).toBe(401);
    expect((await failFrom(t, '203.0.113.70')).status).toBe(429);
    const metrics = (await t.http().get('/metrics')).text;
    expect(metrics).toMatch(/^actiontrail_refused_tokens_total\{reason="bad-signature"\} 3$/m);
    expect(metrics).toMatch(/^actiontrail_refused_tokens_total\{reason="rate-limited"\} 1$/m);
    expect(metrics).toMatch(/^http_requests_total\{method="GET",route="\/api\/v1\/auth-test\/meetings",status="429"\} 1$/m);
  });

  it("given one trusted hop, when a client forges an X-Forwarded-For entry of its own before the proxy's, then it is still limited as the address the proxy saw", async () => {
    const t = await start({ TRUST_PROXY: '1' });
    for (let attempt = 1; attempt <= 3; attempt++) expect((await failFrom(t, `10.9.9.${attempt}, 203.0.113.8`)).status).toBe(401);
    expect((await goodFrom(t, '10.0.0.99, 203.0.113.8')).status).toBe(429);
  });

  it.each([
    ['no TRUST_PROXY', {}],
    ['TRUST_PROXY naming a proxy that is not the caller', { TRUST_PROXY: '10.0.0.1' }],
  ])('given %s, when a client sends a new forged X-Forwarded-For each time, then it is still limited as itself', async (_label, env) => {
    const t = await start(env);
    for (let attempt = 1; attempt <= 3; attempt++) expect((await failFrom(t, `192.0.2.${attempt}`)).status).toBe(401);
    expect((await goodFrom(t, '192.0.2.200')).status).toBe(429);
  });

  it('given one trusted hop, when a client rotates IPv6 addresses within its /64, then they count as one client; another /64 is unaffected', async () => {
    const t = await start({ TRUST_PROXY: '1' });
    for (let attempt = 1; attempt <= 3; attempt++) expect((await failFrom(t, `2001:db8:7:1::${attempt}`)).status).toBe(401);
    expect((await goodFrom(t, '2001:db8:7:1::beef')).status).toBe(429);
    expect((await goodFrom(t, '2001:db8:7:2::1')).status).toBe(200);
  });
});

describe('security headers and CORS', () => {
  let t: AuthTestApp;
  let withCors: AuthTestApp;

  beforeAll(async () => {
    t = await startAuthTestApp({ AUTH_JWT_SECRET: TEST_JWT_SECRET, TRUST_PROXY: 'loopback' }, { store });
    withCors = await startAuthTestApp({ AUTH_JWT_SECRET: TEST_JWT_SECRET, CORS_ORIGINS: 'https://committees.example.gov.uk' }, { store });
  });

  afterAll(async () => {
    await t?.close();
    await withCors?.close();
  });

  const API_HEADERS = {
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'no-referrer',
    // Helmet joins directives with ';' alone, which the CSP grammar allows as well as '; '.
    'content-security-policy': "default-src 'none';frame-ancestors 'none';base-uri 'none';form-action 'none'",
    'cache-control': 'no-store',
    'cross-origin-resource-policy': 'same-origin',
    'cross-origin-opener-policy': 'same-origin',
  };

  it('sets them on API answers, problems and operational routes alike', async () => {
    for (const res of [
      await t
        .http()
        .get('/api/v1/auth-test/meetings')
        .set(bearer('p1', ['member'])),
      await t.http().get('/api/v1/auth-test/meetings'),
      await t.http().get('/api/v1/no-such-route'),
      await t.http().get('/health/live'),
    ]) {
      expect(res.headers).toMatchObject(API_HEADERS);
      expect(res.headers['strict-transport-security']).toBeUndefined();
      expect(res.headers['access-control-allow-origin']).toBeUndefined();
    }
  });

  it('relaxes the content security policy for the OpenAPI UI only', async () => {
    const res = await t.http().get('/docs/');
    expect(res.status).toBe(200);
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect((await t.http().get('/docs-json')).headers['content-security-policy']).toBe(API_HEADERS['content-security-policy']);
  });

  it('sends Strict-Transport-Security when the request came over TLS through a trusted proxy', async () => {
    const res = await t.http().get('/health/live').set('X-Forwarded-Proto', 'https');
    expect(res.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    const untrusted = await withCors.http().get('/health/live').set('X-Forwarded-Proto', 'https');
    expect(untrusted.headers['strict-transport-security']).toBeUndefined();
  });

  it('answers a preflight from an allowed origin, and nothing for others', async () => {
    const preflight = await withCors
      .http()
      .options('/api/v1/auth-test/posts')
      .set('Origin', 'https://committees.example.gov.uk')
      .set('Access-Control-Request-Method', 'POST')
      .set('Access-Control-Request-Headers', 'authorization, content-type');
    expect(preflight.status).toBe(204);
    expect(preflight.headers).toMatchObject({
      'access-control-allow-origin': 'https://committees.example.gov.uk',
      'access-control-allow-headers': expect.stringContaining('Authorization'),
      'access-control-allow-methods': expect.stringContaining('POST'),
    });
    expect(preflight.headers['access-control-allow-credentials']).toBeUndefined();

    const actual = await withCors
      .http()
      .get('/api/v1/auth-test/meetings')
      .set('Origin', 'https://committees.example.gov.uk')
      .set(bearer('p1', ['member']));
    expect(actual.headers['access-control-allow-origin']).toBe('https://committees.example.gov.uk');
    expect(actual.headers['access-control-expose-headers']).toContain('ETag');
    expect(actual.headers.vary).toContain('Origin');

    const foreign = await withCors
      .http()
      .options('/api/v1/auth-test/posts')
      .set('Origin', 'https://evil.example')
      .set('Access-Control-Request-Method', 'POST');
    expect(foreign.headers['access-control-allow-origin']).toBeUndefined();
    expect(foreign.status).not.toBe(204);
  });
});

describe('phase 2: the X-Actor bridge is gone', () => {
  let t: AuthTestApp;

  beforeAll(async () => {
    t = await startAuthTestApp({ AUTH_JWT_SECRET: TEST_JWT_SECRET, AUTH_FAILURES_PER_MINUTE: '1000' }, { store });
  });

  afterAll(async () => {
    await t?.close();
  });

  it('takes the actor from the token and ignores X-Actor', async () => {
    const res = await t
      .http()
      .get('/api/v1/auth-test/meetings')
      .set(bearer('p7', ['officer'], 'Pat'))
      .set('X-Actor', JSON.stringify({ id: 'x', roles: ['admin'] }));
    expect(res.body.actor).toEqual({ id: 'p7', name: 'Pat', roles: ['officer'] });
  });

  it('answers 401 to X-Actor without a token, and to a refused token, never acting as a developer', async () => {
    expectUnauthorized(
      await t
        .http()
        .get('/api/v1/auth-test/meetings')
        .set('X-Actor', JSON.stringify({ id: 'p2', roles: ['admin'] })),
      'missing-token',
    );
    expectUnauthorized(await t.http().get('/api/v1/auth-test/meetings').set('Authorization', 'Bearer not.a.token'), 'malformed-token');
  });
});
