import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import playwright, { type Browser, type BrowserContext, type Locator, type Page, type Response } from 'playwright-core';
import { startFeatureApp, type FeatureApp } from '../features/support/feature-app.js';
import { seedConsoleWorld, waitForReadModels, type ConsoleWorld } from './support/console-world.js';

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

/** The staff's management journey in Chromium, checked by axe-core on every page, with JavaScript on and off. */
(haveChromium ? describe : describe.skip).each([
  { js: true, label: 'with JavaScript' },
  { js: false, label: 'without JavaScript' },
])('the staff management journey in a real browser, $label', ({ js }) => {
  let f: FeatureApp;
  let w: ConsoleWorld;
  let browser: Browser;
  let checker: BrowserContext;
  let base: string;
  let shot = 0;

  beforeAll(async () => {
    f = await startFeatureApp();
    w = await seedConsoleWorld(f);
    // Through the API's commands: the second action is completed, so it may be reopened; the first stays open.
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
      path: path.join(SCREENSHOTS, `staff-${js ? 'js' : 'no-js'}-${String(shot).padStart(2, '0')}-${name}.png`),
      fullPage: true,
    });
  }

  it('signs in as staff, finds the pages through the navigation, and manages posts, people and actions, partly by keyboard alone', async () => {
    const context = await browser.newContext({ javaScriptEnabled: js, baseURL: base });
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
    const nav = page.locator('.govuk-service-navigation__list');
    /** Tabs forward until the element is focused: what a keyboard user does to reach it. */
    const tabTo = async (target: Locator, limit = 60) => {
      for (let i = 0; i < limit; i++) {
        if (await target.evaluate((el) => el.matches(':focus'))) return;
        await page.keyboard.press('Tab');
      }
      throw new Error('the element is not reachable with the Tab key');
    };
    const pressAndLoad = async (key: string) => {
      await Promise.all([page.waitForEvent('load'), page.keyboard.press(key)]);
    };

    await page.goto('/sign-in');
    await page.getByLabel('Tony Fitzgerald').check();
    await page.getByLabel('Officer').uncheck();
    await page.getByLabel('Scrutiny').check();
    await clickAndLoad(page, page.getByRole('button', { name: 'Sign in' }));
    await page.goto('/committees');
    expect(await nav.getByRole('link').allInnerTexts()).toEqual(['Committees', 'Chase list', 'Posts', 'People']);
    await check(page, 'committees', consoleErrors, documentHtml);

    // Posts, reached by keyboard from the navigation; a post created with the keyboard alone.
    await tabTo(nav.getByRole('link', { name: 'Posts' }));
    await pressAndLoad('Enter');
    expect(await page.title()).toBe('Posts – Actiontrail');
    expect(await nav.getByRole('link', { name: 'Posts' }).getAttribute('aria-current')).toBe('page');
    await check(page, 'posts', consoleErrors, documentHtml);
    await tabTo(page.getByRole('button', { name: 'Create a post' }));
    await pressAndLoad('Enter');
    expect(await page.title()).toBe('Create a post – Actiontrail');
    await check(page, 'new-post', consoleErrors, documentHtml);
    await tabTo(page.getByLabel('Department (optional)'));
    await page.keyboard.type('Children’s Services');
    await tabTo(page.getByRole('button', { name: 'Create the post' }));
    await pressAndLoad('Enter');
    expect(await page.title()).toBe('Error: Create a post – Actiontrail');
    expect(await page.locator('.govuk-error-summary').innerText()).toContain('Enter the title of the post');
    expect(await page.getByLabel('Department (optional)').inputValue()).toBe('Children’s Services');
    await check(page, 'new-post-error', consoleErrors, documentHtml);
    await tabTo(page.getByLabel('Title'));
    await page.keyboard.type('Head of Social Work');
    await tabTo(page.getByRole('button', { name: 'Create the post' }));
    await pressAndLoad('Enter');
    expect(await page.locator('main').innerText()).toContain('Post created: Head of Social Work');
    await check(page, 'post-created', consoleErrors, documentHtml);

    // Appoint and vacate.
    const row = page.locator('tr', { hasText: 'Corporate Director, People' });
    await clickAndLoad(page, row.getByRole('link', { name: /Appoint/ }));
    expect(await page.title()).toBe('Appoint a holder – Actiontrail');
    await check(page, 'appoint', consoleErrors, documentHtml);
    await page.getByLabel('Person to appoint').selectOption({ label: 'Tony Fitzgerald' });
    await clickAndLoad(page, page.getByRole('button', { name: 'Appoint' }));
    expect(await page.locator('main').innerText()).toContain('Holder appointed');
    await clickAndLoad(page, row.getByRole('link', { name: /Vacate/ }));
    expect(await page.title()).toBe('Vacate the post – Actiontrail');
    await check(page, 'vacate', consoleErrors, documentHtml);
    await clickAndLoad(page, page.getByRole('button', { name: 'Vacate the post' }));
    expect(await page.locator('main').innerText()).toContain('Post vacated');

    // People.
    await clickAndLoad(page, nav.getByRole('link', { name: 'People' }));
    expect(await page.title()).toBe('People – Actiontrail');
    await check(page, 'people', consoleErrors, documentHtml);
    await clickAndLoad(page, page.getByRole('button', { name: 'Register a person' }));
    await page.getByLabel('Full name').fill('Sally Rogers');
    await page.getByLabel('Email address (optional)').fill('sally.rogers');
    await clickAndLoad(page, page.getByRole('button', { name: 'Register the person' }));
    expect(await page.title()).toBe('Error: Register a person – Actiontrail');
    await check(page, 'new-person-error', consoleErrors, documentHtml);
    await page.getByLabel('Email address (optional)').fill('sally.rogers@luton.gov.uk');
    await page.getByLabel('Sign-in identity (optional)').fill('9f3c2b1a-0d4e-4c5f-8a6b-7c8d9e0f1a2b');
    await clickAndLoad(page, page.getByRole('button', { name: 'Register the person' }));
    expect(await page.locator('main').innerText()).toContain('Person registered: Sally Rogers');
    await check(page, 'person-registered', consoleErrors, documentHtml);

    // An action's due date, by keyboard, with a mistake first; then its owner; then it is withdrawn.
    await page.goto(`/actions/${w.actionId}`);
    await check(page, 'action', consoleErrors, documentHtml);
    await tabTo(page.getByRole('link', { name: 'Change the due date' }));
    await pressAndLoad('Enter');
    expect(await page.title()).toBe('Change the due date – Actiontrail');
    await check(page, 'due-date', consoleErrors, documentHtml);
    await page.getByLabel('Day').fill('31');
    await page.getByLabel('Month').fill('2');
    await page.getByLabel('Year').fill('2017');
    await tabTo(page.getByLabel('Reason'));
    await page.keyboard.type('The data arrives late');
    await tabTo(page.getByRole('button', { name: 'Change the due date' }));
    await pressAndLoad('Enter');
    expect(await page.title()).toBe('Error: Change the due date – Actiontrail');
    expect(await page.locator('.govuk-error-summary').innerText()).toContain('Due date must be a real date');
    await check(page, 'due-date-error', consoleErrors, documentHtml);
    await page.getByLabel('Day').fill('15');
    await page.getByLabel('Month').fill('3');
    await clickAndLoad(page, page.getByRole('button', { name: 'Change the due date' }));
    expect(await page.locator('main').innerText()).toContain('Due date changed');
    expect(await page.locator('main').innerText()).toContain('15 March 2017');

    await clickAndLoad(page, page.getByRole('link', { name: 'Reassign the action' }));
    await check(page, 'reassign', consoleErrors, documentHtml);
    await page.getByLabel('New owner').selectOption({ label: 'Corporate Director, People (vacant)' });
    await page.getByLabel('Reason').fill('The director takes it on');
    await clickAndLoad(page, page.getByRole('button', { name: 'Reassign' }));
    expect(await page.locator('main').innerText()).toContain('Action reassigned');

    await clickAndLoad(page, page.getByRole('link', { name: 'Withdraw the action' }));
    await check(page, 'withdraw', consoleErrors, documentHtml);
    await page.getByLabel('Reason').fill('Overtaken by the restructure');
    await clickAndLoad(page, page.getByRole('button', { name: 'Withdraw' }));
    expect(await page.locator('main').innerText()).toContain('Action withdrawn');
    await check(page, 'action-withdrawn', consoleErrors, documentHtml);

    await page.goto(`/actions/${w.otherActionId}`);
    await clickAndLoad(page, page.getByRole('link', { name: 'Reopen the action' }));
    await check(page, 'reopen', consoleErrors, documentHtml);
    await page.getByLabel('Reason').fill('The outcome was not reported to committee');
    await clickAndLoad(page, page.getByRole('button', { name: 'Reopen' }));
    expect(await page.locator('main').innerText()).toContain('Action reopened');
    await context.close();

    const [withdrawn, reopened, post] = await Promise.all([
      f.http().get(`/api/v1/actions/${w.actionId}`),
      f.http().get(`/api/v1/actions/${w.otherActionId}`),
      f.http().get(`/api/v1/posts/${w.otherPostId}`),
    ]);
    expect(withdrawn.body).toMatchObject({ status: 'withdrawn', ownerPostId: w.otherPostId, due: { dueDate: '2017-03-15' } });
    expect(reopened.body).toMatchObject({ status: 'open' });
    expect(post.body).toMatchObject({ holder: null });
  }, 300_000);
});
