import type { Browser } from 'playwright-core';
import { startFeatureApp, type FeatureApp } from '../features/support/feature-app.js';
import { clickAndLoad, describeWithAndWithoutJavaScript, journeyPage, serveToChromium } from './support/browser-journey.js';
import { seedConsoleWorld } from './support/console-world.js';

/**
 * Issue 16: the officer opens their account from the header, turns the reminder emails off and makes a calendar
 * feed address, in Chromium with JavaScript on and off, checked by axe-core on every page.
 */
describeWithAndWithoutJavaScript()('the account journey in a real browser, $label', ({ js }) => {
  let f: FeatureApp;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    f = await startFeatureApp();
    await seedConsoleWorld(f);
    ({ base, browser } = await serveToChromium(f.app));
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await f?.close();
  });

  it('opens Your account from the header, turns reminders off and makes a calendar feed address shown once', async () => {
    const { page, check, close } = await journeyPage(browser, { base, js, prefix: 'account' });
    const main = () => page.locator('main').innerText();

    await page.goto('/sign-in');
    await check('sign-in');
    await page.getByLabel('Tony Fitzgerald').check();
    await clickAndLoad(page, page.getByRole('button', { name: 'Sign in' }));
    await check('my-actions');
    await clickAndLoad(page, page.getByRole('link', { name: 'Your account' }));

    expect(await page.title()).toBe('Your account – Actiontrail');
    expect(await main()).toContain('Project Manager, Transformation & Technology');
    expect(await page.getByLabel('Reminders').isChecked()).toBe(true);
    await check('account');

    await page.getByLabel('Reminders').uncheck();
    await clickAndLoad(page, page.getByRole('button', { name: 'Save email preferences' }));
    expect(await page.locator('.govuk-notification-banner').innerText()).toContain('Your email preferences have been saved');
    expect(await page.getByLabel('Reminders').isChecked()).toBe(false);
    expect(await page.getByLabel('Weekly digest').isChecked()).toBe(true);
    await check('account-saved');

    await clickAndLoad(page, page.getByRole('button', { name: 'Make a calendar feed address' }));
    const url = await page.getByLabel('Your calendar feed address').inputValue();
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/v1\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    await check('account-feed');
    await page.reload();
    expect(await page.getByLabel('Your calendar feed address').count()).toBe(0);
    expect(await main()).toContain('You have a calendar feed');
    await check('account-reloaded');
    await close();
  }, 300_000);
});
