import type request from 'supertest';
import { startFeatureApp, type FeatureApp } from '../features/support/feature-app.js';
import { csrfOf, seedConsoleWorld, signIn, textOf, type ConsoleWorld } from './support/console-world.js';

type Agent = ReturnType<typeof request.agent>;

interface CommitteeOverApi {
  version: number;
  escalation?: { postId: string; afterDays: number };
}

describe("setting a committee's escalation through the web console", () => {
  let f: FeatureApp;
  let w: ConsoleWorld;
  let staff: Agent;
  let officer: Agent;

  const committeeOverApi = async () => (await f.http().get(`/api/v1/committees/${w.committeeId}`)).body as CommitteeOverApi;
  const formPath = () => `/committees/${w.committeeId}/escalation`;
  /** GETs the form, then POSTs it with its CSRF token and version and these fields. */
  const send = async (agent: Agent, fields: Record<string, string>, from = formPath()) => {
    const form = await agent.get(from);
    const version = /name="version" value="(\d+)"/.exec(form.text)?.[1] ?? '';
    return agent
      .post(formPath())
      .type('form')
      .send({ _csrf: csrfOf(form.text), version, ...fields });
  };
  const escalationLine = (html: string) => textOf(/<p class="govuk-body" data-escalation>([\s\S]*?)<\/p>/.exec(html)?.[1] ?? '').trim();
  const errorSummary = (html: string) =>
    [...html.matchAll(/<li>\s*<a href="#([^"]+)">([^<]*)<\/a>/g)].map((m) => ({ field: m[1], message: m[2]?.trim() }));

  beforeAll(async () => {
    f = await startFeatureApp();
    w = await seedConsoleWorld(f);
    staff = await signIn(f, w.personId, ['scrutiny']);
    officer = await signIn(f, w.personId, ['officer']);
  });
  afterAll(() => f.close());

  it('shows "Not set" on the committee page before staff set one, with a link to the form for staff only', async () => {
    const page = await staff.get(`/committees/${w.committeeId}`);
    expect(escalationLine(page.text)).toBe('Not set');
    expect(page.text).toContain(`href="${formPath()}"`);
    expect((await officer.get(`/committees/${w.committeeId}`)).text).not.toContain(`href="${formPath()}"`);
  });

  it('sets the escalation, redirects (303) to the committee page and shows it there and over the API', async () => {
    const res = await send(staff, { escalationPostId: w.otherPostId, afterDays: '14' });
    expect(res.status).toBe(303);
    expect(res.headers['location']).toBe(`/committees/${w.committeeId}`);
    const page = await staff.get(`/committees/${w.committeeId}`);
    expect(textOf(page.text)).toContain('Escalation set');
    expect(escalationLine(page.text)).toBe('Escalate to Corporate Director, People after 14 days overdue');
    expect((await committeeOverApi()).escalation).toEqual({ postId: w.otherPostId, afterDays: 14 });
  });

  it('opens the form on the escalation as it stands', async () => {
    const form = await staff.get(formPath());
    expect(form.status).toBe(200);
    expect(form.text).toMatch(new RegExp(`<option value="${w.otherPostId}" selected>`));
    expect(form.text).toContain('value="14"');
  });

  it('shows the GOV.UK error summary and keeps what was typed when the post or days are wrong (400)', async () => {
    const before = await committeeOverApi();
    const res = await send(staff, { escalationPostId: '', afterDays: 'ten' });
    expect(res.status).toBe(400);
    expect(res.text).toContain('<title>Error: Set the escalation – Actiontrail</title>');
    expect(errorSummary(res.text)).toEqual([
      { field: 'escalationPostId', message: 'Select the post to escalate to' },
      { field: 'afterDays', message: 'Days overdue must be a whole number from 1 to 365' },
    ]);
    expect(res.text).toContain('value="ten"');
    expect(await committeeOverApi()).toEqual(before);
  });

  it("says the domain's limit of a year on the days field (400), as the form's hint does", async () => {
    expect((await staff.get(formPath())).text).toContain('From 1 to 365 days after the due date.');
    const res = await send(staff, { escalationPostId: w.postId, afterDays: '400' });
    expect(res.status).toBe(400);
    expect(errorSummary(res.text)).toEqual([{ field: 'afterDays', message: 'Days overdue must be a whole number from 1 to 365' }]);
    expect((await committeeOverApi()).escalation).toEqual({ postId: w.otherPostId, afterDays: 14 });
  });

  it('refuses a form opened before the committee changed (409) and shows the escalation as it is now', async () => {
    const stale = await staff.get(formPath());
    await send(staff, { escalationPostId: w.postId, afterDays: '21' });
    const res = await staff
      .post(formPath())
      .type('form')
      .send({
        _csrf: csrfOf(stale.text),
        version: /name="version" value="(\d+)"/.exec(stale.text)?.[1],
        escalationPostId: w.otherPostId,
        afterDays: '7',
      });
    expect(res.status).toBe(409);
    expect(textOf(res.text)).toContain('This committee changed since you opened the form');
    expect((await committeeOverApi()).escalation).toEqual({ postId: w.postId, afterDays: 21 });
  });

  it('refuses an officer the form and the change (403), changing nothing', async () => {
    expect((await officer.get(formPath())).status).toBe(403);
    const before = await committeeOverApi();
    const res = await send(officer, { escalationPostId: w.otherPostId, afterDays: '3' }, `/committees/${w.committeeId}`);
    expect(res.status).toBe(403);
    expect(await committeeOverApi()).toEqual(before);
  });

  it('answers 404 for a committee that does not exist, or an address that is not a committee id', async () => {
    expect((await staff.get('/committees/2b0c8f7e-5d1a-4c3b-9e6f-0a1b2c3d4e5f/escalation')).status).toBe(404);
    expect((await staff.get('/committees/not-a-committee/escalation')).status).toBe(404);
  });

  it('changes nothing without the CSRF token (403)', async () => {
    const before = await committeeOverApi();
    const res = await staff
      .post(formPath())
      .type('form')
      .send({ escalationPostId: w.otherPostId, afterDays: '5', version: String(before.version) });
    expect(res.status).toBe(403);
    expect(await committeeOverApi()).toEqual(before);
  });
});
