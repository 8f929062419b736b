import type { Browser } from 'playwright-core';
import { startFeatureApp, type FeatureApp } from '../features/support/feature-app.js';
import { clickAndLoad, describeWithAndWithoutJavaScript, journeyPage, serveToChromium } from './support/browser-journey.js';
import { seedConsoleWorld, type ConsoleWorld } from './support/console-world.js';

const ACTION_TITLE = 'A1: Collate final metrics for Vacancy, Turnover and Agency Rates – Actiontrail';

/**
 * Issue 14, journeys 1 and 4: the officer holding the Project Manager post records the figures the 16 January 2017
 * minutes asked for, reports progress with a RAG and completes the action, in Chromium with JavaScript on and off,
 * checked by axe-core on every page.
 */
describeWithAndWithoutJavaScript()('the officer journey in a real browser, $label', ({ js }) => {
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

  it('signs in, records the vacancy, turnover and agency rates, reports progress with a RAG and completes the action', async () => {
    const { page, check, close } = await journeyPage(browser, { base, js, prefix: 'officer' });
    const main = () => page.locator('main').innerText();

    await page.goto('/');
    expect(await page.title()).toBe('Sign in – Actiontrail');
    await check('sign-in');
    await page.getByLabel('Tony Fitzgerald').check();
    await clickAndLoad(page, page.getByRole('button', { name: 'Sign in' }));

    expect(await page.title()).toBe('My actions – Actiontrail');
    expect(await main()).toContain('Collate final metrics for Vacancy, Turnover and Agency Rates');
    expect(await page.locator('[data-signed-in]').innerText()).toContain('Signed in as Tony Fitzgerald (officer)');
    await check('my-actions');
    await clickAndLoad(page, page.getByRole('link', { name: 'A1' }));

    expect(await page.title()).toBe(ACTION_TITLE);
    expect(await main()).toContain('This action asks for: Vacancy rate, turnover rate and agency rate.');
    expect(await main()).toContain('No figures recorded yet.');
    await check('action');
    await clickAndLoad(page, page.getByRole('button', { name: 'Record the figures' }));

    expect(await page.title()).toBe('Record the figures – Actiontrail');
    await check('figures-form');
    await page.getByLabel('Who or what the figures are for').fill('Adult Social Care social workers');
    await page.getByLabel('Day').fill('31');
    await page.getByLabel('Month').fill('12');
    await page.getByLabel('Year').fill('2016');
    await page.getByLabel('Where the figures come from').fill('HR extract, December 2016');
    await page.getByLabel('Vacancy rate').fill('24.5');
    await page.getByLabel('Turnover rate').fill('17');
    await page.getByLabel('Agency rate').fill('twelve');
    await clickAndLoad(page, page.getByRole('button', { name: 'Record the figures' }));

    expect(await page.title()).toBe('Error: Record the figures – Actiontrail');
    expect(await page.locator('.govuk-error-summary').innerText()).toContain('The agency rate must be a number, like 12.5');
    expect(await page.getByLabel('Vacancy rate').inputValue()).toBe('24.5');
    expect(await page.getByLabel('Agency rate').inputValue()).toBe('twelve');
    await check('figures-form-error');
    await page.getByLabel('Agency rate').fill('12.3');
    await clickAndLoad(page, page.getByRole('button', { name: 'Record the figures' }));

    expect(await page.title()).toBe(ACTION_TITLE);
    expect(await main()).toContain('Figures recorded');
    const figures = await page.locator('[data-figures]').innerText();
    expect(figures).toContain('Adult Social Care social workers, as at 31 December 2016');
    expect(figures).toMatch(/Vacancy rate\s+24\.5%/);
    expect(figures).toMatch(/Turnover rate\s+17%/);
    expect(figures).toMatch(/Agency rate\s+12\.3%/);
    await check('action-with-figures');
    await clickAndLoad(page, page.getByRole('button', { name: 'Report progress' }));

    expect(await page.title()).toBe('Report progress – Actiontrail');
    await check('progress-form');
    await page.getByRole('radio', { name: /Amber/ }).check();
    await clickAndLoad(page, page.getByRole('button', { name: 'Report progress' }));
    expect(await page.title()).toBe('Error: Report progress – Actiontrail');
    expect(await page.locator('.govuk-error-summary').innerText()).toContain('Enter a progress note');
    expect(await page.getByRole('radio', { name: /Amber/ }).isChecked()).toBe(true);
    await check('progress-form-error');
    await page.getByLabel('Progress note').fill('Vacancy, turnover and agency rates recorded; baseline to be confirmed with HR');
    await clickAndLoad(page, page.getByRole('button', { name: 'Report progress' }));

    expect(await page.title()).toBe(ACTION_TITLE);
    expect(await main()).toContain('Progress reported');
    expect(await main()).toContain('(Amber): Vacancy, turnover and agency rates recorded; baseline to be confirmed with HR');
    await check('action-after-progress');
    await clickAndLoad(page, page.getByRole('button', { name: 'Mark as complete' }));

    expect(await page.title()).toBe('Mark as complete – Actiontrail');
    await check('complete-form');
    await page.getByLabel('Outcome').fill('Final metrics for vacancy, turnover and agency rates sent to the February meeting');
    await clickAndLoad(page, page.getByRole('button', { name: 'Mark as complete' }));

    expect(await page.title()).toBe(ACTION_TITLE);
    expect(await main()).toContain('Completed, awaiting sign-off');
    await check('action-completed');

    await page.goto('/nowhere');
    expect(await page.title()).toBe('Page not found – Actiontrail');
    await check('not-found');
    await clickAndLoad(page, page.getByRole('button', { name: 'Sign out' }));
    expect(await page.title()).toBe('Sign in – Actiontrail');
    await check('signed-out');
    await close();

    const action = await f.http().get(`/api/v1/actions/${w.actionId}`);
    expect(action.body).toMatchObject({ status: 'completed', rag: 'amber' });
    const series = await f.http().get('/api/v1/metrics/agency-rate/series');
    expect(series.body).toEqual([
      expect.objectContaining({
        subject: 'Adult Social Care social workers',
        asOf: '2016-12-31',
        value: 12.3,
        unit: '%',
        actionId: w.actionId,
      }),
    ]);
  }, 300_000);
});
