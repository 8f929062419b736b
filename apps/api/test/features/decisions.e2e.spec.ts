import { Clock } from '../../src/features/shared/clock.js';
import { expectProblem, startFeatureApp, type FeatureApp } from './support/feature-app.js';
import { assignAction, seedMeetingWorld } from './support/seed-over-http.js';

const EXECUTIVE = { kind: 'executive', name: 'the Executive' } as const;

const decisionBody = (extra: object = {}) => ({
  decisionMaker: EXECUTIVE,
  title: "Children's Social Care Recruitment & Retention Strategy",
  decision: 'The scheme is extended for the 2015/16 and 2016/17 financial years',
  decidedOn: '2026-12-22',
  keyDecision: true,
  reasons: 'Recruitment of experienced social workers remains difficult',
  reportRef: 'Report CS14078',
  ...extra,
});

async function created(f: FeatureApp, path: string, body: object, headers: Record<string, string> = {}): Promise<string> {
  const res = await f.http().post(`/api/v1${path}`).set(headers).send(body);
  if (res.status !== 201 && res.status !== 200) throw new Error(`${path} answered ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body.id as string;
}

describe('executive decisions and call-in over HTTP', () => {
  let f: FeatureApp;
  let today = '2026-12-23';
  const read = (id: string, query = '') => f.http().get(`/api/v1/decisions/${id}${query}`);

  beforeAll(async () => {
    f = await startFeatureApp();
    f.app.get(Clock).now = () => new Date(`${today}T10:00:00Z`);
  }, 60_000);
  afterAll(async () => {
    await f?.close();
  });

  it('given publication on 23 December 2026, call-in runs to 4 January 2027 (Christmas, Boxing Day substitute and New Year not counted)', async () => {
    today = '2026-12-23';
    const id = await created(f, '/decisions', decisionBody());
    expect((await f.http().post(`/api/v1/decisions/${id}/publication`).send({ publishedOn: '2026-12-23' })).status).toBe(200);

    const res = await read(id);
    expect(res.body).toMatchObject({
      recordedOnBehalf: true,
      publication: { publishedOn: '2026-12-23', callInClearWorkingDays: 5, callInEndsOn: '2027-01-04', effectiveOn: '2027-01-05' },
      implementation: { on: '2026-12-23', status: 'in-call-in-period', effectiveOn: '2027-01-05' },
    });
    today = '2027-01-05';
    expect((await read(id)).body.implementation).toEqual({ on: '2027-01-05', status: 'effective', since: '2027-01-05' });
  });

  it('when members call it in, implementation pauses until the call-in is upheld', async () => {
    today = '2026-12-23';
    const id = await created(f, '/decisions', decisionBody());
    await created(f, `/decisions/${id}/publication`, { publishedOn: '2026-12-23' });
    today = '2026-12-29';
    const callIn = await f
      .http()
      .post(`/api/v1/decisions/${id}/call-in`)
      .set(f.as(['member'], 'cllr-bennett', 'Cllr Ruth Bennett'))
      .send({ members: ['Cllr Ruth Bennett', 'Cllr Mary Cooke'], reasons: 'The costs of the enhancements were not set out' });
    expect(callIn.status).toBe(200);
    today = '2027-01-06';
    expect((await read(id)).body.implementation).toEqual({ on: '2027-01-06', status: 'called-in', requestedOn: '2026-12-29' });

    await created(f, `/decisions/${id}/call-in-outcome`, { outcome: 'upheld', concludedOn: '2027-01-06' });
    today = '2027-01-07';
    expect((await read(id)).body.implementation).toEqual({ on: '2027-01-07', status: 'effective', since: '2027-01-06' });
  });

  it('shows the decision as recorded before its publication', async () => {
    today = '2026-12-23';
    const id = await created(f, '/decisions', decisionBody());
    const before = new Date().toISOString();
    await new Promise((resolve) => setTimeout(resolve, 5));
    await created(f, `/decisions/${id}/publication`, { publishedOn: '2026-12-23' });
    const then = await read(id, `?asOf=${encodeURIComponent(before)}`);
    expect(then.body.publication).toBeUndefined();
    expect(then.body.implementation.status).toBe('awaiting-publication');
  });

  it('refuses a member recording a decision for a decision maker they do not speak for (403)', async () => {
    const res = await f
      .http()
      .post('/api/v1/decisions')
      .set(f.as(['member'], 'cllr-bennett'))
      .send(decisionBody());
    expectProblem(res, 403, 'not-the-decision-maker');
  });

  it('refuses a decision answering a recommendation that does not exist (422), and an unknown decision (404)', async () => {
    const res = await f
      .http()
      .post('/api/v1/decisions')
      .send(decisionBody({ recommendationIds: ['00000000-0000-4000-8000-000000000009'] }));
    expectProblem(res, 422, 'recommendation-not-found');
    expectProblem(await read('00000000-0000-4000-8000-00000000000a'), 404, 'decision-not-found');
  });

  it('an action implementing the decision refuses progress and completion until the decision is effective', async () => {
    today = '2026-12-23';
    const world = await seedMeetingWorld(f);
    const id = await created(f, '/decisions', decisionBody());
    await created(f, `/decisions/${id}/publication`, { publishedOn: '2026-12-23' });
    const actionId = await assignAction(f, world, { implementsDecisionId: id, dueDate: '2027-03-31' });
    const progress = () => f.http().post(`/api/v1/actions/${actionId}/progress`).send({ note: 'Scheme letters drafted' });

    today = '2026-12-30';
    const early = await progress();
    expectProblem(early, 409, 'decision-not-effective');
    expect(early.body.details.implementation).toEqual({
      status: 'in-call-in-period',
      callInEndsOn: '2027-01-04',
      effectiveOn: '2027-01-05',
    });
    expectProblem(await f.http().post(`/api/v1/actions/${actionId}/completion`).send({ outcome: 'Done' }), 409, 'decision-not-effective');

    today = '2027-01-05';
    expect((await progress()).status).toBe(200);
  });

  it('refuses an action naming a decision that does not exist (422)', async () => {
    const world = await seedMeetingWorld(f);
    const res = await f.http().post('/api/v1/actions').send({
      resolutionId: world.resolutionId,
      partLabel: '(ii)',
      title: 'Extend the scheme',
      ownerPostId: world.postId,
      dueDate: '2027-03-31',
      implementsDecisionId: '00000000-0000-4000-8000-00000000000b',
    });
    expectProblem(res, 422, 'decision-not-found');
  });

  it('answers 400 naming decisionMaker when it is missing, for a decision and a recommendation', async () => {
    const { decisionMaker: _maker, ...withoutMaker } = decisionBody();
    const decision = await f.http().post('/api/v1/decisions').send(withoutMaker);
    expect(decision.status).toBe(400);
    expect(JSON.stringify(decision.body)).toContain('decisionMaker');
    const recommendation = await f
      .http()
      .post('/api/v1/recommendations')
      .send({ committeeId: '00000000-0000-4000-8000-00000000000c', reportRef: 'R', reference: '1', text: 'x', madeOn: '2015-01-21' });
    expect(recommendation.status).toBe(400);
    expect(JSON.stringify(recommendation.body)).toContain('decisionMaker');
  });

  it('refuses a call-in after the period ended (409)', async () => {
    today = '2026-12-23';
    const id = await created(f, '/decisions', decisionBody());
    await created(f, `/decisions/${id}/publication`, { publishedOn: '2026-12-23' });
    today = '2027-01-05';
    const res = await f
      .http()
      .post(`/api/v1/decisions/${id}/call-in`)
      .send({ members: ['Cllr Ruth Bennett'], reasons: 'Too late' });
    expectProblem(res, 409, 'call-in-period-ended');
  });
});

describe("the council's call-in settings", () => {
  let f: FeatureApp;

  beforeAll(async () => {
    f = await startFeatureApp({ env: { CALL_IN_CLEAR_WORKING_DAYS: '3', BANK_HOLIDAY_DIVISION: 'scotland' } });
    f.app.get(Clock).now = () => new Date('2026-12-31T10:00:00Z');
  }, 60_000);
  afterAll(async () => {
    await f?.close();
  });

  it('counts 3 clear working days without the Scottish 2 January holiday (substituted to Monday 4 January 2027)', async () => {
    const id = await created(f, '/decisions', decisionBody({ decidedOn: '2026-12-30' }));
    await created(f, `/decisions/${id}/publication`, { publishedOn: '2026-12-31' });
    const res = await f.http().get(`/api/v1/decisions/${id}`);
    expect(res.body.publication).toMatchObject({
      callInClearWorkingDays: 3,
      bankHolidays: 'scotland',
      callInEndsOn: '2027-01-07',
      effectiveOn: '2027-01-08',
    });
  });
});
