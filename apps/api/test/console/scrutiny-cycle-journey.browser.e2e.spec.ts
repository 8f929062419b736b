import type { Browser, Page } from 'playwright-core';
import { Clock } from '../../src/features/shared/clock.js';
import { startFeatureApp, type FeatureApp } from '../features/support/feature-app.js';
import { clickAndLoad, haveChromium, journeyPage, launchChromium } from './support/browser-journey.js';
import { seedConsoleWorld, waitForReadModels } from './support/console-world.js';

/** Bromley's item 62 (21 January 2015, Report CS14078), the committee's support sent to the Executive on 28 January. */
const BROMLEY = {
  committee: 'Adult Care and Health Policy Development and Scrutiny Committee',
  item: "Children's Social Care Recruitment & Retention Strategy",
  paperRef: 'Report CS14078',
  supported:
    'That the proposal that the current scheme be extended for the 2015/16 and 2016/17 financial years, including the proposed ' +
    'enhancements set out in Appendix B to the report, be supported.',
};
/** Invented past the minutes, as the demo's are: the Executive's response and decision, and a call-in. */
const TODAY = '2015-02-13';

/**
 * The scrutiny cycle in Chromium, checked by axe-core on every page, with JavaScript on and off: staff open the Bromley
 * recommendation from the tracker, record the Executive's response and its decision; a member calls the decision in.
 */
(haveChromium() ? describe : describe.skip).each([
  { js: true, label: 'with JavaScript' },
  { js: false, label: 'without JavaScript' },
])('the scrutiny cycle in a real browser, $label', ({ js }) => {
  let f: FeatureApp;
  let browser: Browser;
  let base: string;
  let committeeId: string;

  const created = async (path: string, body: object) => {
    const res = await f.http().post(`/api/v1${path}`).send(body);
    if (res.status !== 201 && res.status !== 200) throw new Error(`${path} answered ${res.status}: ${JSON.stringify(res.body)}`);
    return res.body as { id: string; position: number };
  };
  const signIn = async (page: Page, check: (name: string) => Promise<void>, role: 'Scrutiny' | 'Member') => {
    await page.goto('/sign-in');
    await check(`sign-in-${role.toLowerCase()}`);
    await page.getByLabel('Tony Fitzgerald').check();
    await page.getByLabel('Officer').uncheck();
    await page.getByLabel(role, { exact: true }).check();
    await clickAndLoad(page, page.getByRole('button', { name: 'Sign in' }));
  };

  beforeAll(async () => {
    f = await startFeatureApp();
    f.app.get(Clock).now = () => new Date(`${TODAY}T10:00:00Z`);
    await seedConsoleWorld(f); // Tony Fitzgerald, who signs in
    committeeId = (await created('/committees', { name: BROMLEY.committee, kind: 'scrutiny' })).id;
    const meetingId = (await created('/meetings', { committeeId, date: '2015-01-21' })).id;
    await created(`/meetings/${meetingId}/items`, { number: '62', title: BROMLEY.item, paperRef: BROMLEY.paperRef });
    const resolutionId = (
      await created(`/meetings/${meetingId}/resolutions`, { itemNumber: '62', parts: [{ text: BROMLEY.supported, kind: 'supported' }] })
    ).id;
    const recommendationId = (
      await created('/recommendations', {
        committeeId,
        resolutionId,
        reference: '62',
        text: BROMLEY.supported,
        decisionMaker: { kind: 'executive', name: 'the Executive' },
        madeOn: '2015-01-21',
      })
    ).id;
    await waitForReadModels(f, (await created(`/recommendations/${recommendationId}/sending`, { receivedOn: '2015-01-28' })).position);
    await f.app.listen(0, '127.0.0.1');
    base = (await f.app.getUrl()).replace('[::1]', '127.0.0.1');
    browser = await launchChromium();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await f?.close();
  });

  it("records the Executive's response and decision on Bromley's item 62, and a member calls the decision in", async () => {
    const staff = await journeyPage(browser, { base, js, prefix: `cycle-staff` });
    const { page, check } = staff;
    const main = () => page.locator('main').innerText();
    await signIn(page, check, 'Scrutiny');

    // The tracker, from the committee's page.
    await page.goto(`/committees/${committeeId}`);
    await check('committee');
    await clickAndLoad(page, page.getByRole('link', { name: 'Recommendations tracker' }));
    expect(await page.title()).toBe(`${BROMLEY.committee} recommendations – Actiontrail`);
    const row = page.locator('[data-tracker] tbody tr');
    expect(await row.count()).toBe(1);
    expect((await row.innerText()).replace(/\s+/g, ' ')).toContain(
      'the Executive 28 January 2015 27 March 2015 Awaiting response None yet Open',
    );
    await check('tracker');

    // The recommendation, and the Executive's response: first without its reasons.
    await clickAndLoad(page, row.getByRole('link', { name: /62/ }));
    expect(await page.title()).toBe('Recommendation 62 – Actiontrail');
    await check('recommendation');
    await clickAndLoad(page, page.getByRole('button', { name: 'Record the response' }));
    await check('response-form');
    await page.getByLabel('Accepted', { exact: true }).check();
    await page.getByLabel('Proposed action (optional)').fill('Extend the scheme for two years from April 2015');
    await page.getByLabel('Day').fill('11');
    await page.getByLabel('Month').fill('2');
    await page.getByLabel('Year').fill('2015');
    await clickAndLoad(page, page.getByRole('button', { name: 'Record response' }));
    expect(await page.title()).toBe("Error: Record the decision maker's response – Actiontrail");
    expect(await page.locator('.govuk-error-summary').innerText()).toContain('Enter the reasons given');
    expect(await page.getByLabel('Proposed action (optional)').inputValue()).toBe('Extend the scheme for two years from April 2015');
    await check('response-form-error');
    await page.getByLabel('Reasons').fill("The Executive agreed with the committee's support for extending the scheme");
    await clickAndLoad(page, page.getByRole('button', { name: 'Record response' }));
    expect(await main()).toContain('Response recorded');
    expect(await main()).toContain('Accepted, 11 February 2015, recorded by scrutiny staff on its behalf');
    await check('recommendation-responded');

    // The Executive's decision on it.
    await clickAndLoad(page, page.getByRole('button', { name: 'Record a decision on it' }));
    await check('decision-form');
    await page.getByLabel('The Executive', { exact: true }).check();
    await page.getByLabel('Title', { exact: true }).fill(BROMLEY.item);
    await page.getByLabel('Decision', { exact: true }).fill('The scheme is extended for the 2015/16 and 2016/17 financial years');
    await page.getByLabel('Day').fill('11');
    await page.getByLabel('Month').fill('2');
    await page.getByLabel('Year').fill('2015');
    await page.getByLabel('Yes').check();
    await page.getByLabel('Reasons').fill('Recruitment of experienced social workers remains difficult');
    await clickAndLoad(page, page.getByRole('button', { name: 'Record decision' }));
    expect(await main()).toContain('Decision recorded');
    expect(await main()).toContain('Recommendation 62');
    await check('decision');
    const decisionUrl = new URL(page.url()).pathname;
    const decisionId = decisionUrl.split('/')[2] ?? '';
    await staff.close();

    // Published the next day (over the API: the console has no publication form), call-in runs to 19 February.
    await waitForReadModels(f, (await created(`/decisions/${decisionId}/publication`, { publishedOn: '2015-02-12' })).position);

    const cllr = await journeyPage(browser, { base, js, prefix: `cycle-member` });
    await signIn(cllr.page, cllr.check, 'Member');
    await clickAndLoad(cllr.page, cllr.page.getByRole('link', { name: 'Decisions' }));
    expect(await cllr.page.title()).toBe('Decision register – Actiontrail');
    const entry = cllr.page.locator(`[data-decision-id="${decisionId}"]`);
    expect((await entry.innerText()).replace(/\s+/g, ' ')).toContain('12 February 2015 19 February 2015 None 20 February 2015');
    await cllr.check('register');
    await clickAndLoad(cllr.page, entry.getByRole('link', { name: BROMLEY.item }));
    await cllr.check('decision-member');
    await clickAndLoad(cllr.page, cllr.page.getByRole('button', { name: 'Request call-in' }));
    await cllr.check('call-in-form');
    await cllr.page.getByLabel('Members calling it in').fill('Cllr Ruth Bennett\nCllr Mary Cooke');
    await cllr.page.getByLabel('Reasons').fill('The costs of the enhancements were not set out');
    await clickAndLoad(cllr.page, cllr.page.getByRole('button', { name: 'Request call-in' }));
    const called = await cllr.page.locator('main').innerText();
    expect(called).toContain('Call-in requested');
    expect(called).toContain('Paused: called in');
    await cllr.check('decision-called-in');
    await cllr.close();
  });
});
