import { randomUUID } from 'node:crypto';
import { STAFF } from '../support/auth.js';
import { seedMeetingWorld, type MeetingWorld } from './support/seed-over-http.js';
import { expectProblem, startFeatureApp, type FeatureApp } from './support/feature-app.js';

describe('actions over HTTP', () => {
  let f: FeatureApp;
  let w: MeetingWorld;
  /** The highest position a command here has answered: reads wait for the read models to reach it. */
  let position = 0;
  const post = async (path: string, body: object, headers: Record<string, string> = {}) => {
    const res = await f.http().post(`/api/v1/actions${path}`).set(headers).send(body);
    if (typeof res.body.position === 'number') position = Math.max(position, res.body.position);
    return res;
  };
  const getAction = (id: string) =>
    f
      .http()
      .get(`/api/v1/actions/${id}`)
      .query({ minPosition: String(position) });
  const assignAction = async (extra: object = {}): Promise<string> => {
    const res = await post('', {
      resolutionId: w.resolutionId,
      partLabel: '(ii)',
      title: 'Collate final metrics for Vacancy, Turnover and Agency Rates',
      ownerPostId: w.postId,
      dueDate: '2017-02-15',
      ...extra,
    });
    expect(res.status).toBe(201);
    return res.body.id as string;
  };

  beforeAll(async () => {
    f = await startFeatureApp();
    w = await seedMeetingWorld(f);
  });
  afterAll(() => f.close());

  it('assigns an action to a post and shows owner, holder, due, origin part and overdue', async () => {
    const res = await post('', {
      resolutionId: w.resolutionId,
      partLabel: '(ii)',
      title: 'Collate final metrics',
      ownerPostId: w.postId,
      dueDate: '2017-02-15',
    });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ id: expect.any(String), version: 1, position: expect.any(Number) });
    const got = await getAction(res.body.id);
    expect(got.status).toBe(200);
    expect(got.headers.etag).toBe('"1"');
    expect(got.body).toMatchObject({
      actionId: res.body.id,
      status: 'open',
      title: 'Collate final metrics',
      version: 1,
      dueOn: '2017-02-15',
      overdue: true,
      owner: {
        postId: w.postId,
        title: 'Project Manager, Transformation & Technology',
        holder: { personId: w.personId, name: 'Tony Fitzgerald' },
      },
      origin: {
        resolutionId: w.resolutionId,
        meetingId: w.meetingId,
        partLabel: '(ii)',
        partText: expect.stringContaining('collate final metrics'),
      },
      updates: [],
      chases: [],
    });
    expect(got.body.daysOverdue).toBeGreaterThan(3000);
  });

  it("is due on the due meeting's date when due at a meeting", async () => {
    const id = await assignAction({ dueDate: undefined, dueMeetingId: w.laterMeetingId });
    expect((await getAction(id)).body).toMatchObject({ due: { dueMeetingId: w.laterMeetingId }, dueOn: '2017-02-20' });
  });

  it.each([
    ['an unknown resolution', () => ({ resolutionId: randomUUID() }), 422, 'resolution-not-found'],
    ['an unknown part', () => ({ partLabel: '(ix)' }), 422, 'resolution-part-unknown'],
    ['an unknown owner post', () => ({ ownerPostId: randomUUID() }), 422, 'owner-post-not-found'],
    ['both due forms', () => ({ dueMeetingId: w.laterMeetingId }), 422, 'due-exactly-one'],
    ['no due at all', () => ({ dueDate: undefined }), 422, 'due-exactly-one'],
    ['an unknown due meeting', () => ({ dueDate: undefined, dueMeetingId: randomUUID() }), 422, 'due-meeting-not-found'],
    ['an impossible date', () => ({ dueDate: '2017-02-30' }), 400, 'validation-failed'],
    ['a missing title', () => ({ title: undefined }), 400, 'validation-failed'],
    ['a wrong type', () => ({ title: ['x'] }), 400, 'validation-failed'],
    ['an unknown field', () => ({ priority: 'high' }), 400, 'validation-failed'],
    ['a malformed uuid', () => ({ ownerPostId: 'post-1' }), 400, 'validation-failed'],
  ])('refuses to assign with %s', async (_label, change, status, code) => {
    const body = { resolutionId: w.resolutionId, partLabel: '(ii)', title: 'T', ownerPostId: w.postId, dueDate: '2017-02-15', ...change() };
    expectProblem(await post('', body), status, code);
  });

  it('walks the whole life cycle: progress, completion, sign-off, reopen, withdrawal', async () => {
    const id = await assignAction();
    expect((await post(`/${id}/progress`, { note: 'Asked HR for the December figures', rag: 'amber' })).body).toMatchObject({
      id,
      version: 2,
    });
    expectProblem(await post(`/${id}/sign-off`, {}), 409, 'action-not-completed');
    expect((await post(`/${id}/completion`, { outcome: 'Final metrics circulated', evidence: 'Ref: 7 appendix' })).status).toBe(200);
    expectProblem(await post(`/${id}/completion`, { outcome: 'again' }), 409, 'action-not-open');
    expect((await post(`/${id}/sign-off`, { meetingId: w.laterMeetingId, note: 'Accepted' })).status).toBe(200);
    expect((await getAction(id)).body).toMatchObject({ status: 'closed', rag: 'amber', overdue: false, daysOverdue: 0 });
    expectProblem(await post(`/${id}/progress`, { note: 'late note' }), 409, 'action-closed');
    expectProblem(await post(`/${id}/chase`, {}), 409, 'action-closed');
    expect((await post(`/${id}/reopen`, { reason: 'Figures disputed by the Corporate Director' })).body).toMatchObject({ version: 5 });
    expectProblem(await post(`/${id}/reopen`, { reason: 'again' }), 409, 'action-not-reopenable');
    expect((await post(`/${id}/withdrawal`, { reason: 'Superseded by the final report' })).status).toBe(200);
    expectProblem(await post(`/${id}/progress`, { note: 'x' }), 409, 'action-withdrawn');
    expectProblem(await post(`/${id}/withdrawal`, { reason: 'x' }), 409, 'action-not-withdrawable');
    const view = (await getAction(id)).body;
    expect(view.status).toBe('withdrawn');
    expect(view.updates).toEqual([
      expect.objectContaining({ note: 'Asked HR for the December figures', rag: 'amber', reportedBy: STAFF.id }),
    ]);
    expect(view.history.map((h: { type: string }) => h.type)).toEqual([
      'ActionAssigned',
      'ActionProgressReported',
      'ActionCompleted',
      'ActionSignedOff',
      'ActionReopened',
      'ActionWithdrawn',
    ]);
  });

  it('chases, counting each chase', async () => {
    const id = await assignAction();
    await post(`/${id}/chase`, { note: 'Reminder sent' });
    await post(`/${id}/chase`, {});
    const view = (await getAction(id)).body;
    expect(view.chases.map((c: { chaseNumber: number }) => c.chaseNumber)).toEqual([1, 2]);
    expect(view.counts.chases).toBe(2);
    expect(view.lastChasedAt).toBe(view.chases[1].chasedAt);
  });

  it('changes the due date with a reason and refuses an unchanged or double due', async () => {
    const id = await assignAction();
    expect((await post(`/${id}/due-date`, { dueDate: '2017-03-20', reason: 'Data changing daily' })).status).toBe(200);
    expectProblem(await post(`/${id}/due-date`, { dueDate: '2017-03-20', reason: 'again' }), 409, 'due-unchanged');
    expectProblem(
      await post(`/${id}/due-date`, { dueDate: '2017-03-21', dueMeetingId: w.laterMeetingId, reason: 'x' }),
      422,
      'due-exactly-one',
    );
    expectProblem(await post(`/${id}/due-date`, { dueDate: '2017-03-21' }), 400, 'validation-failed');
    expect((await getAction(id)).body).toMatchObject({ due: { dueDate: '2017-03-20' }, counts: { dueChanges: 1 } });
  });

  it('reassigns to an existing other post only', async () => {
    const id = await assignAction();
    expectProblem(await post(`/${id}/reassignment`, { ownerPostId: w.postId, reason: 'x' }), 409, 'reassignment-same-post');
    expectProblem(await post(`/${id}/reassignment`, { ownerPostId: randomUUID(), reason: 'x' }), 422, 'owner-post-not-found');
    expect((await post(`/${id}/reassignment`, { ownerPostId: w.otherPostId, reason: 'Owned by People directorate' })).status).toBe(200);
    expect((await getAction(id)).body.owner).toEqual({ postId: w.otherPostId, title: 'Corporate Director, People' });
  });

  it('answers 404 for an unknown action and 400 for a malformed id', async () => {
    expectProblem(await getAction(randomUUID()), 404, 'action-not-found');
    expectProblem(await post(`/${randomUUID()}/progress`, { note: 'x' }), 404, 'action-not-found');
    expect((await post('/nope/progress', { note: 'x' })).status).toBe(400);
    expectProblem(await post(`/${randomUUID()}/progress`, { note: 'x', rag: 'purple' }), 400, 'validation-failed');
  });

  it('applies If-Match: the current version passes, a stale one is 412 and writes nothing', async () => {
    const id = await assignAction();
    expect((await post(`/${id}/progress`, { note: 'first' }, { 'If-Match': '"1"' })).status).toBe(200);
    expectProblem(await post(`/${id}/progress`, { note: 'stale' }, { 'If-Match': '"1"' }), 412, 'precondition-failed');
    expect((await getAction(id)).body.updates).toHaveLength(1);
  });

  it('replays an Idempotency-Key with the same body and refuses it with another', async () => {
    const id = await assignAction();
    const key = { 'Idempotency-Key': randomUUID() };
    const first = await post(`/${id}/progress`, { note: 'once' }, key);
    const again = await post(`/${id}/progress`, { note: 'once' }, key);
    expect(again.status).toBe(first.status);
    expect(again.body).toEqual(first.body);
    expectProblem(await post(`/${id}/progress`, { note: 'different' }, key), 422, 'idempotency-key-reused');
    expect((await getAction(id)).body.updates).toHaveLength(1);
  });
});
