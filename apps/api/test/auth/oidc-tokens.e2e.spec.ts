import { SignJWT } from 'jose';
import {
  AUDIENCE,
  ISSUER,
  issueToken,
  signingKey,
  startJwksServer,
  tampered,
  unsecuredToken,
  type JwksServer,
  type SigningKey,
} from './support/jwks-server.js';
import { expectUnauthorized, startAuthTestApp, type AuthTestApp } from './support/auth-test-app.js';

const TONY = { sub: 'person-tony', name: 'Tony Fitzgerald', roles: ['officer', 'scrutiny', 'Some.Other.Role'] };

describe('production tokens: RS256/ES256 against the issuer JWKS (served on loopback)', () => {
  let rsaOld: SigningKey;
  let rsaNew: SigningKey;
  let ec: SigningKey;
  let jwks: JwksServer;
  let t: AuthTestApp;

  beforeAll(async () => {
    [rsaOld, rsaNew, ec] = await Promise.all([
      signingKey('RS256', 'key-2024'),
      signingKey('RS256', 'key-2025'),
      signingKey('ES256', 'key-ec'),
    ]);
    jwks = await startJwksServer([rsaOld, ec]);
    t = await startAuthTestApp(
      { NODE_ENV: 'production', AUTH_JWKS_URL: jwks.url, AUTH_ISSUER: ISSUER, AUTH_AUDIENCE: AUDIENCE, AUTH_FAILURES_PER_MINUTE: '1000' },
      // The test rotates keys faster than the 30 s a real deployment waits between fetches for an unknown kid.
      { adjust: (config) => ({ ...config, auth: { ...config.auth, jwksCooldownMs: 0 } }) },
    );
  });

  afterAll(async () => {
    await t?.close();
    await jwks?.close();
  });

  const meetings = (token: string) => t.http().get('/api/v1/auth-test/meetings').set('Authorization', `Bearer ${token}`);

  it('accepts an RS256 token and names the actor from sub, name and the known roles', async () => {
    const res = await meetings(await issueToken(rsaOld, TONY));
    expect(res.status).toBe(200);
    expect(res.body.actor).toEqual({ id: 'person-tony', name: 'Tony Fitzgerald', roles: ['officer', 'scrutiny'] });
  });

  it('accepts an ES256 token', async () => {
    expect((await meetings(await issueToken(ec, TONY))).status).toBe(200);
  });

  it('follows a key rotation: the new key is fetched on first sight, the withdrawn one is refused', async () => {
    const oldToken = await issueToken(rsaOld, TONY);
    expect((await meetings(oldToken)).status).toBe(200);
    jwks.serve([rsaNew, ec]);
    const fetchesBefore = jwks.fetches;
    expect((await meetings(await issueToken(rsaNew, TONY))).status).toBe(200);
    expect(jwks.fetches).toBe(fetchesBefore + 1);
    expectUnauthorized(await meetings(oldToken), 'unknown-signing-key');
    expect((await meetings(await issueToken(rsaNew, TONY))).status).toBe(200);
  });

  it('allows 30 s of clock skew on exp and nbf, and no more', async () => {
    expect((await meetings(await issueToken(rsaNew, TONY, { expiresIn: -20 }))).status).toBe(200);
    expect((await meetings(await issueToken(rsaNew, TONY, { notBeforeIn: 20 }))).status).toBe(200);
    expectUnauthorized(await meetings(await issueToken(rsaNew, TONY, { expiresIn: -45 })), 'token-expired');
    expectUnauthorized(await meetings(await issueToken(rsaNew, TONY, { notBeforeIn: 120 })), 'token-not-yet-valid');
  });

  it.each([
    ['wrong-audience', { audience: 'api://someone-else' }],
    ['wrong-issuer', { issuer: 'https://login.evil.example/v2.0' }],
    ['unknown-signing-key', { kid: 'no-such-key' }],
  ] as const)('refuses %s with 401', async (reason, options) => {
    expectUnauthorized(await meetings(await issueToken(rsaNew, TONY, options)), reason);
  });

  it('refuses alg: none', async () => {
    expectUnauthorized(await meetings(unsecuredToken(TONY)), 'algorithm-not-accepted');
  });

  it('refuses HS256 in production, even signed with a key the service knows', async () => {
    const now = Math.floor(Date.now() / 1000);
    const hs = await new SignJWT({ ...TONY })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setExpirationTime(now + 600)
      .sign(new TextEncoder().encode(JSON.stringify(rsaNew.publicJwk)));
    expectUnauthorized(await meetings(hs), 'algorithm-not-accepted');
  });

  it('refuses a tampered token', async () => {
    const token = await issueToken(rsaNew, { ...TONY, roles: ['officer'] });
    expectUnauthorized(await meetings(tampered(token, (claims) => ({ ...claims, roles: ['admin'] }))), 'bad-signature');
  });

  it.each([
    ['malformed-token', 'Bearer not.a.jwt'],
    ['malformed-authorization', 'Basic dXNlcjpwYXNz'],
    ['malformed-authorization', 'Bearer'],
  ])('refuses %s (%s)', async (reason, header) => {
    expectUnauthorized(await t.http().get('/api/v1/auth-test/meetings').set('Authorization', header), reason);
  });

  it('refuses a token without exp, saying so, and one without sub', async () => {
    const now = Math.floor(Date.now() / 1000);
    const noExp = await new SignJWT({ ...TONY })
      .setProtectedHeader({ alg: 'RS256', kid: rsaNew.kid })
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt(now)
      .sign(rsaNew.privateKey);
    const refused = await meetings(noExp);
    expectUnauthorized(refused, 'token-without-expiry');
    expect(refused.body.detail).toBe('The token has no expiry (exp): tokens that never expire are refused');
    expectUnauthorized(await meetings(await issueToken(rsaNew, { name: 'Nobody', roles: ['admin'] })), 'invalid-claims');
  });

  describe('maximum lifetime (AUTH_MAX_TOKEN_LIFETIME, 12 h by default)', () => {
    const HOUR = 3600;
    const signed = (claims: Record<string, number>) =>
      new SignJWT({ ...TONY, ...claims })
        .setProtectedHeader({ alg: 'RS256', kid: rsaNew.kid })
        .setIssuer(ISSUER)
        .setAudience(AUDIENCE)
        .sign(rsaNew.privateKey);

    it('accepts a token issued for exactly 12 h', async () => {
      expect((await meetings(await issueToken(rsaNew, TONY, { expiresIn: 12 * HOUR }))).status).toBe(200);
    });

    it('refuses one issued for longer (exp - iat), with a detail naming the setting', async () => {
      const refused = await meetings(await issueToken(rsaNew, TONY, { expiresIn: 12 * HOUR + 60 }));
      expectUnauthorized(refused, 'token-lifetime-too-long');
      expect(refused.body.detail).toContain('AUTH_MAX_TOKEN_LIFETIME');
    });

    it('refuses one without iat that stays valid for longer, and one whose iat is set in the future to look short-lived', async () => {
      const now = Math.floor(Date.now() / 1000);
      expectUnauthorized(await meetings(await signed({ exp: now + 13 * HOUR })), 'token-lifetime-too-long');
      expectUnauthorized(
        await meetings(await signed({ iat: now + 30 * 24 * HOUR, exp: now + 30 * 24 * HOUR + HOUR })),
        'token-lifetime-too-long',
      );
    });
  });

  it('answers 401 without a token, with a bare challenge, and ignores X-Actor', async () => {
    const res = await t
      .http()
      .get('/api/v1/auth-test/meetings')
      .set('X-Actor', JSON.stringify({ id: 'p1', roles: ['admin'] }));
    expectUnauthorized(res, 'missing-token');
    expect(res.headers['www-authenticate']).toBe('Bearer realm="actiontrail"');
    expect(res.body.detail).toBe('Send Authorization: Bearer <token>');
  });

  it('says why a token was refused in the challenge too', async () => {
    const res = await meetings(await issueToken(rsaNew, TONY, { expiresIn: -3600 }));
    expect(res.headers['www-authenticate']).toBe(
      'Bearer realm="actiontrail", error="invalid_token", error_description="The token has expired"',
    );
  });

  it('answers 503, not 401, while the key server fails, and recovers when it answers again', async () => {
    const unseen = await signingKey('RS256', 'key-2026');
    jwks.serve([rsaNew, unseen]);
    jwks.failWith(500);
    const res = await meetings(await issueToken(unseen, TONY));
    expect({ status: res.status, type: res.body.type, retryAfter: res.headers['retry-after'] }).toEqual({
      status: 503,
      type: 'https://actiontrail.dev/problems/authentication-unavailable',
      retryAfter: '5',
    });
    jwks.failWith(undefined);
    expect((await meetings(await issueToken(unseen, TONY))).status).toBe(200);
  });

  it('never writes a token to the log', async () => {
    const good = await issueToken(rsaNew, TONY);
    const bad = tampered(good, (claims) => ({ ...claims, sub: 'someone-else' }));
    await meetings(good);
    await meetings(bad);
    const signature = good.split('.')[2] as string;
    expect(t.logLines.length).toBeGreaterThan(0);
    expect(t.logLines.join('\n')).not.toContain(signature);
  });
});
