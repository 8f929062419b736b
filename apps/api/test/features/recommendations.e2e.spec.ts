import { Clock } from '../../src/features/shared/clock.js';
import { expectProblem, startFeatureApp, type FeatureApp } from './support/feature-app.js';

/** Bromley, 21 January 2015, item 62 (Report CS14078): the committee supports a proposal going to the executive. */
describe('recommendations to the executive over HTTP', () => {
  let f: FeatureApp;
  let committeeId: string;
  let resolutionId: string;
  let portfolioPostId: string;
  let holderId: string;
  let today = '2015-06-01';

  const post = async (path: string, body: object, headers: Record<string, string> = {}) =>
    f.http().post(`/api/v1${path}`).set(headers).send(body);
  const created = async (path: string, body: object) => {
    const res = await post(path, body);
    if (res.status !== 201 && res.status !== 200) throw new Error(`${path} answered ${res.status}: ${JSON.stringify(res.body)}`);
    return res.body.id as string;
  };
  const recommend = (extra: object = {}) =>
    created('/recommendations', {
      committeeId,
      resolutionId,
      reference: '1',
      text: 'That the proposal to extend the recruitment and retention scheme for 2015/16 and 2016/17 be supported',
      decisionMaker: { kind: 'portfolio-holder', name: 'the Portfolio Holder for Care Services', postId: portfolioPostId },
      madeOn: '2015-01-21',
      ...extra,
    });
  const read = (id: string, query = '') => f.http().get(`/api/v1/recommendations/${id}${query}`);

  beforeAll(async () => {
    f = await startFeatureApp();
    f.app.get(Clock).now = () => new Date(`${today}T10:00:00Z`);
    committeeId = await created('/committees', { name: 'Adult Care and Health PDS Committee', kind: 'scrutiny' });
    const meetingId = await created('/meetings', { committeeId, date: '2015-01-21' });
    await created(`/meetings/${meetingId}/items`, {
      number: '62',
      title: "Children's Social Care Recruitment & Retention Strategy",
      paperRef: 'Report CS14078',
    });
    resolutionId = await created(`/meetings/${meetingId}/resolutions`, {
      itemNumber: '62',
      parts: [{ text: 'RESOLVED that the proposal … be supported.', kind: 'supported' }],
    });
    portfolioPostId = await created('/posts', { title: 'Portfolio Holder for Care Services' });
    holderId = await created('/people', { name: 'Cllr Robert Evans' });
    await created(`/posts/${portfolioPostId}/holder`, { personId: holderId });
  }, 60_000);

  afterAll(async () => {
    await f?.close();
  });

  it('given a recommendation received on 28 January, the response is due by 27 March and overdue after', async () => {
    const id = await recommend();
    const sent = await post(`/recommendations/${id}/sending`, { receivedOn: '2015-01-28' });
    expect(sent.status).toBe(200);

    today = '2015-03-27';
    const onTheDay = await read(id);
    expect(onTheDay.body).toMatchObject({
      sent: { receivedOn: '2015-01-28', responseDueOn: '2015-03-27' },
      responseStatus: { on: '2015-03-27', status: 'awaiting-response' },
    });
    expect(onTheDay.headers.etag).toBe('"2"');

    today = '2015-03-30';
    expect((await read(id)).body.responseStatus).toEqual({
      on: '2015-03-30',
      status: 'response-overdue',
      responseDueOn: '2015-03-27',
      daysOverdue: 3,
    });
    today = '2015-06-01';
  });

  it("when the portfolio holder responds late, the response is theirs and late; staff's is on their behalf", async () => {
    const byHolder = await recommend();
    await post(`/recommendations/${byHolder}/sending`, { receivedOn: '2015-01-28' });
    const answered = await post(
      `/recommendations/${byHolder}/response`,
      { response: 'accepted', reasons: 'Recruitment remains hard', respondedOn: '2015-04-01' },
      f.as(['member'], holderId, 'Cllr Robert Evans'),
    );
    expect(answered.status).toBe(200);
    expect((await read(byHolder)).body.response).toMatchObject({ response: 'accepted', late: true, recordedOnBehalf: false });

    const byStaff = await recommend();
    await post(`/recommendations/${byStaff}/sending`, { receivedOn: '2015-01-28' });
    await post(`/recommendations/${byStaff}/response`, { response: 'rejected', reasons: 'No budget', respondedOn: '2015-03-02' });
    expect((await read(byStaff)).body.response).toMatchObject({ response: 'rejected', late: false, recordedOnBehalf: true });
  });

  it('refuses a member who does not hold the decision maker post (403)', async () => {
    const id = await recommend();
    await post(`/recommendations/${id}/sending`, { receivedOn: '2015-01-28' });
    const res = await post(
      `/recommendations/${id}/response`,
      { response: 'accepted', reasons: 'Yes', respondedOn: '2015-03-02' },
      f.as(['member'], 'someone-else'),
    );
    expectProblem(res, 403, 'not-the-decision-maker');
  });

  it('links an implementation action, reviews it and closes the recommendation', async () => {
    const id = await recommend();
    await post(`/recommendations/${id}/sending`, { receivedOn: '2015-01-28' });
    await post(`/recommendations/${id}/response`, { response: 'accepted', reasons: 'Agreed', respondedOn: '2015-03-02' });
    await post(`/recommendations/${id}/response-publication`, { publishedOn: '2015-03-04' });
    const actionId = await created('/actions', {
      resolutionId,
      title: 'Extend the scheme for 2015/16 and 2016/17',
      ownerPostId: portfolioPostId,
      dueDate: '2015-04-30',
    });
    expect((await post(`/recommendations/${id}/implementation-actions`, { actionId })).status).toBe(200);
    await post(`/recommendations/${id}/reviews`, { rag: 'green', evidence: 'Scheme extended', reviewedOn: '2015-05-20' });
    const closed = await post(`/recommendations/${id}/closure`, { agreedOn: '2015-05-20', note: 'Implemented' }, { 'If-Match': '"6"' });
    expect(closed.status).toBe(200);
    expect((await read(id)).body).toMatchObject({
      publishedOn: '2015-03-04',
      actionIds: [actionId],
      lastReview: { rag: 'green', reviewedOn: '2015-05-20' },
      closedOn: '2015-05-20',
      version: 7,
    });
  });

  it('shows the recommendation as recorded at an earlier instant', async () => {
    const id = await recommend();
    const before = new Date().toISOString();
    await new Promise((resolve) => setTimeout(resolve, 5));
    await post(`/recommendations/${id}/sending`, { receivedOn: '2015-01-28' });
    const then = await read(id, `?asOf=${encodeURIComponent(before)}`);
    expect(then.status).toBe(200);
    expect(then.body.sent).toBeUndefined();
    expect(then.body.responseStatus.status).toBe('not-sent');
  });

  it.each([
    ['an unknown committee', () => ({ committeeId: '00000000-0000-4000-8000-000000000001' }), 422, 'committee-not-found'],
    ['a part the resolution lacks', () => ({ partLabel: '(ii)' }), 422, 'part-not-found'],
    ['neither a resolution nor a report', () => ({ resolutionId: undefined }), 422, 'recommendation-source-required'],
    [
      "an unknown decision maker's post",
      () => ({ decisionMaker: { kind: 'portfolio-holder', name: 'x', postId: '00000000-0000-4000-8000-000000000002' } }),
      422,
      'decision-maker-post-not-found',
    ],
  ])('refuses %s', async (_case, extra, status, code) => {
    const res = await post('/recommendations', {
      committeeId,
      resolutionId,
      reference: '1',
      text: 'x',
      decisionMaker: { kind: 'executive', name: 'the Executive' },
      madeOn: '2015-01-21',
      ...extra(),
    });
    expectProblem(res, status, code);
  });

  it('answers 404 for a recommendation that does not exist, and 412 for a stale If-Match', async () => {
    expectProblem(await read('00000000-0000-4000-8000-000000000003'), 404, 'recommendation-not-found');
    const id = await recommend();
    const stale = await post(`/recommendations/${id}/sending`, { receivedOn: '2015-01-28' }, { 'If-Match': '"5"' });
    expect(stale.status).toBe(412);
  });

  it('refuses an officer recording a recommendation (403)', async () => {
    const res = await f
      .http()
      .post('/api/v1/recommendations')
      .set(f.as(['officer']))
      .send({});
    expect(res.status).toBe(403);
  });
});
