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

/**
 * A journey described twice, with JavaScript on and off: the console must work without it. Each journey's test is
 * given 300 s: checking a page in full (axe, a Tab through every control, a screenshot) takes seconds, and a journey
 * of twenty-odd pages on a busy CI machine outlasts jest's 60 s with nothing wrong.
 */
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
   * No axe violation, no console error (a CSP refusal included), one h1 and a GOV.UK page title, every control
   * reachable with the Tab key, a session token in every POST form, no form answered without a redirect (a 2xx to a
   * POST breaks Post/Redirect/Get), and a screenshot in test-output/console/. Without JavaScript the page cannot run
   * axe, so axe runs on the same HTML (its scripts removed) in a page that can.
   */
  check(name: string): Promise<void>;
  /**
   * Sends every POST form the checked pages held again without its token (403 each), closes the context, and fails
   * if a page the journey loaded was not checked.
   */
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
  const formsAnsweredWithoutRedirect: string[] = [];
  page.on('response', (response) => {
    if (response.request().resourceType() !== 'document') return;
    lastDocument = response;
    if (response.request().method() === 'POST' && response.status() < 300) {
      formsAnsweredWithoutRedirect.push(`${response.status()} to POST ${new URL(response.url()).pathname}`);
    }
  });
  const postFormPaths = new Set<string>();
  // Every page the journey loads is checked before the next one loads: axe and a screenshot on every page.
  let loadedNotChecked: string | undefined;
  const pagesNotChecked: string[] = [];
  page.on('load', () => {
    if (loadedNotChecked !== undefined) pagesNotChecked.push(loadedNotChecked);
    loadedNotChecked = new URL(page.url()).pathname;
  });
  let shot = 0;

  async function check(name: string): Promise<void> {
    loadedNotChecked = undefined;
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
    expect({ page: name, formsAnsweredWithoutRedirect }).toEqual({ page: name, formsAnsweredWithoutRedirect: [] });
    expect({ page: name, h1s: await page.locator('h1').count(), title: GOVUK_TITLE.test(await page.title()) }).toEqual({
      page: name,
      h1s: 1,
      title: true,
    });
    const forms = await page.locator('form[method="post" i]').evaluateAll((all) =>
      (all as unknown as InPage[]).map((form) => ({
        action: new URL(form.action ?? '').pathname,
        token: form.querySelector('input[type="hidden"][name="_csrf"]')?.value ?? '',
      })),
    );
    expect({ page: name, formsWithoutToken: forms.filter((f) => f.token === '').map((f) => f.action) }).toEqual({
      page: name,
      formsWithoutToken: [],
    });
    for (const form of forms) postFormPaths.add(form.action);
    expect({ page: name, unreachableByTab: await unreachableByTab(await keyboardCopy()) }).toEqual({ page: name, unreachableByTab: [] });
    shot += 1;
    await page.screenshot({
      path: path.join(SCREENSHOTS, `${prefix}-${js ? 'js' : 'no-js'}-${String(shot).padStart(2, '0')}-${name}.png`),
      fullPage: true,
    });
  }

  let keyboard: BrowserContext | undefined;
  /** The page's HTML as served, in a fresh page of a context with the same JavaScript setting: focus starts at the top. */
  async function keyboardCopy(): Promise<Page> {
    const html = lastDocument ? await lastDocument.text() : '';
    const copy = await (keyboard ??= await browser.newContext({ javaScriptEnabled: js })).newPage();
    await copy.route(`${base}/keyboard-check`, (route) =>
      route.fulfill({ contentType: 'text/html', body: js ? html : html.replace(/<script\b[\s\S]*?<\/script>/g, '') }),
    );
    await copy.goto(`${base}/keyboard-check`);
    return copy;
  }

  return {
    page,
    context,
    check,
    close: async () => {
      if (loadedNotChecked !== undefined) pagesNotChecked.push(loadedNotChecked);
      const unprotected: string[] = [];
      for (const action of postFormPaths) {
        const answer = await context.request.post(`${base}${action}`, {
          form: { note: 'no token' },
          headers: { Accept: 'text/html' },
          maxRedirects: 0,
        });
        if (answer.status() !== 403 || !(await answer.text()).includes('Sign in again to continue')) {
          unprotected.push(`${answer.status()} to POST ${action}`);
        }
      }
      await context.close();
      await checker?.close();
      await keyboard?.close();
      expect({ formsAcceptedWithoutToken: unprotected, pagesNotChecked }).toEqual({ formsAcceptedWithoutToken: [], pagesNotChecked: [] });
    },
  };
}

/** The little of the DOM the checks use in the page (the project compiles without the DOM library). */
interface InPage {
  readonly tagName: string;
  readonly id: string;
  tabIndex: number;
  readonly textContent: string | null;
  readonly dataset: Record<string, string | undefined>;
  readonly disabled?: boolean;
  readonly type?: string;
  readonly name?: string;
  value?: string;
  readonly action?: string;
  getAttribute(name: string): string | null;
  removeAttribute(name: string): void;
  checkVisibility(): boolean;
  focus(): void;
  querySelector(selector: string): InPage | null;
}
interface InPageDocument {
  readonly body: InPage;
  readonly activeElement: InPage | null;
  querySelectorAll(selector: string): Iterable<InPage>;
}

/** GOV.UK's pattern: "<what the page is> – <service>", "Error: " first when the page shows an error summary. */
const GOVUK_TITLE = /^(Error: )?\S.* – Actiontrail$/;

/**
 * Presses Tab through the page from its top and answers the controls focus never reached (a radio group counts as
 * reached when one of its radios was: arrow keys move within it). Closes the page.
 */
async function unreachableByTab(copy: Page): Promise<string[]> {
  const controls = await copy.evaluate(() => {
    // Written out in each function: evaluate sends the function's source to the page, without this module.
    const document = (globalThis as unknown as { document: InPageDocument }).document;
    const selector = 'a[href], button, input:not([type="hidden"]), select, textarea, summary, [tabindex]:not([tabindex="-1"])';
    const all = [...document.querySelectorAll(selector)].filter((el) => !el.disabled && el.checkVisibility() && el.tabIndex >= 0);
    return all.map((el, i) => {
      el.dataset['kb'] = String(i);
      const radio = el.tagName === 'INPUT' && el.type === 'radio' ? el.name : undefined;
      const label = (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 40);
      return {
        key: radio === undefined ? `control ${i}` : `radios ${radio}`,
        name: `${el.tagName.toLowerCase()}#${el.id || i} "${label}"`,
      };
    });
  });
  // govuk-frontend focuses an error summary on load; the check starts from the top of the page, as a reload would.
  await copy.evaluate(() => {
    const document = (globalThis as unknown as { document: InPageDocument }).document;
    document.body.tabIndex = -1;
    document.body.focus();
    document.body.removeAttribute('tabindex');
  });
  const keys = new Set(controls.map((c) => c.key));
  const reached = new Set<string>();
  let first: string | undefined;
  for (let i = 0; i < controls.length + 5 && reached.size < keys.size; i++) {
    await copy.keyboard.press('Tab');
    const focused = await copy.evaluate(
      () => (globalThis as unknown as { document: InPageDocument }).document.activeElement?.dataset['kb'],
    );
    if (focused === undefined) continue;
    if (focused === first) break;
    first ??= focused;
    const control = controls[Number(focused)];
    if (control) reached.add(control.key);
  }
  await copy.close();
  return [...new Set(controls.filter((c) => !reached.has(c.key)).map((c) => (c.key.startsWith('radios') ? c.key : c.name)))];
}
