import { randomUUID } from 'node:crypto';
import { expectProblem, startFeatureApp, type FeatureApp } from './support/feature-app.js';
import { assignAction, seedMeetingWorld, type MeetingWorld } from './support/seed-over-http.js';

/** Errors that say what to fix: one message per field, the parameter named, and one rule for 404 and 422. */
describe('error answers', () => {
  let f: FeatureApp;
  let w: MeetingWorld;

  beforeAll(async () => {
    f = await startFeatureApp();
    w = await seedMeetingWorld(f);
  });
  afterAll(() => f?.close());

  const post = (path: string, body: object) => f.http().post(`/api/v1${path}`).send(body);
  const actionBody = (extra: object = {}) => ({
    resolutionId: w.resolutionId,
    partLabel: '(ii)',
    title: 'Collate final metrics',
    ownerPostId: w.postId,
    dueDate: '2017-02-15',
    ...extra,
  });

  describe('a missing field', () => {
    it('says "<field> is required", once, and the detail says it too', async () => {
      const res = await post('/committees', { kind: 'task-and-finish' });
      expectProblem(res, 400, 'validation-failed');
      expect(res.body.errors).toEqual([{ field: 'name', message: 'name is required' }]);
      expect(res.body.detail).toBe('name is required');
    });

    it('is required when sent as null too', async () => {
      const res = await post('/actions', actionBody({ title: null }));
      expect(res.body.errors).toEqual([{ field: 'title', message: 'title is required' }]);
    });

    it('names a nested field by its path', async () => {
      const res = await post(`/meetings/${w.meetingId}/resolutions`, { itemNumber: '03', parts: [{ label: '(i)', kind: 'noted' }] });
      expectProblem(res, 400, 'validation-failed');
      expect(res.body.errors).toEqual([{ field: 'parts.0.text', message: 'parts.0.text is required' }]);
    });

    it('lists every missing field, one entry each', async () => {
      const res = await post('/actions', {});
      const fields = (res.body.errors as { field: string; message: string }[]).map((error) => error.field).sort();
      expect(fields).toEqual(['ownerPostId', 'resolutionId', 'title']);
      expect(res.body.errors).toContainEqual({ field: 'title', message: 'title is required' });
    });
  });

  it('answers one message for a present field that breaks several rules: the first rule the DTO lists', async () => {
    const res = await post('/committees', { name: 123, kind: 'task-and-finish' });
    expectProblem(res, 400, 'validation-failed');
    expect(res.body.errors).toEqual([{ field: 'name', message: 'name must be a string' }]);
  });

  it.each([
    ['GET', '/actions/not-a-uuid', 'actionId'],
    ['POST', '/actions/42/progress', 'actionId'],
    ['GET', '/meetings/2017-01-16', 'meetingId'],
    ['POST', '/posts/p-1/holder', 'postId'],
    ['GET', '/committees/c-1/action-log', 'committeeId'],
  ])('answers 400 naming the path parameter for %s %s', async (method, path, name) => {
    const req =
      method === 'GET' ? f.http().get(`/api/v1${path}`) : f.http().post(`/api/v1${path}`).send({ note: 'x', personId: w.personId });
    const res = await req;
    expectProblem(res, 400, 'validation-failed');
    expect(res.body.errors).toEqual([{ field: name, message: `${name} must be a UUID` }]);
    expect(res.body.detail).toContain(name);
  });

  it('leaves details out rather than send an empty object', async () => {
    const res = await post('/actions', actionBody({ dueDate: undefined }));
    expectProblem(res, 422, 'due-exactly-one');
    expect(res.body).not.toHaveProperty('details');
  });

  describe('a reference in the body to a record that does not exist is 422, an id in the path 404', () => {
    const missing = randomUUID();

    it.each([
      ['resolutionId', () => post('/actions', actionBody({ resolutionId: missing })), 'resolution-not-found'],
      ['ownerPostId', () => post('/actions', actionBody({ ownerPostId: missing })), 'owner-post-not-found'],
      ['dueMeetingId', () => post('/actions', actionBody({ dueDate: undefined, dueMeetingId: missing })), 'due-meeting-not-found'],
      ['committeeId', () => post('/meetings', { committeeId: missing, startsAt: '2017-03-20T18:00:00Z' }), 'committee-not-found'],
      [
        'approvedAtMeetingId',
        () => post(`/meetings/${w.meetingId}/minutes-approval`, { approvedAtMeetingId: missing }),
        'approving-meeting-not-found',
      ],
      ['personId', async () => post(`/posts/${w.otherPostId}/holder`, { personId: missing }), 'person-not-found'],
      [
        'attendees.personId',
        () =>
          post(`/meetings/${w.meetingId}/attendance`, {
            attendees: [{ personId: missing, name: 'Cllr Green', role: 'chair', status: 'present' }],
          }),
        'attendee-person-not-found',
      ],
      [
        'actionId (metric snapshot)',
        () =>
          post('/metric-snapshots', {
            subject: 'Social workers',
            asOf: '2017-01-31',
            source: 'HR',
            actionId: missing,
            values: [{ metric: 'vacancy-rate', value: 24.5, unit: '%' }],
          }),
        'linked-action-not-found',
      ],
      [
        'ownerPostId (reassignment)',
        async () => post(`/actions/${await assignAction(f, w)}/reassignment`, { ownerPostId: missing, reason: 'x' }),
        'owner-post-not-found',
      ],
      [
        'dueMeetingId (due change)',
        async () => post(`/actions/${await assignAction(f, w)}/due-date`, { dueMeetingId: missing, reason: 'x' }),
        'due-meeting-not-found',
      ],
      [
        'meetingId (sign-off)',
        async () => {
          const actionId = await assignAction(f, w);
          expect((await post(`/actions/${actionId}/completion`, { outcome: 'Done' })).status).toBe(200);
          return post(`/actions/${actionId}/sign-off`, { meetingId: missing });
        },
        'sign-off-meeting-not-found',
      ],
    ])('%s', async (_field, send, code) => {
      const res = await send();
      expectProblem(res, 422, code);
      expect(Object.values(res.body.details as object)).toContain(missing);
    });

    it('and a reference in the query is 422 too', async () => {
      expectProblem(await f.http().get('/api/v1/overdue').query({ committeeId: missing }), 422, 'committee-not-found');
    });

    it.each([
      ['POST /actions/{id}/progress', () => post(`/actions/${missing}/progress`, { note: 'x' }), 'action-not-found'],
      [
        'POST /meetings/{id}/resolutions',
        () => post(`/meetings/${missing}/resolutions`, { itemNumber: '03', parts: [{ label: '(i)', text: 'Noted.', kind: 'noted' }] }),
        'meeting-not-found',
      ],
      ['POST /posts/{id}/holder', () => post(`/posts/${missing}/holder`, { personId: w.personId }), 'post-not-found'],
      ['GET /people/{id}', () => f.http().get(`/api/v1/people/${missing}`), 'person-not-found'],
    ])('%s with an unknown path id is 404', async (_route, send, code) => {
      expectProblem(await send(), 404, code);
    });
  });
});
