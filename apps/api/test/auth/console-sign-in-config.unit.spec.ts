import { ConfigError, loadAppConfig } from '#runtime';

const OIDC = { AUTH_JWKS_URL: 'https://login.example/keys', AUTH_ISSUER: 'https://login.example/v2.0', AUTH_AUDIENCE: 'api://actiontrail' };
const CLIENT = { OIDC_CLIENT_ID: 'actiontrail-console', PUBLIC_BASE_URL: 'https://actiontrail.example.org' };

function refusal(env: Record<string, string>): string {
  try {
    loadAppConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error(`loadAppConfig accepted ${JSON.stringify(env)}`);
}

describe("the console's OpenID Connect sign-in settings", () => {
  it('are absent when no OIDC_CLIENT_* or PUBLIC_BASE_URL is set', () => {
    expect(loadAppConfig({ ...OIDC }).consoleSignIn).toBeUndefined();
  });

  it('discover the provider at the first form of AUTH_ISSUER and keep the public origin without a trailing slash', () => {
    const config = loadAppConfig({
      ...OIDC,
      AUTH_ISSUER: 'https://login.example/v2.0,https://sts.example/',
      ...CLIENT,
      PUBLIC_BASE_URL: 'https://actiontrail.example.org/',
      OIDC_CLIENT_SECRET: 'shh',
    });
    expect(config.consoleSignIn).toEqual({
      issuer: 'https://login.example/v2.0',
      clientId: 'actiontrail-console',
      clientSecret: 'shh',
      publicBaseUrl: 'https://actiontrail.example.org',
    });
  });

  it('allow a public client (no secret)', () => {
    expect(loadAppConfig({ ...OIDC, ...CLIENT }).consoleSignIn?.clientSecret).toBeUndefined();
  });

  it('refuse partial settings, naming what is missing', () => {
    expect(refusal({ ...OIDC, OIDC_CLIENT_ID: 'c' })).toBe(
      "The console's OpenID Connect sign-in needs OIDC_CLIENT_ID, PUBLIC_BASE_URL together (OIDC_CLIENT_SECRET optional); missing: PUBLIC_BASE_URL",
    );
    expect(refusal({ ...OIDC, OIDC_CLIENT_SECRET: 's' })).toMatch(/missing: OIDC_CLIENT_ID, PUBLIC_BASE_URL$/);
  });

  it('leave the development sign-in on with PUBLIC_BASE_URL alone (the origin of links in emailed notices)', () => {
    expect(loadAppConfig({ PUBLIC_BASE_URL: 'http://localhost:3000' }).consoleSignIn).toBeUndefined();
  });

  it('refuse a client without the issuer that signs the API tokens', () => {
    expect(refusal({ ...CLIENT })).toMatch(/^OIDC_CLIENT_ID needs AUTH_ISSUER/);
  });

  it('refuse plain http off loopback and a public base URL with a path', () => {
    expect(refusal({ ...OIDC, ...CLIENT, PUBLIC_BASE_URL: 'http://actiontrail.example.org' })).toBe(
      'PUBLIC_BASE_URL must use https (plain http only on loopback); got "http://actiontrail.example.org"',
    );
    expect(refusal({ ...OIDC, ...CLIENT, PUBLIC_BASE_URL: 'https://x.example/console' })).toMatch(/^PUBLIC_BASE_URL must be an origin/);
    expect(loadAppConfig({ ...OIDC, ...CLIENT, PUBLIC_BASE_URL: 'http://localhost:3000' }).consoleSignIn?.publicBaseUrl).toBe(
      'http://localhost:3000',
    );
  });
});
