import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import playwright, {
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  type Locator,
  type Page,
  type Response,
} from 'playwright-core';

const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const SCREENSHOTS = path.resolve('test-output/console');
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  readonly id: string;
  readonly help: string;
  readonly nodes: readonly { readonly target: readonly string[] }[];
}

/** Whether Chromium is here; without it the journeys are skipped loudly, or fail under REQUIRE_BROWSER=1. */
export function haveChromium(): boolean {
  if (existsSync(CHROMIUM)) return true;
  if (process.env['REQUIRE_BROWSER'] === '1')
    throw new Error(`The console's browser journeys need Chromium at ${CHROMIUM} (REQUIRE_BROWSER=1)`);
  console.warn(
    `\n*** SKIPPED: the console's browser journeys need Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH). ***\n`,
  );
  return false;
}

/** `describe` where Chromium is; skipped loudly (or failed under REQUIRE_BROWSER=1) where it is not. */
export function describeInBrowser(): jest.Describe {
  return haveChromium() ? describe : describe.skip;
}

/** A journey described twice, with JavaScript on and off: the console must work without it. */
export function describeWithAndWithoutJavaScript(): ReturnType<jest.Describe['each']> {
  return describeInBrowser().each([
    { js: true, label: 'with JavaScript' },
    { js: false, label: 'without JavaScript' },
  ]);
}

/** The app listening on loopback and a Chromium to drive it: where every journey starts. */
export async function serveToChromium(app: { listen(port: number, host: string): Promise<unknown>; getUrl(): Promise<string> }) {
  await app.listen(0, '127.0.0.1');
  const base = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  return { base, browser: await launchChromium() };
}

export function launchChromium(): Promise<Browser> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return playwright.chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
}

/** Clicks a link or button and waits until the page it leads to (after any redirect) has loaded. */
export async function clickAndLoad(page: Page, target: Locator): Promise<void> {
  await Promise.all([page.waitForEvent('load'), target.click()]);
}

/** A page in a browser context of its own, with JavaScript on or off, and what it logged. */
export interface JourneyPage {
  readonly page: Page;
  readonly context: BrowserContext;
  /**
   * No axe violation, no console error (a CSP refusal included), and a screenshot in test-output/console/.
   * Without JavaScript the page cannot run axe, so axe runs on the same HTML (its scripts removed) in a page that can.
   */
  check(name: string): Promise<void>;
  close(): Promise<void>;
}

export async function journeyPage(
  browser: Browser,
  options: {
    readonly base: string;
    readonly js: boolean;
    readonly prefix: string;
    /** Further options for the page's browser context (acceptDownloads, say). */
    readonly contextOptions?: Omit<BrowserContextOptions, 'javaScriptEnabled' | 'baseURL'>;
  },
): Promise<JourneyPage> {
  const { base, js, prefix, contextOptions } = options;
  const context = await browser.newContext({ ...contextOptions, javaScriptEnabled: js, baseURL: base });
  const checker = js ? undefined : await browser.newContext();
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  const consoleErrors: string[] = [];
  page.on('console', (message) => {
    // The page's own status (400 for a form with errors, 403, 404, 409) is reported as a failed load: not a fault.
    const ownStatus = message.text().startsWith('Failed to load resource') && message.location().url === page.url();
    if (message.type() === 'error' && !ownStatus) consoleErrors.push(`${message.text()} (${message.location().url})`);
  });
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  let lastDocument: Response | undefined;
  page.on('response', (response) => {
    if (response.request().resourceType() === 'document') lastDocument = response;
  });
  let shot = 0;

  async function check(name: string): Promise<void> {
    let target = page;
    if (checker) {
      const html = (lastDocument ? await lastDocument.text() : '').replace(/<script\b[\s\S]*?<\/script>/g, '');
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
      path: path.join(SCREENSHOTS, `${prefix}-${js ? 'js' : 'no-js'}-${String(shot).padStart(2, '0')}-${name}.png`),
      fullPage: true,
    });
  }

  return {
    page,
    context,
    check,
    close: async () => {
      await context.close();
      await checker?.close();
    },
  };
}
