import type request from 'supertest';
import { CONSOLE_PAGE_SIZE } from '#console';
import { Clock } from '../../src/features/shared/clock.js';
import { startFeatureApp, type FeatureApp } from '../features/support/feature-app.js';
import { csrfOf, seedConsoleWorld, signIn, textOf, waitForReadModels, type ConsoleWorld } from './support/console-world.js';

type Agent = ReturnType<typeof request.agent>;

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const TODAY = '2015-02-13';
const SUPPORTED = 'That the proposal to extend the recruitment and retention scheme for 2015/16 and 2016/17 be supported';

const executive = { kind: 'executive', name: 'the Executive' };

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
  /** A recommendation of the committee, not yet sent. */
  const made = async (reference: string, madeOn = '2015-01-21') => {
    const done = await created('/recommendations', {
      committeeId: w.committeeId,
      reportRef: 'Report CS14078',
      reference,
      text: `${SUPPORTED} (${reference})`,
      decisionMaker: executive,
      madeOn,
    });
    await waitForReadModels(f, done.position);
    return done.id;
  };
  /** A recommendation received on 28 January 2015 that the Executive answered with `response` on 11 February. */
  const responded = async (reference: string, response = 'accepted') => {
    const id = await recommendation(reference, '2015-01-28', executive);
    const done = await created(`/recommendations/${id}/response`, { response, reasons: 'Agreed', respondedOn: '2015-02-11' });
    await waitForReadModels(f, done.position);
    return id;
  };
  /** The next-step buttons a page offers, by where they lead. */
  const nextSteps = (html: string) =>
    [...(/<div class="govuk-button-group" data-next-steps>([\s\S]*?)<\/div>/.exec(html)?.[1]?.matchAll(/href="([^"]+)"/g) ?? [])].map(
      (m) => m[1],
    );
  /** POSTs a step's form at a version it was opened at, after the record moved on. */
  const sendStale = async (agent: Agent, path: string, move: () => Promise<unknown>, fields: Record<string, string>) => {
    const form = await agent.get(path);
    const version = /name="version" value="(\d+)"/.exec(form.text)?.[1] ?? '';
    await move();
    return agent
      .post(path)
      .type('form')
      .send({ _csrf: csrfOf(form.text), version, ...fields });
  };
  const day = (prefix: string, date: string) => {
    const [y = '', m = '', d = ''] = date.split('-');
    return { [`${prefix}Day`]: String(Number(d)), [`${prefix}Month`]: String(Number(m)), [`${prefix}Year`]: y };
  };
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
  describe('a recommendation from sending to closure', () => {
    it('records the day it was received, starting the response clock, and then offers the response', async () => {
      const id = await made('80');
      expect(nextSteps((await staff.get(`/recommendations/${id}`)).text)).toEqual([`/recommendations/${id}/sending`]);
      const res = await send(staff, `/recommendations/${id}/sending`, day('received', '2015-01-28'));
      expect(res.status).toBe(303);
      expect(res.headers['location']).toBe(`/recommendations/${id}`);
      const page = await staff.get(`/recommendations/${id}`);
      expect(textOf(page.text)).toContain('Receipt recorded');
      expect(textOf(page.text)).toContain('Received 28 January 2015 Response due 27 March 2015');
      expect(nextSteps(page.text)).toEqual([`/recommendations/${id}/response`]);
      expect(await readRecommendation(id)).toMatchObject({ sent: { receivedOn: '2015-01-28', responseDueOn: '2015-03-27' } });
    });

    it('keeps what was typed and says what is missing or not a date (400)', async () => {
      const id = await made('81');
      const blank = await send(staff, `/recommendations/${id}/sending`, { receivedDay: '', receivedMonth: '', receivedYear: '' });
      expect(blank.status).toBe(400);
      expect(errorSummary(blank.text)).toEqual([{ field: 'receivedDay', message: 'Enter the day the decision maker received it' }]);
      const future = await send(staff, `/recommendations/${id}/sending`, day('received', '2015-03-01'));
      expect(future.status).toBe(400);
      expect(errorSummary(future.text).map((e) => e.field)).toEqual(['receivedDay']);
      expect(future.text).toMatch(/name="receivedMonth"[^>]*value="3"/);
      expect((await readRecommendation(id)).sent).toBeUndefined();
    });

    it('says when the recommendation changed since the form was opened, showing it fresh (409)', async () => {
      const id = await made('82');
      const res = await sendStale(
        staff,
        `/recommendations/${id}/sending`,
        () => created(`/recommendations/${id}/sending`, { receivedOn: '2015-01-29' }),
        day('received', '2015-01-28'),
      );
      expect(res.status).toBe(409);
      expect(textOf(res.text)).toContain('This record changed since you opened the form');
      expect(textOf(res.text)).toContain('Received 29 January 2015');
      expect((await readRecommendation(id)).sent.receivedOn).toBe('2015-01-29');
    });

    it('refuses a member (403): no button, no form, and the route refuses the step', async () => {
      const id = await made('83');
      expect(nextSteps((await member.get(`/recommendations/${id}`)).text)).toEqual([]);
      expect((await member.get(`/recommendations/${id}/sending`)).status).toBe(403);
      const res = await send(
        member,
        `/recommendations/${id}/sending`,
        { version: '1', ...day('received', '2015-01-28') },
        `/recommendations/${id}`,
      );
      expect(res.status).toBe(403);
      expect((await readRecommendation(id)).sent).toBeUndefined();
    });

    it('records the publication of the response (400 without a day, 403 for a member)', async () => {
      const id = await responded('84');
      expect(nextSteps((await staff.get(`/recommendations/${id}`)).text)).toEqual([
        `/recommendations/${id}/response-publication`,
        `/recommendations/${id}/implementation-actions`,
        `/recommendations/${id}/reviews`,
        `/recommendations/${id}/closure`,
      ]);
      const blank = await send(staff, `/recommendations/${id}/response-publication`, { publishedDay: '' });
      expect(blank.status).toBe(400);
      expect(errorSummary(blank.text)).toEqual([{ field: 'publishedDay', message: 'Enter the day the response was published' }]);
      const early = await send(staff, `/recommendations/${id}/response-publication`, day('published', '2015-02-10'));
      expect(early.status).toBe(400);
      expect(textOf(early.text)).toContain('is before the date responded');
      const refused = await send(
        member,
        `/recommendations/${id}/response-publication`,
        { version: '3', ...day('published', '2015-02-12') },
        `/recommendations/${id}`,
      );
      expect(refused.status).toBe(403);
      const res = await send(staff, `/recommendations/${id}/response-publication`, day('published', '2015-02-12'));
      expect(res.status).toBe(303);
      const page = await staff.get(`/recommendations/${id}`);
      expect(textOf(page.text)).toContain('Response published 12 February 2015');
      expect(nextSteps(page.text)).not.toContain(`/recommendations/${id}/response-publication`);
    });

    it("links an action from the committee's action log as implementing it (400 without one, 403 for a member)", async () => {
      const id = await responded('88');
      const form = await staff.get(`/recommendations/${id}/implementation-actions`);
      expect(form.status).toBe(200);
      expect(form.text).toContain(`<option value="${w.actionId}">`);
      const missing = await send(staff, `/recommendations/${id}/implementation-actions`, { actionId: '' });
      expect(missing.status).toBe(400);
      expect(errorSummary(missing.text)).toEqual([{ field: 'actionId', message: 'Select the action that implements it' }]);
      const refused = await send(
        member,
        `/recommendations/${id}/implementation-actions`,
        { version: '3', actionId: w.actionId },
        `/recommendations/${id}`,
      );
      expect(refused.status).toBe(403);
      const res = await send(staff, `/recommendations/${id}/implementation-actions`, { actionId: w.actionId });
      expect(res.status).toBe(303);
      const page = await staff.get(`/recommendations/${id}`);
      expect(textOf(page.text)).toContain('Implementation action linked');
      expect(textOf(page.text)).toContain('Implementation actions Collate final metrics for Vacancy, Turnover and Agency Rates');
      expect(page.text).toContain(`href="/actions/${w.actionId}"`);
      expect((await staff.get(`/recommendations/${id}/implementation-actions`)).text).not.toContain(`<option value="${w.actionId}">`);
      expect((await readRecommendation(id)).actionIds).toEqual([w.actionId]);
    });

    it('records a review of implementation with its RAG and evidence (400 for what is missing)', async () => {
      const id = await responded('85');
      const missing = await send(staff, `/recommendations/${id}/reviews`, { rag: '', evidence: ' ', ...day('reviewed', '2015-02-13') });
      expect(missing.status).toBe(400);
      expect(errorSummary(missing.text)).toEqual([
        { field: 'rag', message: 'Select how implementation stands' },
        { field: 'evidence', message: 'Enter the evidence the committee saw' },
      ]);
      expect(missing.text).toContain('value="13"');
      const res = await send(staff, `/recommendations/${id}/reviews`, {
        rag: 'amber',
        evidence: 'Four of twelve posts filled',
        ...day('reviewed', '2015-02-13'),
      });
      expect(res.status).toBe(303);
      expect(textOf((await staff.get(`/recommendations/${id}`)).text)).toContain(
        'Last review Amber, 13 February 2015: Four of twelve posts filled',
      );
      expect((await readRecommendation(id)).lastReview).toEqual({
        rag: 'amber',
        evidence: 'Four of twelve posts filled',
        reviewedOn: '2015-02-13',
      });
    });

    it("offers no review of a rejected recommendation, and shows the domain's refusal of one (409)", async () => {
      const id = await responded('86', 'rejected');
      expect(nextSteps((await staff.get(`/recommendations/${id}`)).text)).not.toContain(`/recommendations/${id}/reviews`);
      const res = await send(staff, `/recommendations/${id}/reviews`, { rag: 'green', evidence: 'None', ...day('reviewed', '2015-02-13') });
      expect(res.status).toBe(409);
      expect(textOf(res.text)).toContain('was rejected: there is nothing to implement');
    });

    it('records that the committee agreed closure, after which no step is offered (403 for a member)', async () => {
      const id = await responded('87');
      const refused = await send(
        member,
        `/recommendations/${id}/closure`,
        { version: '3', ...day('agreed', '2015-02-13') },
        `/recommendations/${id}`,
      );
      expect(refused.status).toBe(403);
      const res = await send(staff, `/recommendations/${id}/closure`, { note: 'Implemented in full', ...day('agreed', '2015-02-13') });
      expect(res.status).toBe(303);
      const page = await staff.get(`/recommendations/${id}`);
      expect(textOf(page.text)).toContain('Closure recorded');
      expect(textOf(page.text)).toContain('Closure Agreed 13 February 2015');
      expect(nextSteps(page.text)).toEqual([]);
      expect((await readRecommendation(id)).closedOn).toBe('2015-02-13');
    });
  });

  describe('a decision from publication to reconsideration', () => {
    const recorded = async () => {
      const res = await send(staff, '/decisions/new', decisionFields());
      if (res.status !== 303) throw new Error(`recording a decision answered ${res.status}`);
      return (res.headers['location'] as string).split('/')[2] ?? '';
    };
    const calledIn = async () => {
      const id = await published();
      await waitForReadModels(
        f,
        (await created(`/decisions/${id}/call-in`, { members: ['Cllr Ruth Bennett'], reasons: 'Costs' })).position,
      );
      return id;
    };

    it('records its publication and shows the call-in deadline it computed; then a member may call it in', async () => {
      const id = await recorded();
      expect(nextSteps((await staff.get(`/decisions/${id}`)).text)).toEqual([`/decisions/${id}/publication`]);
      const res = await send(staff, `/decisions/${id}/publication`, day('published', '2015-02-12'));
      expect(res.status).toBe(303);
      expect(res.headers['location']).toBe(`/decisions/${id}`);
      const page = textOf((await staff.get(`/decisions/${id}`)).text);
      expect(page).toContain('Publication recorded');
      expect(page).toContain('Published 12 February 2015 Call-in deadline 19 February 2015');
      expect(nextSteps((await member.get(`/decisions/${id}`)).text)).toEqual([`/decisions/${id}/call-in`]);
      expect((await readDecision(id)).publication).toMatchObject({ publishedOn: '2015-02-12', callInEndsOn: '2015-02-19' });
    });

    it('says a day before the decision was taken on the day field, keeping it (400)', async () => {
      const id = await recorded();
      const res = await send(staff, `/decisions/${id}/publication`, day('published', '2015-02-10'));
      expect(res.status).toBe(400);
      expect(errorSummary(res.text).map((e) => e.field)).toEqual(['publishedDay']);
      expect(res.text).toContain('value="10"');
    });

    it('says when the decision changed since the form was opened (409), and refuses a member (403)', async () => {
      const id = await recorded();
      const stale = await sendStale(
        staff,
        `/decisions/${id}/publication`,
        () => created(`/decisions/${id}/publication`, { publishedOn: '2015-02-11' }),
        day('published', '2015-02-12'),
      );
      expect(stale.status).toBe(409);
      expect(textOf(stale.text)).toContain('Published 11 February 2015');
      const other = await recorded();
      expect(nextSteps((await member.get(`/decisions/${other}`)).text)).toEqual([]);
      const refused = await send(
        member,
        `/decisions/${other}/publication`,
        { version: '1', ...day('published', '2015-02-12') },
        `/decisions/${other}`,
      );
      expect(refused.status).toBe(403);
      expect((await readDecision(other)).publication).toBeUndefined();
    });

    it('records the outcome of the call-in, referred back, and then offers the reconsideration', async () => {
      const id = await calledIn();
      expect(nextSteps((await staff.get(`/decisions/${id}`)).text)).toEqual([`/decisions/${id}/call-in-outcome`]);
      const missing = await send(staff, `/decisions/${id}/call-in-outcome`, {
        outcome: '',
        note: 'Costs unclear',
        ...day('concluded', '2015-02-13'),
      });
      expect(missing.status).toBe(400);
      expect(errorSummary(missing.text)).toEqual([{ field: 'outcome', message: 'Select what the committee decided' }]);
      expect(missing.text).toContain('Costs unclear');
      const refused = await send(
        member,
        `/decisions/${id}/call-in-outcome`,
        { version: '3', outcome: 'upheld', ...day('concluded', '2015-02-13') },
        `/decisions/${id}`,
      );
      expect(refused.status).toBe(403);
      const res = await send(staff, `/decisions/${id}/call-in-outcome`, {
        outcome: 'referred-back',
        note: '',
        ...day('concluded', '2015-02-13'),
      });
      expect(res.status).toBe(303);
      const page = await staff.get(`/decisions/${id}`);
      expect(textOf(page.text)).toContain('Outcome: Referred back to the decision maker, 13 February 2015');
      expect(nextSteps(page.text)).toEqual([`/decisions/${id}/reconsideration`]);
      expect((await readDecision(id)).callIn).toMatchObject({ outcome: 'referred-back', concludedOn: '2015-02-13' });
    });

    it('records the reconsideration of a referred decision (400 for what is missing, 403 for the monitoring officer)', async () => {
      const id = await calledIn();
      await waitForReadModels(
        f,
        (await created(`/decisions/${id}/call-in-outcome`, { outcome: 'referred-to-council', concludedOn: '2015-02-13' })).position,
      );
      const missing = await send(staff, `/decisions/${id}/reconsideration`, {
        outcome: 'amended',
        decision: 'For 2015/16 only',
        reasons: '',
        ...day('decided', '2015-02-13'),
      });
      expect(missing.status).toBe(400);
      expect(errorSummary(missing.text)).toEqual([{ field: 'reasons', message: 'Enter the reasons given' }]);
      expect(missing.text).toContain('For 2015/16 only');
      expect((await monitoring.get(`/decisions/${id}/reconsideration`)).status).toBe(403);
      const res = await send(staff, `/decisions/${id}/reconsideration`, {
        outcome: 'amended',
        decision: 'The scheme is extended for 2015/16 only',
        reasons: 'Costs revisited',
        ...day('decided', '2015-02-13'),
      });
      expect(res.status).toBe(303);
      const page = await staff.get(`/decisions/${id}`);
      expect(textOf(page.text)).toContain('Reconsidered Amended, 13 February 2015');
      expect(nextSteps(page.text)).toEqual([]);
      expect((await readDecision(id)).reconsideration).toMatchObject({ outcome: 'amended', decidedOn: '2015-02-13' });
    });
  });

  describe('paging the tracker and the register, 100 a page', () => {
    const linkOf = (html: string, rel: 'next' | 'prev') =>
      new RegExp(`<a class="govuk-link govuk-pagination__link" href="([^"]+)" rel="${rel}"`).exec(html)?.[1]?.replace(/&amp;/g, '&');
    const trackerRows = (html: string) => [...html.matchAll(/data-recommendation-id="([^"]+)"/g)].map((m) => m[1]);
    const registerRows = (html: string) => [...html.matchAll(/data-decision-id="([^"]+)"/g)].map((m) => m[1]);
    const paged: string[] = [];

    beforeAll(async () => {
      let position = 0;
      for (let i = 0; i <= CONSOLE_PAGE_SIZE; i++) {
        const madeOn = new Date(Date.UTC(2013, 5, 1 + i)).toISOString().slice(0, 10);
        const rec = await created('/recommendations', {
          committeeId: w.committeeId,
          reportRef: 'Report CS13001',
          reference: `P${i + 1}`,
          text: `Paged recommendation ${i + 1}`,
          decisionMaker: executive,
          madeOn,
        });
        paged.push(rec.id);
        const decision = await created('/decisions', {
          decisionMaker: executive,
          title: `Paged decision ${i + 1}`,
          decision: 'Agreed',
          decidedOn: madeOn,
          keyDecision: false,
          reasons: 'Paging',
        });
        position = decision.position;
      }
      await waitForReadModels(f, position);
    }, 120_000);

    it('shows the tracker 100 a page, the next page keeping the filters and reaching the last row', async () => {
      const first = await staff.get(`/committees/${w.committeeId}/recommendations?status=not-sent&municipalYear=2013%2F14`);
      expect(first.status).toBe(200);
      expect(trackerRows(first.text)).toEqual(paged.slice(0, CONSOLE_PAGE_SIZE));
      const next = linkOf(first.text, 'next') ?? '';
      expect(next).toMatch(new RegExp(`^/committees/${w.committeeId}/recommendations\\?status=not-sent&municipalYear=2013%2F14&after=`));
      const second = await staff.get(next);
      expect(second.status).toBe(200);
      expect(trackerRows(second.text)).toEqual([paged[CONSOLE_PAGE_SIZE]]);
      expect(second.text).toMatch(/<option value="not-sent" selected>/);
      expect(second.text).toContain('value="2013/14"');
      expect(linkOf(second.text, 'next')).toBeUndefined();
      expect(linkOf(second.text, 'prev')).toBe(`/committees/${w.committeeId}/recommendations?status=not-sent&municipalYear=2013%2F14`);
    });

    it('shows the register 100 a page, every decision reachable; a forged cursor is not found', async () => {
      const first = await monitoring.get('/decisions');
      const next = linkOf(first.text, 'next') ?? '';
      expect(registerRows(first.text)).toHaveLength(CONSOLE_PAGE_SIZE);
      expect(next).toMatch(/^\/decisions\?after=/);
      const second = await monitoring.get(next);
      expect(second.status).toBe(200);
      expect(textOf(second.text)).toContain('Paged decision 1 ');
      expect(registerRows(second.text).filter((id) => registerRows(first.text).includes(id))).toEqual([]);
      expect((await monitoring.get('/decisions?after=not-a-cursor')).status).toBe(404);
      expect((await staff.get(`/committees/${w.committeeId}/recommendations?after=not-a-cursor`)).status).toBe(404);
    });
  });
});
