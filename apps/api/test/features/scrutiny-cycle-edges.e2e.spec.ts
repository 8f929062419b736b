import type { Response } from 'supertest';
import { expectProblem, startFeatureApp, type FeatureApp } from './support/feature-app.js';
import { assignAction, seedMeetingWorld, type MeetingWorld } from './support/seed-over-http.js';
import { setClock, ViewClient } from './support/views-world.js';

const EXECUTIVE = { kind: 'executive', name: 'the Executive' } as const;
const UNKNOWN_ID = '00000000-0000-4000-8000-0000000000ee';

/** A refusal naming the field or rule it is about, in its detail and its problem type. */
function expectRefusal(res: Response, status: number, code: string, named: string): void {
  expectProblem(res, status, code);
  expect(res.body.detail).toContain(named);
}

/** A 400 from validation naming the field that failed. */
function expectInvalidField(res: Response, field: string): void {
  expectProblem(res, 400, 'validation-failed');
  expect(JSON.stringify(res.body.errors ?? res.body.detail)).toContain(field);
}

/** Recommendations and decisions taken out of turn, with dates in the wrong order, and with hostile input. */
describe('the scrutiny cycle over HTTP: bad input and steps in the wrong order', () => {
  let f: FeatureApp;
  let client: ViewClient;
  let world: MeetingWorld;

  const post = (path: string, body: object, headers: Record<string, string> = {}) =>
    f.http().post(`/api/v1${path}`).set(headers).send(body);
  const send = (path: string, body: object) => client.send('post', path, body);
  const recommend = (extra: object = {}) =>
    send('/recommendations', {
      committeeId: world.committeeId,
      reportRef: 'Task & Finish Group Report Part 1',
      reference: 'R1',
      text: 'That the Executive extend the recruitment and retention scheme',
      decisionMaker: EXECUTIVE,
      madeOn: '2017-01-16',
      ...extra,
    });
  const sent = async (receivedOn = '2017-01-20') => {
    const id = await recommend();
    await send(`/recommendations/${id}/sending`, { receivedOn });
    return id;
  };
  const responded = async (respondedOn = '2017-03-01', response = 'accepted') => {
    const id = await sent();
    await send(`/recommendations/${id}/response`, { response, reasons: 'Agreed', respondedOn });
    return id;
  };
  const decide = (extra: object = {}) =>
    send('/decisions', {
      decisionMaker: EXECUTIVE,
      title: 'Extend the recruitment and retention scheme',
      decision: 'The scheme is extended for 2017/18',
      decidedOn: '2017-02-28',
      keyDecision: true,
      reasons: 'Recruitment remains difficult',
      ...extra,
    });
  /** Published Wednesday 1 March 2017: call-in runs to the end of Wednesday 8 March, effective Thursday 9 March. */
  const published = async () => {
    const id = await decide();
    await send(`/decisions/${id}/publication`, { publishedOn: '2017-03-01' });
    return id;
  };
  const callIn = (id: string) => post(`/decisions/${id}/call-in`, { members: ['Cllr Ruth Bennett'], reasons: 'Costs not set out' });

  beforeAll(async () => {
    f = await startFeatureApp();
    client = new ViewClient(f);
    setClock(f, '2017-03-01T10:00:00Z');
    world = await seedMeetingWorld(f);
  }, 60_000);
  afterAll(async () => {
    await f?.close();
  });
  beforeEach(() => setClock(f, '2017-03-01T10:00:00Z'));

  describe('dates in the wrong order', () => {
    it('refuses a recommendation received before it was made (422 received-on-before-date-made)', async () => {
      const id = await recommend();
      const res = await post(`/recommendations/${id}/sending`, { receivedOn: '2017-01-15' });
      expectRefusal(res, 422, 'received-on-before-date-made', 'receivedOn 2017-01-15');
      expect(res.body.details).toMatchObject({ field: 'receivedOn', dateMade: '2017-01-16' });
    });

    it('refuses a response before the recommendation was received (422 responded-on-before-date-received)', async () => {
      const id = await sent('2017-01-20');
      const res = await post(`/recommendations/${id}/response`, { response: 'accepted', reasons: 'Agreed', respondedOn: '2017-01-19' });
      expectRefusal(res, 422, 'responded-on-before-date-received', 'respondedOn 2017-01-19');
      expect(res.body.details).toMatchObject({ field: 'respondedOn', dateReceived: '2017-01-20' });
    });

    it('refuses a response published before it was made (422 published-on-before-date-responded)', async () => {
      const id = await responded('2017-02-10');
      const res = await post(`/recommendations/${id}/response-publication`, { publishedOn: '2017-02-09' });
      expectRefusal(res, 422, 'published-on-before-date-responded', 'publishedOn 2017-02-09');
    });

    it('refuses a decision published before it was taken (422 published-on-before-date-decided)', async () => {
      const id = await decide({ decidedOn: '2017-02-28' });
      const res = await post(`/decisions/${id}/publication`, { publishedOn: '2017-02-27' });
      expectRefusal(res, 422, 'published-on-before-date-decided', 'publishedOn 2017-02-27');
    });

    it('refuses a call-in before publication (409 decision-not-published) and after the period ended (409 call-in-period-ended)', async () => {
      const unpublished = await decide();
      expectRefusal(await callIn(unpublished), 409, 'decision-not-published', 'has not been published');

      const id = await published();
      setClock(f, '2017-03-09T09:00:00Z');
      const late = await callIn(id);
      expectRefusal(late, 409, 'call-in-period-ended', '2017-03-08');
      expect(late.body.details).toEqual({ callInEndsOn: '2017-03-08' });
    });

    it('accepts a call-in on the last day of the period, late in the UK evening', async () => {
      const id = await published();
      setClock(f, '2017-03-08T23:30:00Z');
      expect((await callIn(id)).status).toBe(200);
    });

    it('refuses a call-in outcome dated before the call-in (422 concluded-on-before-date-called-in)', async () => {
      const id = await published();
      setClock(f, '2017-03-03T10:00:00Z');
      await callIn(id);
      const res = await post(`/decisions/${id}/call-in-outcome`, { outcome: 'upheld', concludedOn: '2017-03-02' });
      expectRefusal(res, 422, 'concluded-on-before-date-called-in', 'concludedOn 2017-03-02');
    });

    it('refuses a review or closure before there is a response (409), or dated before it (422)', async () => {
      const unanswered = await sent();
      expectProblem(
        await post(`/recommendations/${unanswered}/reviews`, { rag: 'green', evidence: 'Done', reviewedOn: '2017-03-01' }),
        409,
        'recommendation-not-responded',
      );
      expectProblem(await post(`/recommendations/${unanswered}/closure`, { agreedOn: '2017-03-01' }), 409, 'recommendation-not-responded');

      const id = await responded('2017-02-20');
      const review = await post(`/recommendations/${id}/reviews`, { rag: 'green', evidence: 'Done', reviewedOn: '2017-02-19' });
      expectRefusal(review, 422, 'reviewed-on-before-date-responded', 'reviewedOn 2017-02-19');
      const closure = await post(`/recommendations/${id}/closure`, { agreedOn: '2017-02-19' });
      expectRefusal(closure, 422, 'agreed-on-before-date-responded', 'agreedOn 2017-02-19');
    });

    it.each([
      ['madeOn', 'made-on-in-future', async () => post('/recommendations', { ...recommendBody(), madeOn: '2017-03-02' })],
      [
        'receivedOn',
        'received-on-in-future',
        async () => post(`/recommendations/${await recommend()}/sending`, { receivedOn: '2017-03-02' }),
      ],
      [
        'respondedOn',
        'responded-on-in-future',
        async () => post(`/recommendations/${await sent()}/response`, { response: 'rejected', reasons: 'No', respondedOn: '2017-03-02' }),
      ],
      [
        'publishedOn',
        'published-on-in-future',
        async () => post(`/recommendations/${await responded()}/response-publication`, { publishedOn: '2017-03-02' }),
      ],
      [
        'reviewedOn',
        'reviewed-on-in-future',
        async () => post(`/recommendations/${await responded()}/reviews`, { rag: 'amber', evidence: 'Started', reviewedOn: '2017-03-02' }),
      ],
      ['agreedOn', 'agreed-on-in-future', async () => post(`/recommendations/${await responded()}/closure`, { agreedOn: '2017-03-02' })],
      ['decidedOn', 'decided-on-in-future', async () => post('/decisions', { ...decisionBody(), decidedOn: '2017-03-02' })],
      [
        'publishedOn',
        'published-on-in-future',
        async () => post(`/decisions/${await decide()}/publication`, { publishedOn: '2017-03-02' }),
      ],
    ])('refuses %s in the future, by the UK date (422 %s)', async (field, code, attempt) => {
      const res = await attempt();
      expectRefusal(res, 422, code, `${field} 2017-03-02 is after today (2017-03-01)`);
    });

    it('refuses a call-in outcome or a reconsideration dated in the future, and a reconsideration before the referral', async () => {
      const id = await published();
      await callIn(id);
      const outcome = await post(`/decisions/${id}/call-in-outcome`, { outcome: 'referred-back', concludedOn: '2017-03-02' });
      expectRefusal(outcome, 422, 'concluded-on-in-future', 'concludedOn 2017-03-02');
      await send(`/decisions/${id}/call-in-outcome`, { outcome: 'referred-back', concludedOn: '2017-03-01' });
      setClock(f, '2017-03-10T10:00:00Z');
      const future = await post(`/decisions/${id}/reconsideration`, { outcome: 'confirmed', reasons: 'Right', decidedOn: '2017-03-11' });
      expectRefusal(future, 422, 'decided-on-in-future', 'decidedOn 2017-03-11');
      const early = await post(`/decisions/${id}/reconsideration`, { outcome: 'confirmed', reasons: 'Right', decidedOn: '2017-02-28' });
      expectRefusal(early, 422, 'decided-on-before-date-referred', 'decidedOn 2017-02-28');
    });

    it('takes "today" as the UK date: at 23:30 UTC on 30 June it is already 1 July in London', async () => {
      setClock(f, '2017-06-30T23:30:00Z');
      const id = await recommend();
      expect((await post(`/recommendations/${id}/sending`, { receivedOn: '2017-07-01' })).status).toBe(200);
      const again = await recommend();
      expectRefusal(
        await post(`/recommendations/${again}/sending`, { receivedOn: '2017-07-02' }),
        422,
        'received-on-in-future',
        '2017-07-01',
      );
    });
  });

  describe('steps taken twice or out of turn', () => {
    it('refuses a response to a recommendation never sent (409 recommendation-not-sent)', async () => {
      const id = await recommend();
      const res = await post(`/recommendations/${id}/response`, { response: 'accepted', reasons: 'Agreed', respondedOn: '2017-02-01' });
      expectRefusal(res, 409, 'recommendation-not-sent', 'has not been sent');
    });

    it('refuses a second sending, a second response and a second publication (409)', async () => {
      const id = await responded('2017-02-01');
      expectProblem(await post(`/recommendations/${id}/sending`, { receivedOn: '2017-01-20' }), 409, 'recommendation-already-sent');
      const again = await post(`/recommendations/${id}/response`, { response: 'rejected', reasons: 'Changed', respondedOn: '2017-02-02' });
      expectRefusal(again, 409, 'recommendation-already-responded', 'responded on 2017-02-01');
      await send(`/recommendations/${id}/response-publication`, { publishedOn: '2017-02-03' });
      expectProblem(
        await post(`/recommendations/${id}/response-publication`, { publishedOn: '2017-02-04' }),
        409,
        'response-already-published',
      );
    });

    it('refuses closure twice (409 recommendation-closed), and a review after it', async () => {
      const id = await responded('2017-02-01');
      await send(`/recommendations/${id}/closure`, { agreedOn: '2017-02-20' });
      const twice = await post(`/recommendations/${id}/closure`, { agreedOn: '2017-02-21' });
      expectRefusal(twice, 409, 'recommendation-closed', 'closed on 2017-02-20');
      expectProblem(
        await post(`/recommendations/${id}/reviews`, { rag: 'green', evidence: 'Done', reviewedOn: '2017-02-21' }),
        409,
        'recommendation-closed',
      );
    });

    it('refuses reviewing or linking an action to a rejected recommendation (409 recommendation-rejected)', async () => {
      const id = await responded('2017-02-01', 'rejected');
      const res = await post(`/recommendations/${id}/reviews`, { rag: 'green', evidence: 'Done', reviewedOn: '2017-02-21' });
      expectRefusal(res, 409, 'recommendation-rejected', 'was rejected');
      const link = await post(`/recommendations/${id}/implementation-actions`, { actionId: await assignAction(f, world) });
      expectRefusal(link, 409, 'recommendation-rejected', 'nothing to implement');
    });

    it('refuses an outcome for a decision never called in (409 decision-not-called-in), and a second outcome', async () => {
      const id = await published();
      const res = await post(`/decisions/${id}/call-in-outcome`, { outcome: 'upheld', concludedOn: '2017-03-01' });
      expectRefusal(res, 409, 'decision-not-called-in', 'has not been called in');

      expect((await callIn(id)).status).toBe(200);
      await send(`/decisions/${id}/call-in-outcome`, { outcome: 'upheld', concludedOn: '2017-03-01' });
      expectProblem(
        await post(`/decisions/${id}/call-in-outcome`, { outcome: 'referred-back', concludedOn: '2017-03-01' }),
        409,
        'call-in-already-concluded',
      );
    });

    it('refuses a second publication and a second call-in (409)', async () => {
      const id = await published();
      expectProblem(await post(`/decisions/${id}/publication`, { publishedOn: '2017-03-01' }), 409, 'decision-already-published');
      expect((await callIn(id)).status).toBe(200);
      expectProblem(await callIn(id), 409, 'decision-already-called-in');
    });

    it('refuses a call-in naming a blank member (422 members.<n>-required)', async () => {
      const id = await published();
      const res = await post(`/decisions/${id}/call-in`, { members: ['Cllr Ruth Bennett', '  '], reasons: 'Costs not set out' });
      expectRefusal(res, 422, 'members.1-required', 'members.1');
    });

    it('refuses reconsidering a decision that was not referred (409 decision-not-referred)', async () => {
      const id = await published();
      const res = await post(`/decisions/${id}/reconsideration`, { outcome: 'confirmed', reasons: 'Still right', decidedOn: '2017-03-01' });
      expectProblem(res, 409, 'decision-not-referred');
    });
  });

  describe('an action implementing a decision', () => {
    const progress = (actionId: string) => post(`/actions/${actionId}/progress`, { note: 'Scheme letters drafted' });
    const implementing = (decisionId: string) => assignAction(f, world, { implementsDecisionId: decisionId, dueDate: '2017-12-31' });
    const expectRefusedAs = async (actionId: string, status: string) => {
      const res = await progress(actionId);
      expectProblem(res, 409, 'decision-not-effective');
      expect(res.body.details.implementation.status).toBe(status);
    };

    it('given a decision not yet published, refuses progress until its call-in period has ended, then accepts it', async () => {
      const decisionId = await decide();
      const actionId = await implementing(decisionId);
      await expectRefusedAs(actionId, 'awaiting-publication');

      await send(`/decisions/${decisionId}/publication`, { publishedOn: '2017-03-01' });
      setClock(f, '2017-03-08T20:00:00Z');
      await expectRefusedAs(actionId, 'in-call-in-period');
      expectProblem(await post(`/actions/${actionId}/completion`, { outcome: 'Done' }), 409, 'decision-not-effective');

      setClock(f, '2017-03-09T09:00:00Z');
      expect((await progress(actionId)).status).toBe(200);
    });

    it('when it is called in, refuses progress while called in and accepts it once the call-in is upheld', async () => {
      const decisionId = await published();
      const actionId = await implementing(decisionId);
      setClock(f, '2017-03-06T10:00:00Z');
      expect((await callIn(decisionId)).status).toBe(200);
      setClock(f, '2017-03-10T10:00:00Z');
      await expectRefusedAs(actionId, 'called-in');

      await send(`/decisions/${decisionId}/call-in-outcome`, { outcome: 'upheld', concludedOn: '2017-03-10' });
      expect((await progress(actionId)).status).toBe(200);
    });

    it('when it is referred back, refuses progress until it is reconsidered and confirmed', async () => {
      const decisionId = await published();
      const actionId = await implementing(decisionId);
      setClock(f, '2017-03-06T10:00:00Z');
      await callIn(decisionId);
      await send(`/decisions/${decisionId}/call-in-outcome`, { outcome: 'referred-back', concludedOn: '2017-03-06' });
      setClock(f, '2017-03-20T10:00:00Z');
      await expectRefusedAs(actionId, 'awaiting-reconsideration');

      await send(`/decisions/${decisionId}/reconsideration`, {
        outcome: 'confirmed',
        reasons: 'Costs now set out',
        decidedOn: '2017-03-20',
      });
      expect((await progress(actionId)).status).toBe(200);
    });

    it('judges progress by its business date: staff backdating it into the call-in period are refused', async () => {
      const decisionId = await published();
      const actionId = await implementing(decisionId);
      setClock(f, '2017-03-20T10:00:00Z');
      const backdated = await post(`/actions/${actionId}/progress`, { note: 'Letters drafted', occurredAt: '2017-03-08' });
      expectProblem(backdated, 409, 'decision-not-effective');
      expect(backdated.body.details.implementation).toEqual({
        status: 'in-call-in-period',
        callInEndsOn: '2017-03-08',
        effectiveOn: '2017-03-09',
      });
      expect((await post(`/actions/${actionId}/progress`, { note: 'Letters sent', occurredAt: '2017-03-09' })).status).toBe(200);
    });

    it('answers a malformed occurredAt on such an action with 400 naming it, not 500', async () => {
      const actionId = await implementing(await published());
      setClock(f, '2017-03-20T10:00:00Z');
      const res = await post(`/actions/${actionId}/progress`, { note: 'Letters drafted', occurredAt: 'last Tuesday' });
      expectInvalidField(res, 'occurredAt');
    });

    it('when it is referred to full council and withdrawn, refuses progress as withdrawn', async () => {
      const decisionId = await published();
      const actionId = await implementing(decisionId);
      setClock(f, '2017-03-06T10:00:00Z');
      await callIn(decisionId);
      await send(`/decisions/${decisionId}/call-in-outcome`, { outcome: 'referred-to-council', concludedOn: '2017-03-06' });
      await send(`/decisions/${decisionId}/reconsideration`, {
        outcome: 'withdrawn',
        reasons: 'Council objected',
        decidedOn: '2017-03-06',
      });
      setClock(f, '2017-06-01T10:00:00Z');
      await expectRefusedAs(actionId, 'withdrawn');
    });
  });

  describe('the response clock (s.9FE), two months beginning with the day of receipt', () => {
    it.each([
      ['2017-03-10', '2017-05-09'],
      ['2016-12-29', '2017-02-28'],
      ['2016-12-30', '2017-02-28'],
      ['2016-12-31', '2017-02-28'],
      ['2019-12-29', '2020-02-28'],
      ['2019-12-30', '2020-02-29'],
      ['2019-12-31', '2020-02-29'],
      ['2017-01-29', '2017-03-28'],
      ['2017-01-30', '2017-03-29'],
      ['2017-01-31', '2017-03-30'],
      ['2020-01-29', '2020-03-28'],
      ['2020-01-30', '2020-03-29'],
      ['2020-01-31', '2020-03-30'],
    ])('received %s: the response is due by %s', async (receivedOn, dueOn) => {
      setClock(f, '2020-06-01T10:00:00Z');
      const id = await recommend({ madeOn: receivedOn });
      const res = await post(`/recommendations/${id}/sending`, { receivedOn });
      expect(res.status).toBe(200);
      const read = await f.http().get(`/api/v1/recommendations/${id}`);
      expect(read.body.sent).toEqual({ receivedOn, responseDueOn: dueOn });
    });

    it('shows the response as awaited on the due date and overdue the day after, on /overdue and the tracker', async () => {
      setClock(f, '2017-06-01T10:00:00Z');
      const committeeId = await send('/committees', { name: 'Overview and Scrutiny Board', kind: 'scrutiny' });
      const id = await send('/recommendations', {
        committeeId,
        reportRef: 'Report OSB17001',
        reference: 'B1',
        text: 'That the Executive review agency rates',
        decisionMaker: EXECUTIVE,
        madeOn: '2017-03-06',
      });
      await send(`/recommendations/${id}/sending`, { receivedOn: '2017-03-10' });

      const chase = async (asOf: string) => (await client.view('/overdue', { committeeId, asOf })).body.responses;
      const answer = (await client.view('/overdue', { committeeId, asOf: '2017-05-10' })).body;
      expect(answer).toMatchObject({ asOf: '2017-05-10', actions: [], nextAfter: null });
      expect(await chase('2017-05-09')).toEqual([
        expect.objectContaining({ recommendationId: id, responseDueOn: '2017-05-09', overdue: false, daysOverdue: 0 }),
      ]);
      expect(await chase('2017-05-10')).toEqual([
        expect.objectContaining({ recommendationId: id, responseDueOn: '2017-05-09', overdue: true, daysOverdue: 1 }),
      ]);

      const tracked = async (asOf: string) => (await client.view(`/committees/${committeeId}/recommendations`, { asOf })).body.rows;
      expect(await tracked('2017-05-09')).toEqual([
        expect.objectContaining({ recommendationId: id, status: 'awaiting-response', responseOverdue: false, daysOverdue: 0 }),
      ]);
      expect(await tracked('2017-05-10')).toEqual([
        expect.objectContaining({ recommendationId: id, status: 'response-overdue', responseOverdue: true, daysOverdue: 1 }),
      ]);
    });
  });

  describe('hostile and unknown input: 400, 404 or 422, never 500', () => {
    it.each([
      ['GET', '/recommendations/not-a-uuid'],
      ['POST', '/recommendations/not-a-uuid/sending'],
      ['POST', '/recommendations/1/closure'],
      ['GET', '/decisions/0000'],
      ['POST', '/decisions/not-a-uuid/call-in'],
      ['GET', '/committees/not-a-uuid/recommendations'],
    ])('answers 400 naming the id for %s %s', async (method, path) => {
      const req = method === 'GET' ? f.http().get(`/api/v1${path}`) : f.http().post(`/api/v1${path}`).send({});
      const res = await req;
      expect(res.status).toBe(400);
      expect(res.body.type).toMatch(/^https:\/\/actiontrail\.dev\/problems\//);
      expect(JSON.stringify(res.body)).toMatch(/Id|uuid|UUID/);
    });

    it.each([
      ['/recommendations/{id}/sending', { receivedOn: '2017-01-20' }, 'recommendation-not-found'],
      ['/recommendations/{id}/response', { response: 'accepted', reasons: 'x', respondedOn: '2017-01-20' }, 'recommendation-not-found'],
      ['/recommendations/{id}/response-publication', { publishedOn: '2017-01-20' }, 'recommendation-not-found'],
      ['/recommendations/{id}/implementation-actions', { actionId: UNKNOWN_ID }, 'recommendation-not-found'],
      ['/recommendations/{id}/reviews', { rag: 'green', evidence: 'x', reviewedOn: '2017-01-20' }, 'recommendation-not-found'],
      ['/recommendations/{id}/closure', { agreedOn: '2017-01-20' }, 'recommendation-not-found'],
      ['/decisions/{id}/publication', { publishedOn: '2017-01-20' }, 'decision-not-found'],
      ['/decisions/{id}/call-in', { members: ['Cllr A'], reasons: 'x' }, 'decision-not-found'],
      ['/decisions/{id}/call-in-outcome', { outcome: 'upheld', concludedOn: '2017-01-20' }, 'decision-not-found'],
      ['/decisions/{id}/reconsideration', { outcome: 'confirmed', reasons: 'x', decidedOn: '2017-01-20' }, 'decision-not-found'],
    ])('answers 404 for POST %s on an id never recorded', async (path, body, code) => {
      const res = await post(path.replace('{id}', UNKNOWN_ID), body);
      expectRefusal(res, 404, code, UNKNOWN_ID);
    });

    it('answers 404 for an unknown recommendation or decision as of a date, and for an unknown committee tracker', async () => {
      expectProblem(await f.http().get(`/api/v1/recommendations/${UNKNOWN_ID}?asOf=2017-01-01T00:00:00Z`), 404, 'recommendation-not-found');
      expectProblem(await f.http().get(`/api/v1/decisions/${UNKNOWN_ID}`), 404, 'decision-not-found');
      expectProblem(await client.view(`/committees/${UNKNOWN_ID}/recommendations`), 404, 'committee-not-found');
    });

    it("answers the views' bad queries 400 naming the parameter, and an unknown committee on /overdue 422", async () => {
      const tracker = `/committees/${world.committeeId}/recommendations`;
      expectInvalidField(await client.view(tracker, { asOf: '2017-02-30' }), 'asOf');
      expectInvalidField(await client.view(tracker, { status: 'late' }), 'status');
      expectInvalidField(await client.view(tracker, { municipalYear: '0000/01' }), 'municipalYear');
      expectInvalidField(await client.view(tracker, { municipalYear: '2999/00' }), 'municipalYear');
      expectInvalidField(await client.view('/decisions', { after: 'not-a-cursor' }), 'after');
      expectInvalidField(await client.view('/overdue', { asOf: 'tomorrow' }), 'asOf');
      expectRefusal(await client.view('/overdue', { committeeId: UNKNOWN_ID }), 422, 'committee-not-found', UNKNOWN_ID);
    });

    it('refuses an action that does not exist linked to an accepted recommendation (422 action-not-found)', async () => {
      const id = await responded();
      expectRefusal(
        await post(`/recommendations/${id}/implementation-actions`, { actionId: UNKNOWN_ID }),
        422,
        'action-not-found',
        UNKNOWN_ID,
      );
    });

    it('refuses a decision maker of an unknown kind (400 naming decisionMaker.kind)', async () => {
      const maker = { kind: 'mayor', name: 'the Mayor' };
      expectInvalidField(await post('/recommendations', { ...recommendBody(), decisionMaker: maker }), 'kind');
      expectInvalidField(await post('/decisions', { ...decisionBody(), decisionMaker: maker }), 'kind');
    });

    it('refuses a portfolio holder without a post (422 decision-maker-post-required) or with a post that does not exist (422)', async () => {
      const noPost = { kind: 'portfolio-holder', name: 'the Portfolio Holder for Care Services' };
      const unknownPost = { ...noPost, postId: UNKNOWN_ID };
      expectProblem(await post('/recommendations', { ...recommendBody(), decisionMaker: noPost }), 422, 'decision-maker-post-required');
      expectProblem(await post('/decisions', { ...decisionBody(), decisionMaker: noPost }), 422, 'decision-maker-post-required');
      const recommendation = await post('/recommendations', { ...recommendBody(), decisionMaker: unknownPost });
      expectRefusal(recommendation, 422, 'decision-maker-post-not-found', UNKNOWN_ID);
      const decision = await post('/decisions', { ...decisionBody(), decisionMaker: unknownPost });
      expectRefusal(decision, 422, 'decision-maker-post-not-found', UNKNOWN_ID);
    });

    it.each([
      [
        'response',
        async () => post(`/recommendations/${await sent()}/response`, { response: 'maybe', reasons: 'x', respondedOn: '2017-02-01' }),
      ],
      [
        'rag',
        async () => post(`/recommendations/${await responded()}/reviews`, { rag: 'purple', evidence: 'x', reviewedOn: '2017-03-01' }),
      ],
      ['outcome', async () => post(`/decisions/${UNKNOWN_ID}/call-in-outcome`, { outcome: 'dismissed', concludedOn: '2017-03-01' })],
      [
        'outcome',
        async () => post(`/decisions/${UNKNOWN_ID}/reconsideration`, { outcome: 'ignored', reasons: 'x', decidedOn: '2017-03-01' }),
      ],
      ['keyDecision', async () => post('/decisions', { ...decisionBody(), keyDecision: 'yes' })],
      ['receivedOn', async () => post(`/recommendations/${await recommend()}/sending`, { receivedOn: '2017-02-30' })],
      ['publishedOn', async () => post(`/decisions/${await decide()}/publication`, { publishedOn: '1 March 2017' })],
      ['members', async () => post(`/decisions/${await published()}/call-in`, { members: 'Cllr A', reasons: 'x' })],
    ])('refuses a wrong value of %s (400 naming it)', async (field, attempt) => {
      expectInvalidField(await attempt(), field);
    });
  });

  const recommendBody = () => ({
    committeeId: world.committeeId,
    reportRef: 'Task & Finish Group Report Part 1',
    reference: 'R9',
    text: 'That the Executive review agency rates',
    decisionMaker: EXECUTIVE,
    madeOn: '2017-01-16',
  });
  const decisionBody = () => ({
    decisionMaker: EXECUTIVE,
    title: 'Review agency rates',
    decision: 'Agency rates are reviewed',
    decidedOn: '2017-02-28',
    keyDecision: false,
    reasons: 'Costs',
  });
});
