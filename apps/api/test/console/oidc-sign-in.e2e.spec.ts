import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import type { SqlEventStore } from '#event-store';
import { loadAppConfig } from '#runtime';
import { createApp } from '../../src/app.factory.js';
import { startFeatureApp } from '../features/support/feature-app.js';
import { openE2eStore } from '../support/e2e-store.js';
import { startTestProvider, type TestProvider } from '../../../../test/support/oidc-test-provider.js';
import { csrfOf, seedConsoleWorld, textOf, waitForReadModels, type ConsoleWorld } from './support/console-world.js';

const PUBLIC_BASE_URL = 'http://localhost:3000';
const OLIVIA_SUBJECT = '00000000-aaaa-4bbb-8ccc-0123456789ab';

/**
 * The production console signing in with a real OpenID Provider on loopback. The records are written first by
 * an app that accepts the test's HS256 tokens; the production app then serves the same store with OIDC only.
 */
describe('the web console signs in with OpenID Connect in production', () => {
  let store: SqlEventStore;
  let provider: TestProvider;
  let app: INestApplication;
  let w: ConsoleWorld & { oliviaId: string };

  const page = (path: string, cookie?: string) => {
    const req = request(app.getHttpServer()).get(path).set('Accept', 'text/html');
    return cookie ? req.set('Cookie', cookie) : req;
  };
  const cookieOf = (res: request.Response) => String(res.headers['set-cookie'] ?? '').split(';')[0] ?? '';

  /** /sign-in, then the provider as `account`: answers the browser's session cookie and where the provider sent it back. */
  const throughProvider = async (account: string, returnTo = '/') => {
    provider.signInAs(account);
    const start = await page(`/sign-in?returnTo=${encodeURIComponent(returnTo)}`);
    expect(start.status).toBe(303);
    const callback = await provider.authorize(start.headers.location as string);
    expect(`${callback.origin}${callback.pathname}`).toBe(`${PUBLIC_BASE_URL}/sign-in/callback`);
    return { cookie: cookieOf(start), callback: `${callback.pathname}${callback.search}` };
  };

  beforeAll(async () => {
    store = await openE2eStore();
    const seeding = await startFeatureApp({ store });
    const world = await seedConsoleWorld(seeding);
    const olivia = await seeding.http().post('/api/v1/people').send({ name: 'Olivia Okafor', identitySubject: OLIVIA_SUBJECT });
    const held = await seeding.http().post(`/api/v1/posts/${world.otherPostId}/holder`).send({ personId: olivia.body.id });
    expect([olivia.status, held.status]).toEqual([201, 200]);
    await waitForReadModels(seeding, held.body.position as number);
    w = { ...world, oliviaId: olivia.body.id as string };
    await seeding.app.close();

    provider = await startTestProvider(
      {
        [OLIVIA_SUBJECT]: { name: 'Olivia Okafor', roles: ['officer'] },
        'subject-nobody-registered': { name: 'Sam Stranger', roles: ['officer', 'admin'] },
      },
      PUBLIC_BASE_URL,
    );
    const config = loadAppConfig({
      NODE_ENV: 'production',
      LOG_LEVEL: 'error',
      AUTH_ISSUER: provider.issuer,
      AUTH_JWKS_URL: `${provider.issuer}/jwks`,
      AUTH_AUDIENCE: 'actiontrail-api',
      OIDC_CLIENT_ID: provider.clientId,
      OIDC_CLIENT_SECRET: provider.clientSecret,
      PUBLIC_BASE_URL,
    });
    app = await createApp({ config, store, logger: false });
  });
  afterAll(async () => {
    await app?.close();
    await provider?.close();
    await store?.close();
  });

  it('signs in through the provider and lands on My actions as the person registered with the subject, with the roles of the ID token', async () => {
    const { cookie, callback } = await throughProvider(OLIVIA_SUBJECT);
    const back = await page(callback, cookie);
    expect(back.status).toBe(303);
    expect(back.headers.location).toBe('/');
    const session = cookieOf(back);
    expect(String(back.headers['set-cookie'])).toMatch(/^actiontrail_session=[^;]+; Path=\/; HttpOnly; SameSite=Lax; Secure$/);
    expect(session).not.toBe(cookie);
    const home = await page('/', session);
    expect(home.status).toBe(200);
    const text = textOf(home.text);
    expect(text).toContain('Signed in as Olivia Okafor (officer)');
    expect(text).toContain('Review the exit interview process');
    expect(text).not.toContain('Collate final metrics');
  });

  it('returns to the console page the person first asked for', async () => {
    const first = await page(`/actions/${w.otherActionId}`);
    expect(first.headers.location).toBe(`/sign-in?returnTo=${encodeURIComponent(`/actions/${w.otherActionId}`)}`);
    const { cookie, callback } = await throughProvider(OLIVIA_SUBJECT, `/actions/${w.otherActionId}`);
    const back = await page(callback, cookie);
    expect(back.headers.location).toBe(`/actions/${w.otherActionId}`);
    expect((await page(`/actions/${w.otherActionId}`, cookieOf(back))).status).toBe(200);
  });

  it('refuses a callback with a state other than the one sent (400), and the code cannot then be used', async () => {
    const { cookie, callback } = await throughProvider(OLIVIA_SUBJECT);
    const forged = callback.replace(/([?&]state=)[^&]*/, '$1forged-state');
    const res = await page(forged, cookie);
    expect(res.status).toBe(400);
    expect(textOf(res.text)).toContain('Sign-in did not complete');
    expect(res.headers['set-cookie']).toBeUndefined();
    expect((await page(callback, cookie)).status).toBe(400);
    expect((await page('/', cookie)).status).toBe(303);
  });

  it('refuses a callback in a browser that did not start the sign-in', async () => {
    const { callback } = await throughProvider(OLIVIA_SUBJECT);
    const other = await page('/sign-in');
    const res = await page(callback, cookieOf(other));
    expect(res.status).toBe(400);
    expect((await page(callback)).status).toBe(400);
  });

  it('answers "You do not have an account" (403) for an identity nobody in the directory has, and signs nobody in', async () => {
    const { cookie, callback } = await throughProvider('subject-nobody-registered');
    const res = await page(callback, cookie);
    expect(res.status).toBe(403);
    expect(res.text).toContain('<title>You do not have an account – Actiontrail</title>');
    expect(textOf(res.text)).toContain('nobody in the Actiontrail directory has your identity');
    expect((await page('/', cookie)).status).toBe(303);
  });

  it('refuses the development sign-in form in production (404)', async () => {
    const res = await request(app.getHttpServer()).post('/sign-in').type('form').send({ personId: w.personId, roles: 'admin' });
    expect(res.status).toBe(404);
  });

  it("signs out: the session ends and the browser goes to the provider's end_session_endpoint, then /signed-out", async () => {
    const { cookie, callback } = await throughProvider(OLIVIA_SUBJECT);
    const session = cookieOf(await page(callback, cookie));
    const home = await page('/', session);
    const out = await request(app.getHttpServer())
      .post('/sign-out')
      .set('Cookie', session)
      .type('form')
      .send({ _csrf: csrfOf(home.text) });
    expect(out.status).toBe(303);
    const end = new URL(out.headers.location as string);
    expect(`${end.origin}${end.pathname}`).toBe(`${provider.issuer}/session/end`);
    expect(end.searchParams.get('post_logout_redirect_uri')).toBe(`${PUBLIC_BASE_URL}/signed-out`);
    expect(end.searchParams.get('id_token_hint')?.split('.')).toHaveLength(3);
    expect((await page('/', session)).status).toBe(303);
    const signedOut = await page('/signed-out');
    expect(signedOut.status).toBe(200);
    expect(textOf(signedOut.text)).toContain('You have signed out');
  });
});
