import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import playwright, { type Browser, type BrowserContext, type Locator, type Page, type Response } from 'playwright-core';
import { startFeatureApp, type FeatureApp } from '../features/support/feature-app.js';
import { seedConsoleWorld, waitForReadModels, type ConsoleWorld } from './support/console-world.js';
import { docxText } from './support/docx-text.js';

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

/** The scrutiny staff's journey in Chromium, checked by axe-core on every page, with JavaScript on and off. */
(haveChromium ? describe : describe.skip).each([
  { js: true, label: 'with JavaScript' },
  { js: false, label: 'without JavaScript' },
])('the scrutiny journey in a real browser, $label', ({ js }) => {
  let f: FeatureApp;
  let w: ConsoleWorld;
  let browser: Browser;
  let checker: BrowserContext;
  let base: string;
  let shot = 0;

  beforeAll(async () => {
    f = await startFeatureApp();
    w = await seedConsoleWorld(f);
    // Through the API's commands: the second action is completed and awaits sign-off; the first stays open and overdue.
    const done = await f.http().post(`/api/v1/actions/${w.otherActionId}/completion`).send({ outcome: 'Exit interviews reviewed' });
    if (done.status !== 200) throw new Error(`completion answered ${done.status}`);
    await waitForReadModels(f, (done.body as { position: number }).position);
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
      path: path.join(SCREENSHOTS, `scrutiny-${js ? 'js' : 'no-js'}-${String(shot).padStart(2, '0')}-${name}.png`),
      fullPage: true,
    });
  }

  it('signs in as staff, chases an overdue action, signs off a completed one, and downloads the action log as .docx and CSV', async () => {
    const context = await browser.newContext({ javaScriptEnabled: js, baseURL: base, acceptDownloads: true });
    const page = await context.newPage();
    const consoleErrors: string[] = [];
    page.on('console', (message) => {
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
    const download = async (link: Locator): Promise<Buffer> => {
      const [file] = await Promise.all([page.waitForEvent('download'), link.click()]);
      return readFileSync((await file.path()) ?? '');
    };

    await page.goto('/sign-in');
    await check(page, 'sign-in', consoleErrors, documentHtml);
    await page.getByLabel('Tony Fitzgerald').check();
    await page.getByLabel('Officer').uncheck();
    await page.getByLabel('Scrutiny').check();
    await clickAndLoad(page, page.getByRole('button', { name: 'Sign in' }));
    expect(await page.locator('[data-signed-in]').innerText()).toContain('Signed in as Tony Fitzgerald (scrutiny)');

    await page.goto('/chase-list');
    expect(await page.title()).toBe('Chase list – Actiontrail');
    await check(page, 'chase-list', consoleErrors, documentHtml);
    const card = page.locator(`[data-action-id="${w.actionId}"]`);
    await card.getByLabel(/Message to the owner/).fill('Please send the final metrics before the meeting');
    await clickAndLoad(page, card.getByRole('button', { name: /^Chase/ }));
    expect(await page.title()).toBe('Chase list – Actiontrail');
    expect(await page.locator('main').innerText()).toContain('Action chased');
    await check(page, 'chase-list-chased', consoleErrors, documentHtml);
    await clickAndLoad(page, card.getByRole('link', { name: 'A1' }));
    expect(await page.locator('main').innerText()).toMatch(
      /Chase 1, \d{1,2} \w+ \d{4} at \d{1,2}:\d{2}[ap]m: Please send the final metrics before the meeting/,
    );
    await check(page, 'action-chased', consoleErrors, documentHtml);

    await page.goto(`/actions/${w.otherActionId}`);
    await clickAndLoad(page, page.getByRole('button', { name: 'Sign off' }));
    expect(await page.title()).toBe('Sign off – Actiontrail');
    await check(page, 'sign-off-form', consoleErrors, documentHtml);
    await page.getByLabel('Sign-off note (optional)').fill('Accepted by the committee');
    await clickAndLoad(page, page.getByRole('button', { name: 'Sign off' }));
    expect(await page.locator('main').innerText()).toContain('Action signed off');
    await check(page, 'action-signed-off', consoleErrors, documentHtml);

    await page.goto('/committees');
    expect(await page.title()).toBe('Committees – Actiontrail');
    await check(page, 'committees', consoleErrors, documentHtml);
    await clickAndLoad(page, page.getByRole('link', { name: 'Scrutiny Task & Finish Group', exact: true }));
    await check(page, 'committee', consoleErrors, documentHtml);
    await clickAndLoad(page, page.getByRole('link', { name: 'Action log', exact: true }));
    expect(await page.title()).toBe('Scrutiny Task & Finish Group action log – Actiontrail');
    expect(await page.locator('[data-action-log]').innerText()).toContain('Accepted by the committee');
    await check(page, 'action-log', consoleErrors, documentHtml);
    await page.getByLabel('Overdue only').check();
    await clickAndLoad(page, page.getByRole('button', { name: 'Filter' }));
    expect(await page.locator('[data-action-log] tbody tr').count()).toBe(1);
    await check(page, 'action-log-overdue', consoleErrors, documentHtml);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.govuk-service-navigation').isVisible()).toBe(false);
    expect(await page.locator('form[method="get"]').isVisible()).toBe(false);
    expect(await page.locator('[data-action-log]').isVisible()).toBe(true);
    await page.emulateMedia({ media: 'screen' });

    const docx = docxText(await download(page.getByRole('link', { name: 'Word document (.docx)' })));
    expect(docx.heading).toMatch(/^Scrutiny Task & Finish Group: action logAs of /);
    expect(docx.rows[0]?.slice(0, 3)).toEqual(['Ref', 'Meeting date', 'Item']);
    expect(docx.rows.map((r) => r[0])).toEqual(['Ref', 'A1', 'A2']);
    expect(docx.rows[2]?.[13]).toBe('Accepted by the committee');
    const csv = (await download(page.getByRole('link', { name: 'CSV' }))).toString('utf8');
    expect(csv.split('\r\n')[0]).toBe(
      'Ref,Meeting date,Item,Item title,Paper ref,Resolution part,Action,Owner,Due,Status,RAG,Latest update,Outcome,Sign-off note,Date closed',
    );
    await context.close();

    const [chased, signedOff] = await Promise.all([
      f.http().get(`/api/v1/actions/${w.actionId}`),
      f.http().get(`/api/v1/actions/${w.otherActionId}`),
    ]);
    expect(chased.body).toMatchObject({ status: 'open', chases: [{ note: 'Please send the final metrics before the meeting' }] });
    expect(signedOff.body).toMatchObject({ status: 'closed' });
  }, 180_000);
});
