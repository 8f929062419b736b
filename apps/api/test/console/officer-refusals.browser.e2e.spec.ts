import type { Browser, Page } from 'playwright-core';
import { startFeatureApp, type FeatureApp } from '../features/support/feature-app.js';
import { clickAndLoad, describeInBrowser, journeyPage, serveToChromium } from './support/browser-journey.js';
import { seedDemoMinutes, type DemoMinutesWorld } from './support/demo-minutes.js';

async function signInAs(page: Page, check: (name: string) => Promise<void>, name: string): Promise<void> {
  await page.goto('/sign-in');
  await check('sign-in');
  await page.getByLabel(name).check();
  await clickAndLoad(page, page.getByRole('button', { name: 'Sign in' }));
  expect(await page.title()).toBe('My actions – Actiontrail');
  await check('my-actions');
}

/** Issue 14, journey 5: an officer trying another post's action, and a form sent with every field wrong. */
describeInBrowser()('an officer refused in a real browser', () => {
  let f: FeatureApp;
  let w: DemoMinutesWorld;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    f = await startFeatureApp();
    w = await seedDemoMinutes(f);
    ({ base, browser } = await serveToChromium(f.app));
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await f?.close();
  });

  it("lets an officer read another post's action but refuses its forms with the 403 page", async () => {
    const { page, check, close } = await journeyPage(browser, { base, js: true, prefix: 'refusals-other-post' });
    await signInAs(page, check, 'Farah Ismail');
    expect(await page.locator('main').innerText()).toContain('Submit the final consultation report to the February meeting');
    expect(await page.locator('main').innerText()).not.toContain('Collate final metrics');

    await page.goto(`/actions/${w.actionId}`);
    expect(await page.title()).toBe('A1: Collate final metrics for Vacancy, Turnover and Agency Rates – Actiontrail');
    expect(await page.getByRole('button', { name: 'Record the figures' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Report progress' }).count()).toBe(0);
    await check('other-post-action');

    for (const [form, title] of [
      ['figures', 'You cannot record the figures for this action'],
      ['progress', 'You cannot report progress on this action'],
      ['complete', 'You cannot complete this action'],
    ] as const) {
      const response = await page.goto(`/actions/${w.actionId}/${form}`);
      expect({ form, status: response?.status(), title: await page.title() }).toEqual({
        form,
        status: 403,
        title: `${title} – Actiontrail`,
      });
      expect(await page.locator('h1').innerText()).toBe(title);
      expect(await page.locator('form[action$="/figures"], textarea').count()).toBe(0);
      await check(`forbidden-${form}`);
    }
    await close();

    const series = await f.http().get('/api/v1/metrics/vacancy-rate/series');
    expect(series.body).toEqual([]);
  }, 300_000);

  it('answers a figures form with every field wrong with the error summary, inline errors and what was typed', async () => {
    const { page, check, close } = await journeyPage(browser, { base, js: true, prefix: 'refusals-every-field-wrong' });
    await signInAs(page, check, 'Tony Fitzgerald');
    await page.goto(`/actions/${w.actionId}/figures`);
    expect(await page.title()).toBe('Record the figures – Actiontrail');
    await check('figures-form');
    await page.getByLabel('Day').fill('31');
    await page.getByLabel('Month').fill('2');
    await page.getByLabel('Year').fill('2017');
    await page.getByLabel('Vacancy rate').fill('about a quarter');
    await page.getByLabel('Agency rate').fill('1.2.3');
    const sent = await Promise.all([
      page.waitForEvent('response', (r) => r.request().method() === 'POST'),
      clickAndLoad(page, page.getByRole('button', { name: 'Record the figures' })),
    ]);
    expect(sent[0].status()).toBe(400);

    expect(await page.title()).toBe('Error: Record the figures – Actiontrail');
    const summary = page.locator('.govuk-error-summary');
    const links = await summary.locator('a').evaluateAll((anchors) => anchors.map((a) => [a.textContent?.trim(), a.getAttribute('href')]));
    expect(links).toEqual([
      ['Enter who or what the figures are for', '#subject'],
      ['The date the figures stand for must be a real date, like 31 12 2016', '#asOfDay'],
      ['Enter where the figures come from', '#source'],
      ['The vacancy rate must be a number, like 12.5', '#metric-vacancy-rate'],
      ['Enter the turnover rate', '#metric-turnover-rate'],
      ['The agency rate must be a number, like 12.5', '#metric-agency-rate'],
    ]);
    const inline = await page.locator('.govuk-error-message').allInnerTexts();
    expect(inline.map((text) => text.replace(/^Error:\s*/, ''))).toEqual(links.map(([text]) => text));
    // govuk-frontend moves focus to the summary, so a screen reader hears the problems first.
    expect(await page.locator(':focus').getAttribute('class')).toContain('govuk-error-summary');
    expect(await page.getByLabel('Day').inputValue()).toBe('31');
    expect(await page.getByLabel('Month').inputValue()).toBe('2');
    expect(await page.getByLabel('Vacancy rate').inputValue()).toBe('about a quarter');
    expect(await page.getByLabel('Agency rate').inputValue()).toBe('1.2.3');
    await check('figures-every-field-wrong');

    await summary.getByRole('link', { name: 'The agency rate must be a number, like 12.5' }).click();
    expect(await page.locator(':focus').getAttribute('id')).toBe('metric-agency-rate');
    await close();

    const series = await f.http().get('/api/v1/metrics/vacancy-rate/series');
    expect(series.body).toEqual([]);
  }, 300_000);
});
