import type request from 'supertest';
import { Clock } from '../../src/features/shared/clock.js';
import { startFeatureApp, type FeatureApp } from '../features/support/feature-app.js';
import { csrfOf, seedConsoleWorld, signIn, textOf, waitForReadModels, type ConsoleWorld } from './support/console-world.js';

type Agent = ReturnType<typeof request.agent>;

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const TODAY = '2015-02-13';
const SUPPORTED = 'That the proposal to extend the recruitment and retention scheme for 2015/16 and 2016/17 be supported';

/** Bromley, 21 January 2015, item 62 (Report CS14078), through the console: the tracker, the response, the decision, call-in. */
describe('the scrutiny cycle through the web console', () => {
  let f: FeatureApp;
  let w: ConsoleWorld;
  let staff: Agent;
  let member: Agent;
  let monitoring: Agent;
  let officer: Agent;

  const api = () => f.http();
  const created = async (path: string, body: object) => {
    const res = await api().post(`/api/v1${path}`).send(body);
    if (res.status !== 201 && res.status !== 200) throw new Error(`${path} answered ${res.status}: ${JSON.stringify(res.body)}`);
    return res.body as { id: string; position: number };
  };
  /** A recommendation of the committee, received by its decision maker on `receivedOn`. */
  const recommendation = async (reference: string, receivedOn: string, decisionMaker: object, madeOn = '2015-01-21') => {
    const made = await created('/recommendations', {
      committeeId: w.committeeId,
      reportRef: 'Report CS14078',
      reference,
      text: `${SUPPORTED} (${reference})`,
      decisionMaker,
      madeOn,
    });
    const sent = await created(`/recommendations/${made.id}/sending`, { receivedOn });
    await waitForReadModels(f, sent.position);
    return made.id;
  };
  const executive = { kind: 'executive', name: 'the Executive' };
  const decisionFields = (extra: Record<string, string> = {}) => ({
    makerKind: 'executive',
    makerName: 'the Executive',
    makerPostId: '',
    title: "Children's Social Care Recruitment & Retention Strategy",
    decision: 'The scheme is extended for the 2015/16 and 2016/17 financial years',
    decidedDay: '11',
    decidedMonth: '2',
    decidedYear: '2015',
    keyDecision: 'yes',
    reasons: 'Recruitment of experienced social workers remains difficult',
    alternativesConsidered: 'Ending the scheme in March 2015',
    recommendationId: '',
    reportRef: 'Report CS14078',
    ...extra,
  });
  const responseFields = (extra: Record<string, string> = {}) => ({
    response: 'accepted',
    reasons: "The Executive agreed with the committee's support",
    proposedAction: 'Extend the scheme for two years from April 2015',
    respondedDay: '11',
    respondedMonth: '2',
    respondedYear: '2015',
    ...extra,
  });
  /** GETs the form, then POSTs it with its CSRF token (and version, when it has one) and these fields. */
  const send = async (agent: Agent, path: string, fields: Record<string, string>, formPath = path) => {
    const form = await agent.get(formPath);
    const version = /name="version" value="(\d+)"/.exec(form.text)?.[1];
    return agent
      .post(path)
      .type('form')
      .send({ _csrf: csrfOf(form.text), ...(version ? { version } : {}), ...fields });
  };
  const errorSummary = (html: string) =>
    [...html.matchAll(/<li>\s*<a href="#([^"]+)">([^<]*)<\/a>/g)].map((m) => ({ field: m[1], message: m[2]?.trim() }));
  const readRecommendation = async (id: string) => (await api().get(`/api/v1/recommendations/${id}`)).body;
  const readDecision = async (id: string) => (await api().get(`/api/v1/decisions/${id}`)).body;
  const published = async (extra: Record<string, string> = {}) => {
    const res = await send(staff, '/decisions/new', decisionFields(extra));
    if (res.status !== 303) throw new Error(`recording a decision answered ${res.status}`);
    const id = (res.headers['location'] as string).split('/')[2] ?? '';
    const done = await created(`/decisions/${id}/publication`, { publishedOn: '2015-02-12' });
    await waitForReadModels(f, done.position);
    return id;
  };

  beforeAll(async () => {
    f = await startFeatureApp();
    f.app.get(Clock).now = () => new Date(`${TODAY}T10:00:00Z`);
    w = await seedConsoleWorld(f);
    staff = await signIn(f, w.personId, ['scrutiny']);
    member = await signIn(f, w.personId, ['member']);
    monitoring = await signIn(f, w.personId, ['monitoring']);
    officer = await signIn(f, w.personId, ['officer']);
  }, 60_000);
  afterAll(() => f.close());

  describe('the recommendations tracker', () => {
    let onTime: string;
    let overdue: string;
    let late: string;

    beforeAll(async () => {
      late = await recommendation('60', '2014-11-03', executive, '2014-10-22');
      await waitForReadModels(
        f,
        (await created(`/recommendations/${late}/response`, { response: 'rejected', reasons: 'No budget', respondedOn: '2015-01-09' }))
          .position,
      );
      onTime = await recommendation('62', '2015-01-28', executive);
      overdue = await recommendation('61', '2014-11-03', executive, '2014-10-22');
    });

    it('is linked from the committee page and shows each recommendation, an overdue response tagged', async () => {
      expect((await staff.get(`/committees/${w.committeeId}`)).text).toContain(`href="/committees/${w.committeeId}/recommendations"`);
      const page = await staff.get(`/committees/${w.committeeId}/recommendations`);
      expect(page.status).toBe(200);
      const row = (id: string) => new RegExp(`data-recommendation-id="${id}">([\\s\\S]*?)</tr>`).exec(page.text)?.[1] ?? '';
      expect(textOf(row(onTime))).toContain('28 January 2015 27 March 2015 Awaiting response');
      expect(textOf(row(overdue))).toMatch(/3 November 2014 2 January 2015 Overdue by 42 days/);
      expect(textOf(row(late))).toMatch(/Rejected, 9 January 2015 Late/);
      expect(row(onTime)).toContain(`href="/recommendations/${onTime}"`);
    });

    it('filters by status and municipal year with a GET form', async () => {
      const page = await staff.get(`/committees/${w.committeeId}/recommendations?status=response-overdue&municipalYear=2014%2F15`);
      expect(page.status).toBe(200);
      expect(page.text).toContain(`data-recommendation-id="${overdue}"`);
      expect(page.text).not.toContain(`data-recommendation-id="${onTime}"`);
      const otherYear = await staff.get(`/committees/${w.committeeId}/recommendations?municipalYear=2015%2F16`);
      expect(otherYear.text).toContain('No recommendation matches.');
    });

    it('says a municipal year the API refuses on the filter form, keeping what was typed (400)', async () => {
      const page = await staff.get(`/committees/${w.committeeId}/recommendations?municipalYear=2014%2F16`);
      expect(page.status).toBe(400);
      expect(errorSummary(page.text).map((e) => e.field)).toEqual(['municipalYear']);
      expect(page.text).toContain('value="2014/16"');
    });

    it('downloads the filtered tracker as CSV', async () => {
      const page = await staff.get(`/committees/${w.committeeId}/recommendations?status=response-overdue`);
      expect(page.text).toContain(`href="/committees/${w.committeeId}/recommendations.csv?status=response-overdue"`);
      const csv = await staff.get(`/committees/${w.committeeId}/recommendations.csv?status=response-overdue`);
      expect(csv.status).toBe(200);
      expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(csv.text.split('\r\n')[0]).toMatch(/^Reference,Recommendation,Decision maker/);
      expect(csv.text).toContain('(61)');
      expect(csv.text).not.toContain('(62)');
    });
  });

  describe("recording the decision maker's response", () => {
    it('records the response for the decision maker, redirects with a banner and shows it with its history', async () => {
      const id = await recommendation('63', '2015-01-28', executive);
      const page = await staff.get(`/recommendations/${id}`);
      expect(page.text).toContain(`href="/recommendations/${id}/response"`);
      const res = await send(staff, `/recommendations/${id}/response`, responseFields());
      expect(res.status).toBe(303);
      expect(res.headers['location']).toBe(`/recommendations/${id}`);
      const after = textOf((await staff.get(`/recommendations/${id}`)).text);
      expect(after).toContain('Response recorded');
      expect(after).toContain('Accepted, 11 February 2015, recorded by scrutiny staff on its behalf');
      expect(after).toContain('Executive responded');
      expect(await readRecommendation(id)).toMatchObject({
        response: { response: 'accepted', respondedOn: '2015-02-11', late: false, recordedOnBehalf: true },
      });
    });

    it('keeps what was typed and says what is missing (400)', async () => {
      const id = await recommendation('64', '2015-01-28', executive);
      const res = await send(staff, `/recommendations/${id}/response`, responseFields({ response: '', respondedDay: '30' }));
      expect(res.status).toBe(400);
      expect(errorSummary(res.text)).toEqual([
        { field: 'response', message: 'Select the response' },
        { field: 'respondedDay', message: 'The day it responded must be a real date' },
      ]);
      expect(res.text).toContain('Extend the scheme for two years from April 2015');
      expect(res.text).toContain('value="30"');
    });

    it('says when the recommendation changed since the form was opened, showing it fresh (409)', async () => {
      const id = await recommendation('65', '2015-01-28', executive);
      const form = await staff.get(`/recommendations/${id}/response`);
      await created(`/recommendations/${id}/response`, { response: 'rejected', reasons: 'No budget', respondedOn: '2015-02-10' });
      const res = await staff
        .post(`/recommendations/${id}/response`)
        .type('form')
        .send({ _csrf: csrfOf(form.text), version: '2', ...responseFields() });
      expect(res.status).toBe(409);
      expect(textOf(res.text)).toContain('This record changed since you opened the form');
      expect(textOf(res.text)).toContain('Rejected, 10 February 2015');
      expect((await readRecommendation(id)).response.response).toBe('rejected');
    });

    it("shows the domain's refusal of a response to an unsent recommendation (409)", async () => {
      const made = await created('/recommendations', {
        committeeId: w.committeeId,
        reportRef: 'Report CS14078',
        reference: '66',
        text: SUPPORTED,
        decisionMaker: executive,
        madeOn: '2015-01-21',
      });
      await waitForReadModels(f, made.position);
      const res = await send(staff, `/recommendations/${made.id}/response`, responseFields());
      expect(res.status).toBe(409);
      expect(textOf(res.text)).toContain('has not been sent to the Executive');
    });

    it("lets a member holding the decision maker's post respond as themself", async () => {
      const id = await recommendation('67', '2015-01-28', { kind: 'portfolio-holder', name: 'the Project Manager', postId: w.postId });
      const res = await send(member, `/recommendations/${id}/response`, responseFields({ response: 'accepted-in-part' }));
      expect(res.status).toBe(303);
      expect((await readRecommendation(id)).response).toMatchObject({ response: 'accepted-in-part', recordedOnBehalf: false });
    });

    it("shows the refusal of a member who does not hold the decision maker's post (403), and changes nothing", async () => {
      const id = await recommendation('68', '2015-01-28', { kind: 'portfolio-holder', name: 'the Other Post', postId: w.otherPostId });
      const res = await send(member, `/recommendations/${id}/response`, responseFields());
      expect(res.status).toBe(403);
      expect(textOf(res.text)).toContain('You cannot record the response');
      expect((await readRecommendation(id)).response).toBeUndefined();
    });

    it('refuses the monitoring officer the form (403) but shows the recommendation', async () => {
      const id = await recommendation('69', '2015-01-28', executive);
      expect((await monitoring.get(`/recommendations/${id}`)).status).toBe(200);
      expect((await monitoring.get(`/recommendations/${id}`)).text).not.toContain(`href="/recommendations/${id}/response"`);
      const res = await send(monitoring, `/recommendations/${id}/response`, responseFields(), '/decisions');
      expect(res.status).toBe(403);
      expect((await readRecommendation(id)).response).toBeUndefined();
    });
  });

  describe('recording a decision', () => {
    it('records it against the recommendation it answers, redirects to it and lists it in the register', async () => {
      const id = await recommendation('70', '2015-01-28', executive);
      const form = await staff.get(`/decisions/new?recommendation=${id}`);
      expect(form.text).toMatch(new RegExp(`<option value="${id}" selected>`));
      const res = await send(staff, '/decisions/new', decisionFields({ recommendationId: id }), `/decisions/new?recommendation=${id}`);
      expect(res.status).toBe(303);
      expect(res.headers['location']).toMatch(new RegExp(`^/decisions/${UUID}$`));
      const decisionId = (res.headers['location'] as string).split('/')[2] ?? '';
      const page = textOf((await staff.get(`/decisions/${decisionId}`)).text);
      expect(page).toContain('Decision recorded');
      expect(page).toContain('Recommendation 70');
      expect(page).toContain('Not yet: awaiting publication');
      expect(await readDecision(decisionId)).toMatchObject({ keyDecision: true, decidedOn: '2015-02-11', recommendationIds: [id] });
      const register = await monitoring.get('/decisions');
      expect(register.status).toBe(200);
      expect(register.text).toContain(`href="/decisions/${decisionId}"`);
    });

    it('keeps what was typed and says what is missing (400)', async () => {
      const res = await send(staff, '/decisions/new', decisionFields({ keyDecision: '', title: '' }));
      expect(res.status).toBe(400);
      expect(errorSummary(res.text).map((e) => e.field)).toEqual(['title', 'keyDecision']);
      expect(res.text).toContain('Ending the scheme in March 2015');
    });

    it("shows the refusal of a member who does not hold the decision maker's post (403)", async () => {
      const res = await send(
        member,
        '/decisions/new',
        decisionFields({ makerKind: 'portfolio-holder', makerName: 'the Other Post', makerPostId: w.otherPostId }),
      );
      expect(res.status).toBe(403);
    });

    it('refuses the monitoring officer (403)', async () => {
      expect((await monitoring.get('/decisions/new')).status).toBe(403);
      const res = await send(monitoring, '/decisions/new', decisionFields(), '/decisions');
      expect(res.status).toBe(403);
    });
  });

  describe('requesting call-in', () => {
    it('lets a member call in a published decision in its call-in period, pausing implementation', async () => {
      const id = await published();
      expect(textOf((await member.get(`/decisions/${id}`)).text)).toContain('Not yet: in its call-in period (from 20 February 2015)');
      const res = await send(member, `/decisions/${id}/call-in`, {
        members: 'Cllr Ruth Bennett\r\nCllr Mary Cooke',
        reasons: 'The costs of the enhancements were not set out',
      });
      expect(res.status).toBe(303);
      const page = textOf((await member.get(`/decisions/${id}`)).text);
      expect(page).toContain('Call-in requested');
      expect(page).toContain('Paused: called in');
      expect((await readDecision(id)).callIn).toMatchObject({ members: ['Cllr Ruth Bennett', 'Cllr Mary Cooke'], requestedOn: TODAY });
      expect((await member.get('/decisions')).text).toMatch(new RegExp(`data-decision-id="${id}">[\\s\\S]*?Called in`));
    });

    it('keeps what was typed and says what is missing (400)', async () => {
      const id = await published();
      const res = await send(member, `/decisions/${id}/call-in`, { members: 'Cllr Ruth Bennett', reasons: ' ' });
      expect(res.status).toBe(400);
      expect(errorSummary(res.text)).toEqual([{ field: 'reasons', message: 'Enter the reasons for the call-in' }]);
      expect(res.text).toContain('Cllr Ruth Bennett');
    });

    it('says when the decision changed since the form was opened (409)', async () => {
      const id = await published();
      const form = await member.get(`/decisions/${id}/call-in`);
      await created(`/decisions/${id}/call-in`, { members: ['Cllr Mary Cooke'], reasons: 'Costs' });
      const res = await member
        .post(`/decisions/${id}/call-in`)
        .type('form')
        .send({ _csrf: csrfOf(form.text), version: '2', members: 'Cllr Ruth Bennett', reasons: 'Costs again' });
      expect(res.status).toBe(409);
      expect(textOf(res.text)).toContain('This record changed since you opened the form');
    });

    it("shows the domain's refusal to call in a decision not yet published (409)", async () => {
      const res = await send(staff, '/decisions/new', decisionFields());
      const id = (res.headers['location'] as string).split('/')[2] ?? '';
      const callIn = await send(member, `/decisions/${id}/call-in`, { members: 'Cllr Ruth Bennett', reasons: 'Costs' });
      expect(callIn.status).toBe(409);
      expect(textOf(callIn.text)).toContain('has not been published');
    });

    it('refuses an officer (403) and changes nothing', async () => {
      const id = await published();
      expect((await officer.get(`/decisions/${id}/call-in`)).status).toBe(403);
      const res = await send(officer, `/decisions/${id}/call-in`, { members: 'Cllr X', reasons: 'Y' }, '/');
      expect(res.status).toBe(403);
      expect((await readDecision(id)).callIn).toBeUndefined();
    });
  });
});
