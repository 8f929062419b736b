import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import playwright, { type Browser, type BrowserContext, type Locator, type Page, type Response } from 'playwright-core';
import { startFeatureApp, type FeatureApp } from '../features/support/feature-app.js';
import { seedConsoleWorld, type ConsoleWorld } from './support/console-world.js';

const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const SCREENSHOTS = path.resolve('test-output/console');
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

/** The officer journey in Chromium, checked by axe-core on every page, with JavaScript on and off. */
(haveChromium ? describe : describe.skip).each([
  { js: true, label: 'with JavaScript' },
  { js: false, label: 'without JavaScript' },
])('the officer journey in a real browser, $label', ({ js }) => {
  let f: FeatureApp;
  let w: ConsoleWorld;
  let browser: Browser;
  /** A JavaScript-enabled context where axe checks the pages of the run without JavaScript. */
  let checker: BrowserContext;
  let base: string;
  let shot = 0;

  beforeAll(async () => {
    f = await startFeatureApp();
    w = await seedConsoleWorld(f);
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
      path: path.join(SCREENSHOTS, `officer-${js ? 'js' : 'no-js'}-${String(shot).padStart(2, '0')}-${name}.png`),
      fullPage: true,
    });
  }

  it('signs in, sees the action in My actions, reports progress with a RAG and completes it', async () => {
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

    await page.goto('/');
    expect(await page.title()).toBe('Sign in – Actiontrail');
    await check(page, 'sign-in', consoleErrors, documentHtml);
    await page.getByLabel('Tony Fitzgerald').check();
    await clickAndLoad(page, page.getByRole('button', { name: 'Sign in' }));

    expect(await page.title()).toBe('My actions – Actiontrail');
    expect(await page.locator('main').innerText()).toContain('Collate final metrics for Vacancy, Turnover and Agency Rates');
    expect(await page.locator('[data-signed-in]').innerText()).toContain('Signed in as Tony Fitzgerald (officer)');
    await check(page, 'my-actions', consoleErrors, documentHtml);
    await clickAndLoad(page, page.getByRole('link', { name: 'A1' }));

    expect(await page.title()).toBe('A1: Collate final metrics for Vacancy, Turnover and Agency Rates – Actiontrail');
    await check(page, 'action', consoleErrors, documentHtml);
    await clickAndLoad(page, page.getByRole('button', { name: 'Report progress' }));

    expect(await page.title()).toBe('Report progress – Actiontrail');
    await check(page, 'progress-form', consoleErrors, documentHtml);
    await page.getByRole('radio', { name: /Amber/ }).check();
    await clickAndLoad(page, page.getByRole('button', { name: 'Report progress' }));
    expect(await page.title()).toBe('Error: Report progress – Actiontrail');
    expect(await page.locator('.govuk-error-summary').innerText()).toContain('Enter a progress note');
    expect(await page.getByRole('radio', { name: /Amber/ }).isChecked()).toBe(true);
    await check(page, 'progress-form-error', consoleErrors, documentHtml);
    await page.getByLabel('Progress note').fill('Vacancy and turnover figures collated; agency rates to follow');
    await clickAndLoad(page, page.getByRole('button', { name: 'Report progress' }));

    expect(await page.title()).toBe('A1: Collate final metrics for Vacancy, Turnover and Agency Rates – Actiontrail');
    expect(await page.locator('main').innerText()).toContain('Progress reported');
    expect(await page.locator('main').innerText()).toContain('(Amber): Vacancy and turnover figures collated; agency rates to follow');
    await check(page, 'action-after-progress', consoleErrors, documentHtml);
    await clickAndLoad(page, page.getByRole('button', { name: 'Mark as complete' }));

    expect(await page.title()).toBe('Mark as complete – Actiontrail');
    await check(page, 'complete-form', consoleErrors, documentHtml);
    await page.getByLabel('Outcome').fill('Final metrics for vacancy, turnover and agency rates sent to the February meeting');
    await clickAndLoad(page, page.getByRole('button', { name: 'Mark as complete' }));

    expect(await page.title()).toBe('A1: Collate final metrics for Vacancy, Turnover and Agency Rates – Actiontrail');
    expect(await page.locator('main').innerText()).toContain('Completed, awaiting sign-off');
    await check(page, 'action-completed', consoleErrors, documentHtml);

    await page.goto(`/actions/${w.otherActionId}/progress`);
    expect(await page.title()).toBe('You cannot report progress on this action – Actiontrail');
    await check(page, 'forbidden', consoleErrors, documentHtml);
    await page.goto('/nowhere');
    expect(await page.title()).toBe('Page not found – Actiontrail');
    await check(page, 'not-found', consoleErrors, documentHtml);

    await clickAndLoad(page, page.getByRole('button', { name: 'Sign out' }));
    expect(await page.title()).toBe('Sign in – Actiontrail');
    await context.close();

    const action = await f.http().get(`/api/v1/actions/${w.actionId}`);
    expect(action.body).toMatchObject({ status: 'completed', rag: 'amber' });
  }, 180_000);
});
