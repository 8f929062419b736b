import type request from 'supertest';
import { startFeatureApp, type FeatureApp } from '../features/support/feature-app.js';
import { csrfOf, signIn, textOf } from './support/console-world.js';
import { seedDemoMinutes, type DemoMinutesWorld } from './support/demo-minutes.js';

type Agent = ReturnType<typeof request.agent>;

const GOOD = {
  subject: 'Adult Social Care social workers',
  asOfDay: '31',
  asOfMonth: '12',
  asOfYear: '2016',
  source: 'HR extract, December 2016',
  'metric-vacancy-rate': '24.5',
  'metric-turnover-rate': '17',
  'metric-agency-rate': '12.3%',
};

describe("the officer's figures form over HTTP", () => {
  let f: FeatureApp;
  let w: DemoMinutesWorld;

  const formOf = async (agent: Agent, actionId: string) => {
    const page = await agent.get(`/actions/${actionId}/figures`);
    return { page, csrf: csrfOf(page.text), snapshotId: /name="snapshotId" value="([^"]+)"/.exec(page.text)?.[1] ?? '' };
  };
  const points = async (metric: string) =>
    (await f.http().get(`/api/v1/metrics/${metric}/series`)).body as { value: number; unit: string; actionId?: string }[];

  beforeAll(async () => {
    f = await startFeatureApp();
    w = await seedDemoMinutes(f);
  });
  afterAll(() => f.close());

  it('records the snapshot with the action it was asked for, then redirects (303) to the action page showing it', async () => {
    const agent = await signIn(f, w.personId);
    const { csrf, snapshotId } = await formOf(agent, w.actionId);
    const res = await agent
      .post(`/actions/${w.actionId}/figures`)
      .type('form')
      .send({ _csrf: csrf, snapshotId, ...GOOD });
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe(`/actions/${w.actionId}`);
    expect(await points('agency-rate')).toEqual([expect.objectContaining({ value: 12.3, unit: '%', actionId: w.actionId })]);
    const action = textOf((await agent.get(`/actions/${w.actionId}`)).text);
    expect(action).toContain('Figures recorded');
    expect(action).toContain('Adult Social Care social workers, as at 31 December 2016');
    expect(action).toContain('Vacancy rate 24.5%');
  });

  it('answers a form sent again (the same snapshot) with 409, the figures on record and a fresh form, recording nothing twice', async () => {
    const agent = await signIn(f, w.personId);
    const { csrf, snapshotId } = await formOf(agent, w.actionId);
    const send = () =>
      agent
        .post(`/actions/${w.actionId}/figures`)
        .type('form')
        .send({ _csrf: csrf, snapshotId, ...GOOD, 'metric-vacancy-rate': '25' });
    expect((await send()).status).toBe(303);
    const again = await send();
    expect(again.status).toBe(409);
    const text = textOf(again.text);
    expect(text).toContain('These figures were already recorded');
    expect(text).toContain('Vacancy rate 25%');
    expect(/name="snapshotId" value="([^"]+)"/.exec(again.text)?.[1]).not.toBe(snapshotId);
    expect(/id="metric-vacancy-rate"[^>]*value="25"/.test(again.text)).toBe(true);
    expect((await points('vacancy-rate')).filter((p) => p.value === 25)).toHaveLength(1);
  });

  it("refuses another post's officer with the 403 page, changing nothing, as the API's route would", async () => {
    const owner = await signIn(f, w.personId);
    const { snapshotId } = await formOf(owner, w.actionId);
    const other = await signIn(f, w.consultationOfficerId);
    const page = await other.get(`/actions/${w.actionId}/figures`);
    expect(page.status).toBe(403);
    expect(textOf(page.text)).toContain('You cannot record the figures for this action');
    const csrf = csrfOf((await other.get('/')).text);
    const res = await other
      .post(`/actions/${w.actionId}/figures`)
      .type('form')
      .send({ _csrf: csrf, snapshotId, ...GOOD, 'metric-turnover-rate': '99' });
    expect(res.status).toBe(403);
    expect((await points('turnover-rate')).some((p) => p.value === 99)).toBe(false);
  });

  it('changes nothing for a form without its CSRF token and asks to sign in again', async () => {
    const agent = await signIn(f, w.personId);
    const { snapshotId } = await formOf(agent, w.actionId);
    const res = await agent
      .post(`/actions/${w.actionId}/figures`)
      .type('form')
      .send({ snapshotId, ...GOOD, 'metric-turnover-rate': '98' });
    expect(res.status).toBe(403);
    expect(textOf(res.text)).toContain('Sign in again to continue');
    expect((await points('turnover-rate')).some((p) => p.value === 98)).toBe(false);
  });

  it('answers 404 for the figures form of an action that asks for none', async () => {
    const agent = await signIn(f, w.personId);
    expect((await agent.get(`/actions/${w.otherActionId}/figures`)).status).toBe(404);
    expect(textOf((await agent.get(`/actions/${w.otherActionId}`)).text)).not.toContain('Record the figures');
  });
});
