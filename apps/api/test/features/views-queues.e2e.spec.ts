import { randomUUID } from 'node:crypto';
import { expectProblem, startFeatureApp, type FeatureApp } from './support/feature-app.js';
import { assignIn, seedViewsWorld, setClock, ViewClient, type ViewsWorld } from './support/views-world.js';

/**
 * From commands over HTTP to the post queue and my queue, reading each view with the position the last
 * command answered as minPosition. The Clock says it is 21 February 2017 unless a test moves it.
 */
describe('views over HTTP: the post queue and my queue', () => {
  let f: FeatureApp;
  let client: ViewClient;
  let w: ViewsWorld;
  const send = (method: 'post' | 'delete', path: string, body?: object) => client.send(method, path, body);
  const view = (path: string, query: Record<string, string> = {}, headers: Record<string, string> = {}) =>
    client.view(path, query, headers);
  const assign = (title: string, due: object, ownerPostId = w.postId) => assignIn(client, w, title, due, ownerPostId);

  beforeAll(async () => {
    f = await startFeatureApp();
    client = new ViewClient(f);
    setClock(f, '2017-02-21T12:00:00Z');
    w = await seedViewsWorld(client);
  });
  afterAll(() => f.close());

  const titles = (res: { body: { actions: { title: string }[] } }) => res.body.actions.map((a) => a.title);

  describe("a post's queue", () => {
    it('lists open and completed actions soonest due first, with overdue days as of today, RAG, latest update and chases', async () => {
      const post = await send('post', '/posts', { title: 'Service Director, Adult Social Care' });
      const march = await assign('Report on agency spend', { dueDate: '2017-03-01' }, post);
      const early = await assign('Confirm the baseline data', { dueDate: '2017-02-10' }, post);
      const atMeeting = await assign('Submit the final consultation report', { dueMeetingId: w.february }, post);
      const closed = await assign('Circulate the draft', { dueDate: '2017-02-01' }, post);
      const withdrawn = await assign('Visit Luton', { dueDate: '2017-02-02' }, post);
      await send('post', `/actions/${early}/progress`, { note: 'Asked HR for the December figures', rag: 'amber' });
      await send('post', `/actions/${early}/chase`, { note: 'Reminder' });
      await send('post', `/actions/${early}/chase`, {});
      await send('post', `/actions/${closed}/completion`, { outcome: 'Done' });
      await send('post', `/actions/${closed}/sign-off`, {});
      await send('post', `/actions/${withdrawn}/withdrawal`, { reason: 'Superseded' });

      const res = await view(`/posts/${post}/queue`);
      expect(res.status).toBe(200);
      expect(res.body.asOf).toBe('2017-02-21');
      expect(res.body.post).toEqual({ postId: post, title: 'Service Director, Adult Social Care', holder: null });
      expect(res.body.actions.map((a: { actionId: string }) => a.actionId)).toEqual([early, atMeeting, march]);
      expect(res.body.actions[0]).toEqual({
        actionId: early,
        ref: expect.stringMatching(/^A\d+$/),
        title: 'Confirm the baseline data',
        status: 'open',
        committeeId: w.committeeId,
        meetingId: w.january,
        dueOn: '2017-02-10',
        overdue: true,
        daysOverdue: 11,
        rag: 'amber',
        latestUpdate: { note: 'Asked HR for the December figures', reportedAt: expect.any(String) },
        chaseCount: 2,
        lastChasedAt: expect.any(String),
        completedAt: null,
        ownerPost: { postId: post, title: 'Service Director, Adult Social Care' },
      });
      expect(res.body.actions[1]).toMatchObject({
        dueOn: '2017-02-20',
        overdue: true,
        daysOverdue: 1,
        rag: null,
        latestUpdate: null,
        chaseCount: 0,
      });
      expect(res.body.actions[2]).toMatchObject({ dueOn: '2017-03-01', overdue: false, daysOverdue: 0 });
      expect(res.body.nextAfter).toBeNull();
    });

    it('works out overdue as of `asOf` when asked', async () => {
      const post = await send('post', '/posts', { title: 'Corporate Director, People' });
      await assign('Publish the vacancy rate', { dueDate: '2017-02-10' }, post);
      const before = await view(`/posts/${post}/queue`, { asOf: '2017-02-10' });
      expect(before.body.actions[0]).toMatchObject({ overdue: false, daysOverdue: 0 });
      const after = await view(`/posts/${post}/queue`, { asOf: '2017-03-12' });
      expect(after.body).toMatchObject({ asOf: '2017-03-12', actions: [{ overdue: true, daysOverdue: 30 }] });
    });

    it('keeps a completed action in the queue, not overdue, until it is signed off', async () => {
      const post = await send('post', '/posts', { title: 'Democracy and Scrutiny Officer' });
      const id = await assign('Collate final metrics', { dueDate: '2017-02-15' }, post);
      await send('post', `/actions/${id}/completion`, { outcome: 'Metrics circulated' });
      const completed = await view(`/posts/${post}/queue`);
      expect(completed.body.actions).toEqual([
        expect.objectContaining({ actionId: id, status: 'completed', overdue: false, daysOverdue: 0, completedAt: expect.any(String) }),
      ]);
      await send('post', `/actions/${id}/sign-off`, { note: 'Accepted' });
      expect((await view(`/posts/${post}/queue`)).body.actions).toEqual([]);
    });

    it('is due on the UK date of the meeting it is due at, and today is the UK day by the Clock', async () => {
      const post = await send('post', '/posts', { title: 'Project Officer, Transformation Team' });
      // 00:30 BST on 16 June is still 15 June in UTC.
      const lateMeeting = await send('post', '/meetings', { committeeId: w.committeeId, startsAt: '2017-06-15T23:30:00Z' });
      await assign('Report back at the June meeting', { dueMeetingId: lateMeeting }, post);
      await assign('Due on the last day of June', { dueDate: '2017-06-30' }, post);
      setClock(f, '2017-06-30T23:30:00Z');
      try {
        const res = await view(`/posts/${post}/queue`);
        expect(res.body.asOf).toBe('2017-07-01');
        expect(res.body.actions).toEqual([
          expect.objectContaining({ title: 'Report back at the June meeting', dueOn: '2017-06-16', daysOverdue: 15 }),
          expect.objectContaining({ title: 'Due on the last day of June', dueOn: '2017-06-30', daysOverdue: 1 }),
        ]);
      } finally {
        setClock(f, '2017-02-21T12:00:00Z');
      }
    });

    it('pages with limit and nextAfter, and refuses a cursor it did not write', async () => {
      const post = await send('post', '/posts', { title: 'Senior HR Business Partner' });
      for (const day of ['01', '02', '02', '03', '04']) await assign(`Due 2017-03-${day}`, { dueDate: `2017-03-${day}` }, post);
      const first = await view(`/posts/${post}/queue`, { limit: '2' });
      const second = await view(`/posts/${post}/queue`, { limit: '2', after: first.body.nextAfter });
      const third = await view(`/posts/${post}/queue`, { limit: '2', after: second.body.nextAfter });
      expect([...titles(first), ...titles(second), ...titles(third)]).toEqual([
        'Due 2017-03-01',
        'Due 2017-03-02',
        'Due 2017-03-02',
        'Due 2017-03-03',
        'Due 2017-03-04',
      ]);
      expect(third.body.nextAfter).toBeNull();
      expectProblem(await view(`/posts/${post}/queue`, { after: 'bm90LWEtY3Vyc29y' }), 400, 'validation-failed');
      for (const limit of ['0', '1001', '-1', '1e2', 'ten'])
        expectProblem(await view(`/posts/${post}/queue`, { limit }), 400, 'validation-failed');
    });

    it('answers 404 for an unknown post and 400 for a malformed id, date or unknown parameter', async () => {
      expectProblem(await view(`/posts/${randomUUID()}/queue`), 404, 'post-not-found');
      expectProblem(await view('/posts/not-a-uuid/queue'), 400, 'validation-failed');
      expectProblem(await view(`/posts/${w.postId}/queue`, { asOf: '2017-02-30' }), 400, 'validation-failed');
      expectProblem(await view(`/posts/${w.postId}/queue`, { status: 'open' }), 400, 'validation-failed');
    });
  });

  describe('my queue', () => {
    it('is the queue of the posts I hold now: a new holder inherits it at once, the one who left sees nothing', async () => {
      const post = await send('post', '/posts', { title: 'Service Director, HR' });
      const angela = await send('post', '/people', { name: 'Angela Claridge' });
      const sally = await send('post', '/people', { name: 'Sally Rowe' });
      await send('post', `/posts/${post}/holder`, { personId: angela });
      const id = await assign('Review the agency contract', { dueDate: '2017-02-28' }, post);
      const asAngela = f.as(['officer'], angela, 'Angela Claridge');
      const asSally = f.as(['officer'], sally, 'Sally Rowe');
      expect((await view('/me/queue', {}, asAngela)).body).toMatchObject({
        personId: angela,
        posts: [{ postId: post, title: 'Service Director, HR' }],
        actions: [{ actionId: id }],
      });
      expect((await view('/me/queue', {}, asSally)).body).toMatchObject({ personId: sally, posts: [], actions: [] });

      await send('post', `/posts/${post}/holder`, { personId: sally });
      expect((await view('/me/queue', {}, asSally)).body).toMatchObject({
        posts: [{ postId: post }],
        actions: [{ actionId: id, title: 'Review the agency contract' }],
      });
      expect((await view('/me/queue', {}, asAngela)).body).toMatchObject({ posts: [], actions: [] });
      expect((await view(`/posts/${post}/queue`)).body.post.holder).toEqual({ personId: sally, name: 'Sally Rowe' });
    });

    it('merges the queues of every post I hold, soonest due first', async () => {
      const person = await send('post', '/people', { name: "Maud O'Leary" });
      const first = await send('post', '/posts', { title: 'Service Director, Adult Social Care (interim)' });
      const second = await send('post', '/posts', { title: 'Principal Social Worker' });
      await send('post', `/posts/${first}/holder`, { personId: person });
      await send('post', `/posts/${second}/holder`, { personId: person });
      await assign('Later', { dueDate: '2017-04-01' }, first);
      await assign('Sooner', { dueDate: '2017-03-01' }, second);
      const res = await view('/me/queue', {}, f.as(['officer'], person));
      expect(titles(res)).toEqual(['Sooner', 'Later']);
      expect(res.body.posts).toHaveLength(2);
      expect(res.body.actions.map((a: { ownerPost: { postId: string } }) => a.ownerPost.postId)).toEqual([second, first]);
    });
  });
});
