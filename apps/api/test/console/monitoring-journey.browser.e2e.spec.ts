import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import playwright, { type Browser, type BrowserContext, type Locator, type Page, type Response } from 'playwright-core';
import { startFeatureApp, type FeatureApp } from '../features/support/feature-app.js';
import { csrfOf, seedConsoleWorld, signIn, type ConsoleWorld } from './support/console-world.js';

const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const SCREENSHOTS = path.resolve('test-output/console');
const CORRECTED = 'That the Head of Human Resources be instructed to collate final metrics for Vacancy, Turnover and Agency Rates';
const ORIGINAL = 'That the Project Manager, Transformation & Technology be instructed to collate final metrics';
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  readonly id: string;
  readonly help: string;
  readonly nodes: readonly { readonly target: readonly string[] }[];
}

/** Clicks a link or button and waits until the page it leads to (after any redirect) has loaded. */
async function clickAndLoad(page: Page, target: Locator): Promise<void> {
  await Promise.all([page.waitForEvent('load'), target.click()]);
}

const haveChromium = existsSync(CHROMIUM);
if (!haveChromium) {
  if (process.env['REQUIRE_BROWSER'] === '1')
    throw new Error(`The console's browser journeys need Chromium at ${CHROMIUM} (REQUIRE_BROWSER=1)`);
  console.warn(
    `\n*** SKIPPED: the console's browser journeys need Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH). ***\n`,
  );
}

/** The monitoring officer's journey in Chromium, checked by axe-core on every page, with JavaScript on and off. */
(haveChromium ? describe : describe.skip).each([
  { js: true, label: 'with JavaScript' },
  { js: false, label: 'without JavaScript' },
])("the monitoring officer's journey in a real browser, $label", ({ js }) => {
  let f: FeatureApp;
  let w: ConsoleWorld;
  let browser: Browser;
  /** A JavaScript-enabled context where axe checks the pages of the run without JavaScript. */
  let checker: BrowserContext;
  let base: string;
  let shot = 0;
  let beforeCorrection: Date;

  beforeAll(async () => {
    f = await startFeatureApp();
    w = await seedConsoleWorld(f);
    const officer = await signIn(f, w.personId, ['officer']);
    const form = await officer.get(`/actions/${w.actionId}/complete`);
    const version = /name="version" value="(\d+)"/.exec(form.text)?.[1] ?? '';
    await officer
      .post(`/actions/${w.actionId}/complete`)
      .type('form')
      .send({ _csrf: csrfOf(form.text), version, outcome: 'Final metrics collated and circulated' });
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
    await f.app.listen(0, '127.0.0.1');
    base = (await f.app.getUrl()).replace('[::1]', '127.0.0.1');
    browser = await playwright.chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
    checker = await browser.newContext();
    mkdirSync(SCREENSHOTS, { recursive: true });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await f?.close();
  });

  /**
   * Every page: no axe violation, no console error (a CSP refusal included), and a screenshot in test-output/.
   * Without JavaScript the page cannot run axe, so axe runs on the same HTML (its scripts removed) in a page that can.
   */
  async function check(page: Page, name: string, consoleErrors: string[], documentHtml: () => Promise<string>): Promise<void> {
    let target = page;
    if (!js) {
      const html = (await documentHtml()).replace(/<script\b[\s\S]*?<\/script>/g, '');
      target = await checker.newPage();
      await target.route(`${base}/axe-check`, (route) => route.fulfill({ contentType: 'text/html', body: html }));
      await target.goto(`${base}/axe-check`);
    }
    await target.evaluate(AXE_SOURCE);
    const violations = await target.evaluate(async () => {
      const axe = (globalThis as unknown as { axe: { run: () => Promise<{ violations: AxeViolation[] }> } }).axe;
      return (await axe.run()).violations.map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) }));
    });
    if (target !== page) await target.close();
    expect({ page: name, violations }).toEqual({ page: name, violations: [] });
    expect({ page: name, consoleErrors }).toEqual({ page: name, consoleErrors: [] });
    shot += 1;
    await page.screenshot({
      path: path.join(SCREENSHOTS, `monitoring-${js ? 'js' : 'no-js'}-${String(shot).padStart(2, '0')}-${name}.png`),
      fullPage: true,
    });
  }

  it('finds who completed an action and when, sees a resolution as it stood before its correction, and verifies the log', async () => {
    const context = await browser.newContext({ javaScriptEnabled: js, baseURL: base });
    const page = await context.newPage();
    const consoleErrors: string[] = [];
    page.on('console', (message) => {
      // The page's own status (400 for a form with errors, 403, 404) is reported as a failed load: not a fault.
      const ownStatus = message.text().startsWith('Failed to load resource') && message.location().url === page.url();
      if (message.type() === 'error' && !ownStatus) consoleErrors.push(`${message.text()} (${message.location().url})`);
    });
    page.on('pageerror', (error) => consoleErrors.push(error.message));
    page.setDefaultTimeout(20_000);
    let lastDocument: Response | undefined;
    page.on('response', (response) => {
      if (response.request().resourceType() === 'document') lastDocument = response;
    });
    const documentHtml = async () => (lastDocument ? lastDocument.text() : '');

    await page.goto('/audit');
    expect(await page.title()).toBe('Sign in – Actiontrail');
    await page.getByLabel('Tony Fitzgerald').check();
    await page.getByLabel('Officer', { exact: true }).uncheck();
    await page.getByLabel('Monitoring', { exact: true }).check();
    await clickAndLoad(page, page.getByRole('button', { name: 'Sign in' }));

    expect(await page.title()).toBe('Audit log – Actiontrail');
    await check(page, 'audit-search', consoleErrors, documentHtml);
    await page.getByLabel('Who').selectOption({ label: 'Tony Fitzgerald' });
    await page.getByLabel('Event type').fill('ActionCompleted');
    await clickAndLoad(page, page.getByRole('button', { name: 'Search' }));
    const found = await page.locator('[data-audit-results] tbody').innerText();
    expect(found).toContain('Tony Fitzgerald');
    expect(found).toContain('Action completed');
    await check(page, 'audit-results', consoleErrors, documentHtml);

    await page.goto(`/audit/streams/${w.resolutionId}`);
    expect(await page.title()).toBe(`History of resolution-${w.resolutionId} – Actiontrail`);
    await check(page, 'record-history', consoleErrors, documentHtml);
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
    await check(page, 'record-as-of', consoleErrors, documentHtml);

    await page.goto('/audit/verify');
    expect(await page.title()).toBe('Verify the audit log – Actiontrail');
    await check(page, 'verify', consoleErrors, documentHtml);
    await clickAndLoad(page, page.getByRole('button', { name: 'Verify the log' }));
    expect(page.url()).toBe(`${base}/audit/verify/result`);
    expect(await page.title()).toBe('The audit log is intact – Actiontrail');
    expect(await page.locator('main').innerText()).toMatch(/Events checked\s+\d+/);
    await check(page, 'verify-result', consoleErrors, documentHtml);
    await context.close();
  }, 120_000);
});
