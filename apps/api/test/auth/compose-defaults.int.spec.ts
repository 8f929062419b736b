import { readFile } from 'node:fs/promises';
import { loadAppConfig } from '#runtime';

const COMPOSE = new URL('../../../../infra/docker-compose.yml', import.meta.url);

/** The compose file is what people start first: it must not hand out admin tokens to whoever reaches a port. */
describe('infra/docker-compose.yml defaults', () => {
  let text: string;

  beforeAll(async () => {
    text = await readFile(COMPOSE, 'utf8');
  });

  it('gives AUTH_JWT_SECRET no default, so the api (postgres store, no OIDC) refuses to start until the operator sets one', () => {
    expect(text).toMatch(/^\s+AUTH_JWT_SECRET: \$\{AUTH_JWT_SECRET:-\}$/m);
    expect(() =>
      loadAppConfig({ EVENT_STORE: 'postgres', DATABASE_URL: 'postgresql://actiontrail@postgres/actiontrail', NODE_ENV: 'development' }),
    ).toThrow(/^EVENT_STORE=postgres needs AUTH_JWKS_URL, AUTH_ISSUER, AUTH_AUDIENCE to verify tokens/);
  });

  it('publishes every port on 127.0.0.1 unless the operator says otherwise', () => {
    const published = [...text.matchAll(/^\s+- ["']([^"']+)["']$/gm)].map((match) => match[1] ?? '').filter((port) => /:\d+$/.test(port));
    expect(published.length).toBeGreaterThanOrEqual(4);
    for (const port of published) expect(port).toMatch(/^\$\{[A-Z]+_BIND:-127\.0\.0\.1\}:/);
  });
});
