import type { Browser } from 'playwright-core';
import { startFeatureApp, type FeatureApp } from '../features/support/feature-app.js';
import { clickAndLoad, describeWithAndWithoutJavaScript, journeyPage, serveToChromium } from './support/browser-journey.js';
import { csrfOf, seedConsoleWorld, signIn, type ConsoleWorld } from './support/console-world.js';

const CORRECTED = 'That the Head of Human Resources be instructed to collate final metrics for Vacancy, Turnover and Agency Rates';
const ORIGINAL = 'That the Project Manager, Transformation & Technology be instructed to collate final metrics';

/** The monitoring officer's journey in Chromium, checked by axe-core on every page, with JavaScript on and off. */
describeWithAndWithoutJavaScript()("the monitoring officer's journey in a real browser, $label", ({ js }) => {
  let f: FeatureApp;
  let w: ConsoleWorld;
  let browser: Browser;
  /** A JavaScript-enabled context where axe checks the pages of the run without JavaScript. */
  let base: string;
  let beforeCorrection: Date;
  /** The instants just before and after the officer completed the metrics action. */
  let completedBetween: [number, number];

  beforeAll(async () => {
    f = await startFeatureApp();
    w = await seedConsoleWorld(f);
    const officer = await signIn(f, w.personId, ['officer']);
    const form = await officer.get(`/actions/${w.actionId}/complete`);
    const version = /name="version" value="(\d+)"/.exec(form.text)?.[1] ?? '';
    const completing = Date.now();
    await officer
      .post(`/actions/${w.actionId}/complete`)
      .type('form')
      .send({ _csrf: csrfOf(form.text), version, outcome: 'Final metrics collated and circulated' });
    completedBetween = [completing, Date.now()];
    await new Promise((resolve) => setTimeout(resolve, 1100));
    beforeCorrection = new Date(Math.floor(Date.now() / 1000) * 1000);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const corrected = await f
      .http()
      .post(`/api/v1/resolutions/${w.resolutionId}/corrections`)
      .send({
        parts: [
          { label: '(i)', text: 'That the Report (Ref: 7) be noted.', kind: 'noted' },
          { label: '(ii)', text: CORRECTED, kind: 'instructed' },
        ],
        reason: 'Part (ii) misnamed the officer',
      });
    if (corrected.status !== 200) throw new Error(`correcting answered ${corrected.status}`);
    await f
      .http()
      .get('/api/v1/people')
      .query({ minPosition: String(corrected.body.position) });
    ({ base, browser } = await serveToChromium(f.app));
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await f?.close();
  });

  it('finds who completed an action and when, sees a resolution as it stood before its correction, and verifies the log', async () => {
    const { page, check, close } = await journeyPage(browser, { base, js, prefix: 'monitoring' });

    await page.goto('/audit');
    expect(await page.title()).toBe('Sign in – Actiontrail');
    await check('sign-in');
    await page.getByLabel('Tony Fitzgerald').check();
    await page.getByLabel('Officer', { exact: true }).uncheck();
    await page.getByLabel('Monitoring', { exact: true }).check();
    await clickAndLoad(page, page.getByRole('button', { name: 'Sign in' }));

    expect(await page.title()).toBe('Audit log – Actiontrail');
    await check('audit-search');
    await page.getByLabel('Who').selectOption({ label: 'Tony Fitzgerald' });
    await page.getByLabel('Event type').fill('ActionCompleted');
    await clickAndLoad(page, page.getByRole('button', { name: 'Search' }));
    const rows = page.locator('[data-audit-results] tbody tr');
    expect(await rows.count()).toBe(1);
    const found = await rows.innerText();
    expect(found).toContain('Tony Fitzgerald');
    expect(found).toContain('Action completed');
    expect(found).toContain(`action-${w.actionId}`);
    // When: the "Happened" cell, to the second the officer completed it.
    const happened = Date.parse((await rows.locator('td').nth(2).locator('time').getAttribute('datetime')) ?? '');
    expect(happened).toBeGreaterThanOrEqual(completedBetween[0] - 1000);
    expect(happened).toBeLessThanOrEqual(completedBetween[1]);
    await check('audit-results');

    await page.goto(`/audit/streams/${w.resolutionId}`);
    expect(await page.title()).toBe(`History of resolution-${w.resolutionId} – Actiontrail`);
    await check('record-history');
    const uk = Object.fromEntries(
      new Intl.DateTimeFormat('en-GB', {
        timeZone: 'Europe/London',
        day: 'numeric',
        month: 'numeric',
        year: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
        hourCycle: 'h23',
      })
        .formatToParts(beforeCorrection)
        .map((p) => [p.type, p.value]),
    );
    await page.getByLabel('Day').fill(uk['day'] ?? '');
    await page.getByLabel('Month').fill(uk['month'] ?? '');
    await page.getByLabel('Year').fill(uk['year'] ?? '');
    await page.getByLabel('Time (UK)').fill(`${uk['hour']}:${uk['minute']}:${uk['second']}`);
    await clickAndLoad(page, page.getByRole('button', { name: 'Show the record' }));
    const asOf = await page.locator('[data-record-as-of]').innerText();
    expect(asOf).toContain(ORIGINAL);
    expect(asOf).not.toContain(CORRECTED);
    await check('record-as-of');

    await page.goto('/audit/verify');
    expect(await page.title()).toBe('Verify the audit log – Actiontrail');
    await check('verify');
    // With JavaScript the page shows the count of events checked as it runs; kept across the redirect to be read.
    if (js) {
      await page.locator('[data-verify-progress]').evaluate((status) => {
        const store = (globalThis as unknown as { sessionStorage: { setItem(k: string, v: string): void } }).sessionStorage;
        const Observer = (globalThis as unknown as { MutationObserver: new (f: () => void) => { observe(n: unknown, o: object): void } })
          .MutationObserver;
        new Observer(() => store.setItem('verify-progress', status.textContent ?? '')).observe(status, {
          childList: true,
          characterData: true,
        });
      });
    }
    await clickAndLoad(page, page.getByRole('button', { name: 'Verify the log' }));
    expect(page.url()).toBe(`${base}/audit/verify/result`);
    expect(await page.title()).toBe('The audit log is intact – Actiontrail');
    expect(await page.locator('main').innerText()).toMatch(/Events checked\s+\d+/);
    if (js) {
      const shown = await page.evaluate(() =>
        (globalThis as unknown as { sessionStorage: { getItem(k: string): string | null } }).sessionStorage.getItem('verify-progress'),
      );
      expect(shown).toMatch(/^Verifying: \d+ events checked$/);
    }
    await check('verify-result');
    await close();
  }, 300_000);
});
