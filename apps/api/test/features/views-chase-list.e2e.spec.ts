import { randomUUID } from 'node:crypto';
import { expectProblem, startFeatureApp, type FeatureApp } from './support/feature-app.js';
import { assignIn, seedViewsWorld, setClock, ViewClient, type ViewsWorld } from './support/views-world.js';

/** From commands over HTTP to the chase list, read with the position the last command answered as minPosition. */
describe('views over HTTP: the chase list', () => {
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

  describe('the chase list', () => {
    it('lists open actions past due as of asOf, most overdue first, with committee, owner post, holder and chases', async () => {
      const resolution = await send('post', `/meetings/${w.january}/resolutions`, {
        itemNumber: '03',
        parts: [{ label: '(ii)', text: 'Chase list resolution', kind: 'instructed' }],
      });
      const chaseList = (query: Record<string, string> = {}) =>
        view('/overdue', { committeeId: w.committeeId, asOf: '2017-03-10', ...query });
      const known = new Set((await chaseList()).body.actions.map((a: { actionId: string }) => a.actionId));
      const make = (title: string, dueDate: string) =>
        send('post', '/actions', { resolutionId: resolution, partLabel: '(ii)', title, ownerPostId: w.postId, dueDate });
      const oldest = await make('Most overdue', '2017-02-01');
      const newer = await make('Less overdue', '2017-03-09');
      await make('Due on the day itself', '2017-03-10');
      const done = await make('Completed already', '2017-02-01');
      await send('post', `/actions/${done}/completion`, { outcome: 'Done' });
      await send('post', `/actions/${oldest}/chase`, { note: 'Second reminder' });

      const res = await chaseList();
      expect(res.status).toBe(200);
      const fresh = res.body.actions.filter((a: { actionId: string }) => !known.has(a.actionId));
      expect(fresh.map((a: { title: string }) => a.title)).toEqual(['Most overdue', 'Less overdue']);
      expect(fresh[0]).toEqual({
        actionId: oldest,
        ref: expect.stringMatching(/^A\d+$/),
        title: 'Most overdue',
        committee: { committeeId: w.committeeId, name: 'Scrutiny Task & Finish Group' },
        ownerPost: { postId: w.postId, title: 'Project Manager, Transformation & Technology' },
        holder: { personId: w.tony, name: 'Tony Fitzgerald' },
        dueOn: '2017-02-01',
        daysOverdue: 37,
        lastChasedAt: expect.any(String),
        chaseCount: 1,
      });
      expect(fresh[1]).toMatchObject({ actionId: newer, daysOverdue: 1, lastChasedAt: null, chaseCount: 0 });
      const days = res.body.actions.map((a: { daysOverdue: number }) => a.daysOverdue);
      expect(days).toEqual([...days].sort((a, b) => b - a));
      expect(res.body).toMatchObject({ asOf: '2017-03-10', committeeId: w.committeeId, nextAfter: null });
      expect((await view('/overdue', { committeeId: w.otherCommitteeId, asOf: '2017-03-10' })).body.actions).toEqual([]);
    });

    it('shows the action of a vacated post as unowned (holder null)', async () => {
      const post = await send('post', '/posts', { title: 'Head of Recruitment' });
      await send('post', `/posts/${post}/holder`, { personId: w.kate });
      const id = await assign('Advertise the social worker posts', { dueDate: '2017-01-31' }, post);
      const row = async () => (await view('/overdue', { limit: '1000' })).body.actions.find((a: { actionId: string }) => a.actionId === id);
      expect(await row()).toMatchObject({ holder: { personId: w.kate, name: 'Kate Savenko' }, daysOverdue: 21 });
      await send('delete', `/posts/${post}/holder`);
      expect(await row()).toMatchObject({ ownerPost: { postId: post, title: 'Head of Recruitment' }, holder: null });
    });

    it('pages most overdue first without repeating or skipping a row', async () => {
      for (const day of ['03', '05', '05', '05', '09']) await assign(`Due 2017-02-${day}`, { dueDate: `2017-02-${day}` });
      const all = (await view('/overdue', { limit: '1000' })).body.actions.map((a: { actionId: string }) => a.actionId);
      expect(all.length).toBeGreaterThan(5);
      const seen: string[] = [];
      let after: string | null = null;
      do {
        const page = await view('/overdue', { limit: '2', ...(after ? { after } : {}) });
        seen.push(...page.body.actions.map((a: { actionId: string }) => a.actionId));
        after = page.body.nextAfter;
      } while (after);
      expect(seen).toEqual(all);
    });

    it('answers 422 for an unknown committee in the query and 400 for a malformed committee id or date', async () => {
      expectProblem(await view('/overdue', { committeeId: randomUUID() }), 422, 'committee-not-found');
      expectProblem(await view('/overdue', { committeeId: 'c-1' }), 400, 'validation-failed');
      expectProblem(await view('/overdue', { asOf: '21/02/2017' }), 400, 'validation-failed');
    });
  });
});
