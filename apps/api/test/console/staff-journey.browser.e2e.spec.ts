import type { Browser, Locator } from 'playwright-core';
import { startFeatureApp, type FeatureApp } from '../features/support/feature-app.js';
import { clickAndLoad, describeWithAndWithoutJavaScript, journeyPage, serveToChromium } from './support/browser-journey.js';
import { seedConsoleWorld, waitForReadModels, type ConsoleWorld } from './support/console-world.js';

/** The staff's management journey in Chromium, checked by axe-core on every page, with JavaScript on and off. */
describeWithAndWithoutJavaScript()('the staff management journey in a real browser, $label', ({ js }) => {
  let f: FeatureApp;
  let w: ConsoleWorld;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    f = await startFeatureApp();
    w = await seedConsoleWorld(f);
    // Through the API's commands: the second action is completed, so it may be reopened; the first stays open.
    const done = await f.http().post(`/api/v1/actions/${w.otherActionId}/completion`).send({ outcome: 'Exit interviews reviewed' });
    if (done.status !== 200) throw new Error(`completion answered ${done.status}`);
    await waitForReadModels(f, (done.body as { position: number }).position);
    ({ base, browser } = await serveToChromium(f.app));
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await f?.close();
  });

  it('signs in as staff, finds the pages through the navigation, and manages posts, people and actions, partly by keyboard alone', async () => {
    const { page, check, close } = await journeyPage(browser, { base, js, prefix: 'staff' });
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
    await check('sign-in');
    await page.getByLabel('Tony Fitzgerald').check();
    await page.getByLabel('Officer').uncheck();
    await page.getByLabel('Scrutiny').check();
    await clickAndLoad(page, page.getByRole('button', { name: 'Sign in' }));
    await check('my-actions');
    await page.goto('/committees');
    expect(await nav.getByRole('link').allInnerTexts()).toEqual(['Committees', 'Chase list', 'Decisions', 'Posts', 'People']);
    await check('committees');

    // Posts, reached by keyboard from the navigation; a post created with the keyboard alone.
    await tabTo(nav.getByRole('link', { name: 'Posts' }));
    await pressAndLoad('Enter');
    expect(await page.title()).toBe('Posts – Actiontrail');
    expect(await nav.getByRole('link', { name: 'Posts' }).getAttribute('aria-current')).toBe('page');
    await check('posts');
    await tabTo(page.getByRole('button', { name: 'Create a post' }));
    await pressAndLoad('Enter');
    expect(await page.title()).toBe('Create a post – Actiontrail');
    await check('new-post');
    await tabTo(page.getByLabel('Department (optional)'));
    await page.keyboard.type('Children’s Services');
    await tabTo(page.getByRole('button', { name: 'Create the post' }));
    await pressAndLoad('Enter');
    expect(await page.title()).toBe('Error: Create a post – Actiontrail');
    expect(await page.locator('.govuk-error-summary').innerText()).toContain('Enter the title of the post');
    expect(await page.getByLabel('Department (optional)').inputValue()).toBe('Children’s Services');
    await check('new-post-error');
    await tabTo(page.getByLabel('Title'));
    await page.keyboard.type('Head of Social Work');
    await tabTo(page.getByRole('button', { name: 'Create the post' }));
    await pressAndLoad('Enter');
    expect(await page.locator('main').innerText()).toContain('Post created: Head of Social Work');
    await check('post-created');

    // Appoint and vacate.
    const row = page.locator('tr', { hasText: 'Corporate Director, People' });
    await clickAndLoad(page, row.getByRole('link', { name: /Appoint/ }));
    expect(await page.title()).toBe('Appoint a holder – Actiontrail');
    await check('appoint');
    await page.getByLabel('Person to appoint').selectOption({ label: 'Tony Fitzgerald' });
    await clickAndLoad(page, page.getByRole('button', { name: 'Appoint' }));
    expect(await page.locator('main').innerText()).toContain('Holder appointed');
    await check('holder-appointed');
    await clickAndLoad(page, row.getByRole('link', { name: /Vacate/ }));
    expect(await page.title()).toBe('Vacate the post – Actiontrail');
    await check('vacate');
    await clickAndLoad(page, page.getByRole('button', { name: 'Vacate the post' }));
    expect(await page.locator('main').innerText()).toContain('Post vacated');
    await check('post-vacated');

    // People.
    await clickAndLoad(page, nav.getByRole('link', { name: 'People' }));
    expect(await page.title()).toBe('People – Actiontrail');
    await check('people');
    await clickAndLoad(page, page.getByRole('button', { name: 'Register a person' }));
    await check('new-person');
    await page.getByLabel('Full name').fill('Sally Rogers');
    await page.getByLabel('Email address (optional)').fill('sally.rogers');
    await clickAndLoad(page, page.getByRole('button', { name: 'Register the person' }));
    expect(await page.title()).toBe('Error: Register a person – Actiontrail');
    await check('new-person-error');
    await page.getByLabel('Email address (optional)').fill('sally.rogers@luton.gov.uk');
    await page.getByLabel('Sign-in identity (optional)').fill('9f3c2b1a-0d4e-4c5f-8a6b-7c8d9e0f1a2b');
    await clickAndLoad(page, page.getByRole('button', { name: 'Register the person' }));
    expect(await page.locator('main').innerText()).toContain('Person registered: Sally Rogers');
    await check('person-registered');

    // An action's due date, by keyboard, with a mistake first; then its owner; then it is withdrawn.
    await page.goto(`/actions/${w.actionId}`);
    await check('action');
    await tabTo(page.getByRole('link', { name: 'Change the due date' }));
    await pressAndLoad('Enter');
    expect(await page.title()).toBe('Change the due date – Actiontrail');
    await check('due-date');
    await page.getByLabel('Day').fill('31');
    await page.getByLabel('Month').fill('2');
    await page.getByLabel('Year').fill('2017');
    await tabTo(page.getByLabel('Reason'));
    await page.keyboard.type('The data arrives late');
    await tabTo(page.getByRole('button', { name: 'Change the due date' }));
    await pressAndLoad('Enter');
    expect(await page.title()).toBe('Error: Change the due date – Actiontrail');
    expect(await page.locator('.govuk-error-summary').innerText()).toContain('Due date must be a real date');
    await check('due-date-error');
    await page.getByLabel('Day').fill('15');
    await page.getByLabel('Month').fill('3');
    await clickAndLoad(page, page.getByRole('button', { name: 'Change the due date' }));
    expect(await page.locator('main').innerText()).toContain('Due date changed');
    expect(await page.locator('main').innerText()).toContain('15 March 2017');
    await check('due-date-changed');

    await clickAndLoad(page, page.getByRole('link', { name: 'Reassign the action' }));
    await check('reassign');
    await page.getByLabel('New owner').selectOption({ label: 'Corporate Director, People (vacant)' });
    await page.getByLabel('Reason').fill('The director takes it on');
    await clickAndLoad(page, page.getByRole('button', { name: 'Reassign' }));
    expect(await page.locator('main').innerText()).toContain('Action reassigned');
    await check('action-reassigned');

    await clickAndLoad(page, page.getByRole('link', { name: 'Withdraw the action' }));
    await check('withdraw');
    await page.getByLabel('Reason').fill('Overtaken by the restructure');
    await clickAndLoad(page, page.getByRole('button', { name: 'Withdraw' }));
    expect(await page.locator('main').innerText()).toContain('Action withdrawn');
    await check('action-withdrawn');

    await page.goto(`/actions/${w.otherActionId}`);
    await check('completed-action');
    await clickAndLoad(page, page.getByRole('link', { name: 'Reopen the action' }));
    await check('reopen');
    await page.getByLabel('Reason').fill('The outcome was not reported to committee');
    await clickAndLoad(page, page.getByRole('button', { name: 'Reopen' }));
    expect(await page.locator('main').innerText()).toContain('Action reopened');
    await check('action-reopened');
    await close();

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
