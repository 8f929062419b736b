import type { Browser, Page } from 'playwright-core';
import { Clock } from '../../src/features/shared/clock.js';
import { startFeatureApp, type FeatureApp } from '../features/support/feature-app.js';
import { clickAndLoad, describeWithAndWithoutJavaScript, journeyPage, serveToChromium } from './support/browser-journey.js';
import { seedConsoleWorld, waitForReadModels } from './support/console-world.js';

/** Bromley's item 62 (21 January 2015, Report CS14078), the committee's support, received by the Executive on 28 January. */
const BROMLEY = {
  committee: 'Adult Care and Health Policy Development and Scrutiny Committee',
  item: "Children's Social Care Recruitment & Retention Strategy",
  paperRef: 'Report CS14078',
  supported:
    'That the proposal that the current scheme be extended for the 2015/16 and 2016/17 financial years, including the proposed ' +
    'enhancements set out in Appendix B to the report, be supported.',
};
/** Invented past the minutes, as the demo's are: the Executive's response and decision, a call-in and its outcome. */
const TODAY = '2015-02-13';

/**
 * The scrutiny cycle in Chromium, checked by axe-core on every page, with JavaScript on and off: staff open the Bromley
 * recommendation from the tracker, record when the Executive received it, its response, its decision and the decision's
 * publication; a member calls the decision in, and staff record the call-in's outcome.
 */
describeWithAndWithoutJavaScript()('the scrutiny cycle in a real browser, $label', ({ js }) => {
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
    await check(`signed-in-${role.toLowerCase()}`);
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
    const made = await created('/recommendations', {
      committeeId,
      resolutionId,
      reference: '62',
      text: BROMLEY.supported,
      decisionMaker: { kind: 'executive', name: 'the Executive' },
      madeOn: '2015-01-21',
    });
    await waitForReadModels(f, made.position);
    ({ base, browser } = await serveToChromium(f.app));
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await f?.close();
  });

  it("records receipt, the Executive's response, its decision and publication on item 62; a member calls it in; staff record the outcome", async () => {
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
    expect((await row.innerText()).replace(/\s+/g, ' ')).toContain('the Executive Not sent Not sent None yet Open');
    await check('tracker');

    // The recommendation, and the Executive's response: first without its reasons.
    await clickAndLoad(page, row.getByRole('link', { name: /62/ }));
    expect(await page.title()).toBe('Recommendation 62 – Actiontrail');
    await check('recommendation');
    await clickAndLoad(page, page.getByRole('button', { name: 'Record receipt' }));
    await check('sending-form');
    await page.getByLabel('Day').fill('28');
    await page.getByLabel('Month').fill('1');
    await page.getByLabel('Year').fill('2015');
    await clickAndLoad(page, page.getByRole('button', { name: 'Record receipt' }));
    expect(await main()).toContain('Receipt recorded');
    expect(await main()).toMatch(/Response due\s+27 March 2015/);
    await check('recommendation-received');
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

    // Published the next day: the call-in period runs to 19 February.
    await clickAndLoad(page, page.getByRole('button', { name: 'Record publication' }));
    await check('publication-form');
    await page.getByLabel('Day').fill('12');
    await page.getByLabel('Month').fill('2');
    await page.getByLabel('Year').fill('2015');
    await clickAndLoad(page, page.getByRole('button', { name: 'Record publication' }));
    expect(await main()).toContain('Publication recorded');
    expect(await main()).toMatch(/Call-in deadline\s+19 February 2015/);
    await check('decision-published');
    await staff.close();

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

    // The committee considers the call-in the same day and upholds the decision.
    const again = await journeyPage(browser, { base, js, prefix: `cycle-outcome` });
    await signIn(again.page, again.check, 'Scrutiny');
    await again.page.goto(decisionUrl);
    await again.check('decision-to-conclude');
    await clickAndLoad(again.page, again.page.getByRole('button', { name: 'Record the outcome of the call-in' }));
    await again.check('call-in-outcome-form');
    await again.page.getByLabel('Upheld: the decision stands').check();
    await again.page.getByLabel('Day').fill('13');
    await again.page.getByLabel('Month').fill('2');
    await again.page.getByLabel('Year').fill('2015');
    await clickAndLoad(again.page, again.page.getByRole('button', { name: 'Record outcome' }));
    const concluded = await again.page.locator('main').innerText();
    expect(concluded).toContain('Outcome of the call-in recorded');
    expect(concluded).toContain('Outcome: Upheld: the decision stands, 13 February 2015');
    await again.check('decision-call-in-concluded');
    await again.close();
  }, 300_000);
});
