import { readFileSync } from 'node:fs';
import type { Browser, Locator } from 'playwright-core';
import { startFeatureApp, type FeatureApp } from '../features/support/feature-app.js';
import { clickAndLoad, describeWithAndWithoutJavaScript, journeyPage, serveToChromium } from './support/browser-journey.js';
import { seedConsoleWorld, waitForReadModels } from './support/console-world.js';
import { docxText } from './support/docx-text.js';

/** Bromley's Adult Care and Health PDS Committee, 21 January 2015, item 62 (seed 004): as the minutes print it. */
const BROMLEY = {
  committee: 'Adult Care and Health Policy Development and Scrutiny Committee',
  item: "Children's Social Care Recruitment & Retention Strategy",
  paperRef: 'Report CS14078',
  narrative:
    'On 3rd February 2010 the Executive had agreed a package of measures to support better recruitment and retention of ' +
    'children’s social workers. The strategy was to increase the recruitment of qualified social workers, reduce the numbers ' +
    'leaving the Council and reduce dependency on agency workers.\n\nMembers asked whether certain factors were making it harder ' +
    'for Bromley to recruit and retain qualified social workers, such as lower pay or a perception of Bromley as a commissioning authority.',
  resolved:
    'RESOLVED that the proposal that the current scheme be extended for the 2015/16 and 2016/17 financial years by utilising the ' +
    'residual funding from the LAA reward grant from the agreed recruitment and retention package for 2010/14, including the ' +
    'proposed enhancements set out in Appendix B to the report, be supported.',
  action: "Report the committee's support for extending the scheme to the Executive",
  owner: "Assistant Director, Children's Social Care",
};

/**
 * The scrutiny staff's journey in Chromium, checked by axe-core on every page, with JavaScript on and off: recording
 * Bromley's item 62 through the forms, then chasing its overdue action, signing it off once done, and downloading the log.
 */
describeWithAndWithoutJavaScript()('the scrutiny journey in a real browser, $label', ({ js }) => {
  let f: FeatureApp;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    f = await startFeatureApp();
    await seedConsoleWorld(f); // Tony Fitzgerald, who signs in, and another committee's overdue action
    const post = await f.http().post('/api/v1/posts').send({ title: BROMLEY.owner, department: "Children's Social Care" });
    if (post.status !== 201) throw new Error(`post answered ${post.status}`);
    await waitForReadModels(f, (post.body as { position: number }).position);
    ({ base, browser } = await serveToChromium(f.app));
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await f?.close();
  });

  it("records Bromley's item 62 through the forms, chases its overdue action, signs it off, and downloads the log as .docx and CSV", async () => {
    const { page, check, close } = await journeyPage(browser, { base, js, prefix: 'scrutiny', contextOptions: { acceptDownloads: true } });
    const download = async (link: Locator): Promise<Buffer> => {
      const [file] = await Promise.all([page.waitForEvent('download'), link.click()]);
      return readFileSync((await file.path()) ?? '');
    };
    const main = () => page.locator('main').innerText();

    await page.goto('/sign-in');
    await check('sign-in');
    await page.getByLabel('Tony Fitzgerald').check();
    await page.getByLabel('Officer').uncheck();
    await page.getByLabel('Scrutiny').check();
    await clickAndLoad(page, page.getByRole('button', { name: 'Sign in' }));
    expect(await page.locator('[data-signed-in]').innerText()).toContain('Signed in as Tony Fitzgerald (scrutiny)');
    await check('my-actions');

    // The committee.
    await page.goto('/committees');
    expect(await page.title()).toBe('Committees – Actiontrail');
    await check('committees');
    await clickAndLoad(page, page.getByRole('button', { name: 'Add a committee' }));
    expect(await page.title()).toBe('Add a committee – Actiontrail');
    await check('committee-form');
    await page.getByLabel('Name', { exact: true }).fill(BROMLEY.committee);
    await page.getByLabel('Scrutiny', { exact: true }).check();
    await clickAndLoad(page, page.getByRole('button', { name: 'Add committee' }));
    expect(await page.title()).toBe(`${BROMLEY.committee} – Actiontrail`);
    expect(await main()).toContain('Committee added');
    await check('committee-added');

    // The meeting: the minutes give the date only.
    await clickAndLoad(page, page.getByRole('button', { name: 'Record a meeting' }));
    await check('meeting-form');
    await page.getByLabel('Day').fill('21');
    await page.getByLabel('Month').fill('1');
    await page.getByLabel('Year').fill('2015');
    await clickAndLoad(page, page.getByRole('button', { name: 'Record meeting' }));
    expect(await page.title()).toBe(`${BROMLEY.committee}, 21 January 2015 – Actiontrail`);
    expect(await main()).toContain('Meeting recorded');
    await check('meeting');
    const meetingUrl = page.url();

    // Attendance, one name a line.
    await clickAndLoad(page, page.getByRole('link', { name: 'Record attendance' }));
    await check('attendance-form');
    await page.getByLabel('Chair', { exact: true }).fill('Councillor Judi Ellis');
    await page.getByLabel('Members present').fill('Councillor Mary Cooke\nCouncillor Ruth Bennett');
    await page.getByLabel('Apologies').fill('Councillor Robert Evans');
    await clickAndLoad(page, page.getByRole('button', { name: 'Record attendance' }));
    expect(await main()).toContain('Attendance recorded');
    expect((await page.locator('[data-attendance]').innerText()).replace(/\s+/g, ' ')).toBe(
      'Chair Councillor Judi Ellis Members present Councillor Mary Cooke, Councillor Ruth Bennett Apologies Councillor Robert Evans',
    );
    await check('meeting-with-attendance');

    // Item 62, first sent without its number: the error summary keeps what was typed.
    await clickAndLoad(page, page.getByRole('button', { name: 'Add an item' }));
    await check('item-form');
    await page.getByLabel('Title', { exact: true }).fill(BROMLEY.item);
    await page.getByLabel('Paper reference (optional)').fill(BROMLEY.paperRef);
    await page.getByLabel('Minutes (optional)').fill(BROMLEY.narrative);
    await clickAndLoad(page, page.getByRole('button', { name: 'Add item' }));
    expect(await page.title()).toBe('Error: Add an item – Actiontrail');
    expect(await page.locator('.govuk-error-summary').innerText()).toContain('Enter the item number, as the minutes print it');
    expect(await page.getByLabel('Title', { exact: true }).inputValue()).toBe(BROMLEY.item);
    await check('item-form-error');
    await page.getByLabel('Item number').fill('62');
    await clickAndLoad(page, page.getByRole('button', { name: 'Add item' }));
    expect(await main()).toContain('Item 62 added');
    const item = page.locator('[data-item="62"]');
    expect(await item.getByRole('heading', { level: 3 }).innerText()).toBe(`62. ${BROMLEY.item}`);
    expect((await item.locator('p').allInnerTexts()).map((p) => p.trim())).toEqual([BROMLEY.paperRef, ...BROMLEY.narrative.split('\n\n')]);
    await check('meeting-with-item');

    // The resolution: one unlabelled part, supporting a proposal going to the Executive.
    await clickAndLoad(page, page.getByRole('button', { name: 'Add a resolution' }));
    await check('resolution-form');
    await page.getByLabel('Item', { exact: true }).selectOption('62');
    await page.locator('#part0Kind').selectOption('supported');
    await page.locator('#part0Text').fill(BROMLEY.resolved);
    await clickAndLoad(page, page.getByRole('button', { name: 'Add resolution' }));
    expect(await main()).toContain('Resolution added');
    const resolution = page.locator('[data-item="62"] [data-resolution-id]');
    expect((await resolution.locator('[data-resolution-parts]').innerText()).replace(/\s+/g, ' ')).toBe(
      `${BROMLEY.resolved} Supported Add an action arising from the resolution on item 62`,
    );
    await check('meeting-with-resolution');

    // The action arising, due at the end of February 2015: long overdue.
    await clickAndLoad(page, resolution.getByRole('link', { name: 'Add an action arising' }));
    expect(await page.title()).toBe('Add an action arising – Actiontrail');
    await check('action-form');
    await page.getByLabel('Action', { exact: true }).fill(BROMLEY.action);
    await page.getByLabel('Owner').selectOption({ label: `${BROMLEY.owner} (vacant)` });
    await page.getByLabel('Day').fill('27');
    await page.getByLabel('Month').fill('2');
    await page.getByLabel('Year').fill('2015');
    await clickAndLoad(page, page.getByRole('button', { name: 'Add action' }));
    expect(await main()).toContain('Action added');
    const row = resolution.locator('[data-actions-arising] tbody tr');
    expect(await row.innerText()).toMatch(new RegExp(`^A1\\tWhole\\t${BROMLEY.action}\\t${BROMLEY.owner}\\t27 February 2015\\tOpen$`));
    const actionId = (await row.getAttribute('data-action-id')) ?? '';
    await check('meeting-with-action');

    // Chasing it.
    await page.goto('/chase-list');
    await check('chase-list');
    const card = page.locator(`[data-action-id="${actionId}"]`);
    expect(await card.innerText()).toContain(BROMLEY.committee);
    await card.getByLabel(/Message to the owner/).fill('Please confirm the Executive has the committee’s view');
    await clickAndLoad(page, card.getByRole('button', { name: /^Chase/ }));
    expect(await main()).toContain('Action chased');
    await check('chase-list-chased');

    // Its owner reports it done (through the API), and staff sign it off.
    const done = await f
      .http()
      .post(`/api/v1/actions/${actionId}/completion`)
      .send({ outcome: 'Reported to the Executive on 11 February 2015' });
    expect(done.status).toBe(200);
    await waitForReadModels(f, (done.body as { position: number }).position);
    await page.goto(`/actions/${actionId}`);
    await check('action-completed');
    await clickAndLoad(page, page.getByRole('button', { name: 'Sign off' }));
    expect(await page.title()).toBe('Sign off – Actiontrail');
    await check('sign-off-form');
    await page.getByLabel('Sign-off note (optional)').fill('Accepted by the committee');
    await clickAndLoad(page, page.getByRole('button', { name: 'Sign off' }));
    expect(await main()).toContain('Action signed off');
    await check('action-signed-off');

    // The action log and its downloads.
    await page.goto(meetingUrl);
    await check('meeting-signed-off');
    await clickAndLoad(page, page.getByRole('link', { name: BROMLEY.committee, exact: true }).first());
    await check('committee');
    await clickAndLoad(page, page.getByRole('link', { name: 'Action log', exact: true }));
    expect(await page.title()).toBe(`${BROMLEY.committee} action log – Actiontrail`);
    expect(await page.locator('[data-action-log]').innerText()).toContain('Accepted by the committee');
    await check('action-log');
    const docx = docxText(await download(page.getByRole('link', { name: 'Word document (.docx)' })));
    expect(docx.heading).toMatch(new RegExp(`^${BROMLEY.committee}: action logAs of `));
    expect(docx.rows[0]?.slice(0, 6)).toEqual(['Ref', 'Meeting date', 'Item', 'Item title', 'Paper ref', 'Resolution part']);
    expect(docx.rows).toHaveLength(2);
    expect(docx.rows[1]?.slice(0, 8)).toEqual([
      'A1',
      '2015-01-21',
      '62',
      BROMLEY.item,
      BROMLEY.paperRef,
      '',
      BROMLEY.action,
      BROMLEY.owner,
    ]);
    expect(docx.rows[1]?.[12]).toBe('Reported to the Executive on 11 February 2015');
    expect(docx.rows[1]?.[13]).toBe('Accepted by the committee');
    const csv = (await download(page.getByRole('link', { name: 'CSV' }))).toString('utf8').split('\r\n');
    expect(csv[0]).toBe(
      'Ref,Meeting date,Item,Item title,Paper ref,Resolution part,Action,Owner,Due,Status,RAG,Latest update,Outcome,Sign-off note,Date closed',
    );
    expect(csv[1]).toMatch(
      new RegExp(
        `^A1,2015-01-21,62,${BROMLEY.item},${BROMLEY.paperRef},,${BROMLEY.action},"${BROMLEY.owner}",2015-02-27,complete,,,` +
          'Reported to the Executive on 11 February 2015,Accepted by the committee,\\d{4}-\\d{2}-\\d{2}$',
      ),
    );
    await close();

    const action = await f.http().get(`/api/v1/actions/${actionId}`);
    expect(action.body).toMatchObject({ status: 'closed', chases: [{ note: 'Please confirm the Executive has the committee’s view' }] });
  }, 300_000);
});
