import { ConfigError, loadAppConfig } from '#runtime';

const OIDC = { AUTH_JWKS_URL: 'https://login.example/keys', AUTH_ISSUER: 'https://login.example/v2.0', AUTH_AUDIENCE: 'api://actiontrail' };
const SECRET = 'a-development-secret-of-32-characters-or-more';
const POSTGRES = { EVENT_STORE: 'postgres', DATABASE_URL: 'postgresql://db/at' };
const KURRENT = { EVENT_STORE: 'kurrentdb', KURRENTDB_URL: 'kurrentdb://k:2113?tls=false', DATABASE_URL: 'postgresql://db/at' };

function refusal(env: Record<string, string>): string {
  try {
    loadAppConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error(`loadAppConfig accepted ${JSON.stringify(env)}`);
}

describe('start-up refusal without token verification', () => {
  it('names every missing OIDC setting for EVENT_STORE=postgres', () => {
    expect(refusal({ ...POSTGRES })).toBe(
      'EVENT_STORE=postgres needs AUTH_JWKS_URL, AUTH_ISSUER, AUTH_AUDIENCE to verify tokens; missing: AUTH_JWKS_URL, AUTH_ISSUER, AUTH_AUDIENCE ' +
        '(outside production, AUTH_JWT_SECRET may be set instead)',
    );
  });

  it('names only what is missing, for kurrentdb too', () => {
    expect(refusal({ ...KURRENT, AUTH_JWKS_URL: OIDC.AUTH_JWKS_URL, AUTH_ISSUER: OIDC.AUTH_ISSUER })).toBe(
      'OIDC token verification needs AUTH_JWKS_URL, AUTH_ISSUER, AUTH_AUDIENCE together; missing: AUTH_AUDIENCE',
    );
    expect(refusal({ ...KURRENT })).toMatch(/^EVENT_STORE=kurrentdb needs .* missing: AUTH_JWKS_URL, AUTH_ISSUER, AUTH_AUDIENCE/);
  });

  it('accepts AUTH_JWT_SECRET instead only outside production', () => {
    expect(loadAppConfig({ ...POSTGRES, AUTH_JWT_SECRET: SECRET }).auth.jwtSecret).toBe(SECRET);
    expect(refusal({ ...POSTGRES, AUTH_JWT_SECRET: SECRET, NODE_ENV: 'production' })).toBe(
      'EVENT_STORE=postgres needs AUTH_JWKS_URL, AUTH_ISSUER, AUTH_AUDIENCE to verify tokens; missing: AUTH_JWKS_URL, AUTH_ISSUER, AUTH_AUDIENCE ' +
        '(HS256 secrets are refused in production)',
    );
  });

  it('refuses production on the embedded store without OIDC, since HS256 is refused there', () => {
    expect(refusal({ NODE_ENV: 'production' })).toBe(
      'NODE_ENV=production needs AUTH_JWKS_URL, AUTH_ISSUER, AUTH_AUDIENCE to verify tokens; missing: AUTH_JWKS_URL, AUTH_ISSUER, AUTH_AUDIENCE ' +
        '(HS256 secrets are refused in production)',
    );
  });

  it('starts with OIDC settings in production, on every store', () => {
    expect(loadAppConfig({ ...POSTGRES, ...OIDC, NODE_ENV: 'production' }).auth).toMatchObject({
      jwksUrl: OIDC.AUTH_JWKS_URL,
      jwtSecret: undefined,
    });
    expect(loadAppConfig({ ...KURRENT, ...OIDC, NODE_ENV: 'production' }).auth.issuer).toBe(OIDC.AUTH_ISSUER);
  });

  it('needs no token settings in a process without an HTTP API (the projector)', () => {
    expect(loadAppConfig({ ...POSTGRES, NODE_ENV: 'production' }, { servesHttp: false }).eventStore).toBe('postgres');
  });

  it.each([
    [{ AUTH_JWT_SECRET: 'short' }, 'AUTH_JWT_SECRET must be at least 32 characters; got 5'],
    [
      { ...OIDC, AUTH_JWKS_URL: 'http://login.example/keys' },
      'AUTH_JWKS_URL must use https (plain http only on loopback); got "http://login.example/keys"',
    ],
    [{ ...OIDC, AUTH_JWKS_URL: 'not a url' }, 'AUTH_JWKS_URL must be a URL; got "not a url"'],
    [{ AUTH_DEV_ACTOR_HEADER: 'true' }, 'AUTH_DEV_ACTOR_HEADER was removed: send a bearer token (mint one with npm run token); unset it'],
    [{ AUTH_ENFORCE_ROLES: 'false' }, 'AUTH_ENFORCE_ROLES was removed: tokens and roles are always checked; unset it'],
    [{ AUTH_FAILURES_PER_MINUTE: '0' }, 'AUTH_FAILURES_PER_MINUTE must be a positive integer; got "0"'],
  ])('refuses %j', (env, message) => {
    expect(refusal(env)).toBe(message);
  });

  it('allows plain http for a key server on loopback', () => {
    expect(loadAppConfig({ ...OIDC, AUTH_JWKS_URL: 'http://127.0.0.1:8080/keys' }).auth.jwksUrl).toBe('http://127.0.0.1:8080/keys');
  });
});

describe('the removed phase-1 switches and HTTP settings', () => {
  it('has no switch left to turn checks off; the old settings are accepted only when they ask for what now always happens', () => {
    expect(loadAppConfig({ NODE_ENV: 'test' }).auth).toEqual({
      jwtSecret: undefined,
      jwksUrl: undefined,
      issuer: undefined,
      audience: undefined,
      failuresPerMinute: 20,
      jwksCooldownMs: 30_000,
      maxTokenLifetimeSeconds: 12 * 3600,
      personClaim: 'sub',
    });
    expect(loadAppConfig({ AUTH_ENFORCE_ROLES: 'true', AUTH_DEV_ACTOR_HEADER: 'false' }).auth.failuresPerMinute).toBe(20);
  });

  it('reads CORS_ORIGINS and TRUST_PROXY', () => {
    expect(loadAppConfig({}).corsOrigins).toEqual([]);
    expect(loadAppConfig({}).trustProxy).toBe(false);
    expect(loadAppConfig({ CORS_ORIGINS: 'https://a.example, https://b.example' }).corsOrigins).toEqual([
      'https://a.example',
      'https://b.example',
    ]);
    expect(loadAppConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadAppConfig({ TRUST_PROXY: 'loopback, 10.0.0.0/8' }).trustProxy).toBe('loopback, 10.0.0.0/8');
  });

  it.each(['true', 'TRUE', 'yes', 'on', 'all', '*'])('refuses TRUST_PROXY=%s, which would let any client name its own address', (value) => {
    expect(refusal({ TRUST_PROXY: value })).toBe(
      `TRUST_PROXY=${value} would trust an X-Forwarded-For any client can forge; give the number of proxy hops in front of the api (e.g. 1) or their addresses (e.g. loopback, 10.0.0.0/8)`,
    );
  });
});

describe('HS256 beside OIDC', () => {
  it('refuses AUTH_JWT_SECRET together with the OIDC settings, in development as in production', () => {
    for (const nodeEnv of ['development', 'test', 'production']) {
      expect(refusal({ ...OIDC, AUTH_JWT_SECRET: SECRET, NODE_ENV: nodeEnv })).toBe(
        'AUTH_JWT_SECRET must not be set with AUTH_JWKS_URL, AUTH_ISSUER, AUTH_AUDIENCE: HS256 tokens are refused whenever OIDC is configured; unset it',
      );
    }
  });

  it('refuses the secret the compose file once shipped as its default', () => {
    expect(refusal({ AUTH_JWT_SECRET: 'actiontrail-compose-development-secret-change-me' })).toMatch(
      /^AUTH_JWT_SECRET is a published example value/,
    );
  });
});

describe('token lifetime and the person claim', () => {
  it('caps token lifetime at 12 h unless AUTH_MAX_TOKEN_LIFETIME says otherwise, as seconds or a span', () => {
    expect(loadAppConfig({}).auth.maxTokenLifetimeSeconds).toBe(43_200);
    expect(loadAppConfig({ AUTH_MAX_TOKEN_LIFETIME: '90m' }).auth.maxTokenLifetimeSeconds).toBe(5_400);
    expect(loadAppConfig({ AUTH_MAX_TOKEN_LIFETIME: '3600' }).auth.maxTokenLifetimeSeconds).toBe(3_600);
    expect(loadAppConfig({ AUTH_MAX_TOKEN_LIFETIME: '1d' }).auth.maxTokenLifetimeSeconds).toBe(86_400);
  });

  it.each(['25h', '2d', '30s', 'forever', '0'])('refuses AUTH_MAX_TOKEN_LIFETIME=%s (from 1m to 24h)', (value) => {
    expect(refusal({ AUTH_MAX_TOKEN_LIFETIME: value })).toBe(
      `AUTH_MAX_TOKEN_LIFETIME must be a time span from 1m to 24h (seconds, or 90m, 12h, 1d); got "${value}"`,
    );
  });

  it('reads AUTH_PERSON_CLAIM (sub by default) and refuses what cannot be a claim name', () => {
    expect(loadAppConfig({ AUTH_PERSON_CLAIM: 'oid' }).auth.personClaim).toBe('oid');
    expect(refusal({ AUTH_PERSON_CLAIM: 'o id' })).toBe('AUTH_PERSON_CLAIM must be a claim name such as sub or oid; got "o id"');
  });
});
