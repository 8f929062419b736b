import type request from 'supertest';
import { startFeatureApp, type FeatureApp } from '../features/support/feature-app.js';
import { csrfOf, seedConsoleWorld, signIn, textOf, type ConsoleWorld } from './support/console-world.js';

type Agent = ReturnType<typeof request.agent>;

const VERSION = /name="version" value="(\d+)"/;

/** The account page of the web console: who you are, your posts, your email preferences and your calendar feed. */
describe('the account page of the web console', () => {
  let f: FeatureApp;
  let w: ConsoleWorld;
  let tony: Agent;

  const preferencesOverApi = async () =>
    (await f.http().get(`/api/v1/people/${w.personId}/notification-preferences`)).body as { reminders: boolean; weeklyDigest: boolean };
  const checked = (html: string, value: string) => new RegExp(`value="${value}"[^>]*checked`).test(html);

  beforeAll(async () => {
    f = await startFeatureApp();
    w = await seedConsoleWorld(f);
    tony = await signIn(f, w.personId, ['officer']);
  });
  afterAll(() => f.close());

  it('is linked from the header of every page for whoever is signed in', async () => {
    const member = await signIn(f, w.personId, ['member']);
    for (const agent of [tony, member]) {
      expect((await agent.get('/decisions')).text).toContain('href="/account"');
    }
  });

  it('shows who you are, the posts you hold, and both emails ticked until you choose, saying chases always go', async () => {
    const res = await tony.get('/account');
    expect(res.status).toBe(200);
    const text = textOf(res.text);
    expect(text).toContain('Tony Fitzgerald');
    expect(text).toContain('Project Manager, Transformation & Technology');
    expect(text).toContain('Chases and escalations from scrutiny staff are always sent');
    expect([checked(res.text, 'reminders'), checked(res.text, 'weeklyDigest')]).toEqual([true, true]);
  });

  it('saves the preferences with Post/Redirect/Get and a success banner, and the API reads them back', async () => {
    const page = await tony.get('/account');
    const sent = await tony
      .post('/account/email-preferences')
      .type('form')
      .send(`_csrf=${encodeURIComponent(csrfOf(page.text))}&version=${VERSION.exec(page.text)?.[1]}&preferences=weeklyDigest`);
    expect({ status: sent.status, location: sent.headers.location }).toEqual({ status: 303, location: '/account' });
    const after = await tony.get('/account');
    expect(after.text).toContain('govuk-notification-banner--success');
    expect(textOf(after.text)).toContain('Your email preferences have been saved');
    expect([checked(after.text, 'reminders'), checked(after.text, 'weeklyDigest')]).toEqual([false, true]);
    expect(await preferencesOverApi()).toMatchObject({ reminders: false, weeklyDigest: true });
  });

  it('refuses a form without its CSRF token, changing nothing', async () => {
    const before = await preferencesOverApi();
    const res = await tony
      .post('/account/email-preferences')
      .type('form')
      .send({ version: '1', preferences: ['reminders', 'weeklyDigest'] });
    expect(res.status).toBe(403);
    expect(await preferencesOverApi()).toEqual(before);
  });

  it('answers a form from an out-of-date page with the error summary, keeping what was ticked', async () => {
    const page = await tony.get('/account');
    const res = await tony
      .post('/account/email-preferences')
      .type('form')
      .send(`_csrf=${encodeURIComponent(csrfOf(page.text))}&version=1&preferences=reminders`);
    expect(res.status).toBe(409);
    expect(res.text).toContain('govuk-error-summary');
    expect([checked(res.text, 'reminders'), checked(res.text, 'weeklyDigest')]).toEqual([true, false]);
  });

  it('makes a calendar feed address, shows it once, and the address serves the feed; turned off, it is 404', async () => {
    const page = await tony.get('/account');
    const made = await tony
      .post('/account/calendar-feed')
      .type('form')
      .send({ _csrf: csrfOf(page.text) });
    expect({ status: made.status, location: made.headers.location }).toEqual({ status: 303, location: '/account' });
    const shown = await tony.get('/account');
    const url = /id="feed-url"[^>]*value="([^"]+)"/.exec(shown.text)?.[1];
    expect(url).toMatch(/\/api\/v1\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    expect(shown.text).toMatch(/href="webcal:\/\/[^"]+\.ics"/);
    expect((await tony.get('/account')).text).not.toContain(url as string);
    const feed = await f.anonymous().get(new URL(url as string).pathname);
    expect(feed.status).toBe(200);
    expect(feed.text).toContain(`UID:action-${w.actionId}@actiontrail`);

    const revokePage = await tony.get('/account');
    const revoked = await tony
      .post('/account/calendar-feed/revoke')
      .type('form')
      .send({ _csrf: csrfOf(revokePage.text) });
    expect(revoked.status).toBe(303);
    expect(textOf((await tony.get('/account')).text)).toContain('Your calendar feed has been turned off');
    expect((await f.anonymous().get(new URL(url as string).pathname)).status).toBe(404);
  });

  it('sends someone signed out to sign in', async () => {
    const res = await f.anonymous().get('/account').set('Accept', 'text/html');
    expect({ status: res.status, location: res.headers.location }).toEqual({ status: 303, location: '/sign-in?returnTo=%2Faccount' });
  });
});
