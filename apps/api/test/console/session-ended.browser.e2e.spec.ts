import type { Browser } from 'playwright-core';
import { startFeatureApp, type FeatureApp } from '../features/support/feature-app.js';
import { clickAndLoad, describeWithAndWithoutJavaScript, journeyPage, serveToChromium } from './support/browser-journey.js';
import { seedConsoleWorld, type ConsoleWorld } from './support/console-world.js';

/**
 * Issue 14's bad input: a form sent after the session ended, or with a token that is not the session's, asks the
 * user to sign in again and returns them to the page they were on, in Chromium with JavaScript on and off.
 */
describeWithAndWithoutJavaScript()('an ended session or a failed CSRF check in a real browser, $label', ({ js }) => {
  let f: FeatureApp;
  let w: ConsoleWorld;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    f = await startFeatureApp();
    w = await seedConsoleWorld(f);
    ({ base, browser } = await serveToChromium(f.app));
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await f?.close();
  });

  it('asks to sign in again when the session ended while on the chase list, and returns to the chase list after', async () => {
    const { page, context, check, close } = await journeyPage(browser, { base, js, prefix: 'session-ended' });
    await page.goto('/sign-in?returnTo=%2Fchase-list');
    await check('sign-in');
    await page.getByLabel('Tony Fitzgerald').check();
    await page.getByLabel('Officer').uncheck();
    await page.getByLabel('Scrutiny').check();
    await clickAndLoad(page, page.getByRole('button', { name: 'Sign in' }));
    expect(await page.title()).toBe('Chase list – Actiontrail');
    await check('chase-list');

    // The same session signed out from another window: the server forgets it, as it does when it times out.
    const elsewhere = await browser.newContext({ baseURL: base });
    await elsewhere.addCookies(await context.cookies());
    const home = await (await elsewhere.request.get('/', { headers: { Accept: 'text/html' } })).text();
    const token = /name="_csrf" value="([^"]+)"/.exec(home)?.[1] ?? '';
    expect((await elsewhere.request.post('/sign-out', { form: { _csrf: token }, maxRedirects: 0 })).status()).toBe(303);
    await elsewhere.close();

    const card = page.locator(`[data-action-id="${w.actionId}"]`);
    await card.getByLabel(/Message to the owner/).fill('Please send the figures');
    await clickAndLoad(page, card.getByRole('button', { name: /^Chase/ }));
    expect(await page.title()).toBe('Sign in again to continue – Actiontrail');
    expect(await page.locator('main').innerText()).toContain('nothing was changed');
    await check('sign-in-again');

    await clickAndLoad(page, page.getByRole('link', { name: 'Sign in again' }));
    expect(await page.title()).toBe('Sign in – Actiontrail');
    await check('sign-in-to-return');
    await page.getByLabel('Tony Fitzgerald').check();
    await page.getByLabel('Officer').uncheck();
    await page.getByLabel('Scrutiny').check();
    await clickAndLoad(page, page.getByRole('button', { name: 'Sign in' }));
    expect(new URL(page.url()).pathname).toBe('/chase-list');
    expect(await page.title()).toBe('Chase list – Actiontrail');
    await check('back-on-the-chase-list');
    await close();

    const action = await f.http().get(`/api/v1/actions/${w.actionId}`);
    expect(action.body.chases ?? []).toEqual([]);
  }, 300_000);

  it('asks to sign in again when a form carries a token that is not the session’s, and returns to the form after', async () => {
    const { page, check, close } = await journeyPage(browser, { base, js, prefix: 'csrf-failed' });
    await page.goto('/sign-in');
    await check('sign-in');
    await page.getByLabel('Tony Fitzgerald').check();
    await clickAndLoad(page, page.getByRole('button', { name: 'Sign in' }));
    await check('my-actions');
    const before = await f.http().get(`/api/v1/actions/${w.actionId}`);

    await page.goto(`/actions/${w.actionId}/progress`);
    await check('progress-form');
    await page.getByLabel('Progress note').fill('Sent with a token from another session');
    await page.locator('main form input[name="_csrf"]').evaluate((input) => {
      (input as unknown as { value: string }).value = 'not-this-sessions-token';
    });
    await clickAndLoad(page, page.getByRole('button', { name: 'Report progress' }));
    expect(await page.title()).toBe('Sign in again to continue – Actiontrail');
    await check('sign-in-again');

    await clickAndLoad(page, page.getByRole('link', { name: 'Sign in again' }));
    await check('sign-in-to-return');
    await page.getByLabel('Tony Fitzgerald').check();
    await clickAndLoad(page, page.getByRole('button', { name: 'Sign in' }));
    expect(new URL(page.url()).pathname).toBe(`/actions/${w.actionId}/progress`);
    expect(await page.title()).toBe('Report progress – Actiontrail');
    await check('back-on-the-form');
    await close();

    const after = await f.http().get(`/api/v1/actions/${w.actionId}`);
    expect(after.body.version).toBe(before.body.version);
  }, 300_000);
});
