import { randomUUID } from 'node:crypto';
import { STAFF } from '../support/auth.js';
import { expectProblem, startFeatureApp, type FeatureApp } from './support/feature-app.js';
import { assignAction, seedMeetingWorld, type MeetingWorld } from './support/seed-over-http.js';

/** If-Match and Idempotency-Key on the routes clients really call, including retries after an ambiguous failure. */
describe('If-Match and Idempotency-Key on real routes', () => {
  let f: FeatureApp;
  let w: MeetingWorld;
  const progress = (
    actionId: string,
    headers: Record<string, string>,
    body: object = { note: 'Asked HR for the December figures', rag: 'amber' },
  ) => f.http().post(`/api/v1/actions/${actionId}/progress`).set(headers).send(body);
  const createCommittee = (headers: Record<string, string>, name: string) =>
    f.http().post('/api/v1/committees').set(headers).send({ name, kind: 'task-and-finish' });
  const versionOf = (actionId: string) => f.store.streamVersion(`action-${actionId}`);
  const committeesNamed = async (name: string): Promise<string[]> => {
    const ids: string[] = [];
    for (let after = 0; ;) {
      const page = await f.store.readAll(after, 1_000);
      if (page.events.length === 0) return ids;
      ids.push(...page.events.filter((e) => e.type === 'CommitteeCreated' && e.data.name === name).map((e) => e.streamId));
      after = page.lastPosition;
    }
  };
  /** What the api writes when it finished a request whose completion then failed, as it stands 61 s later. */
  const completionLost = (key: string) =>
    f.store.db.query(
      `UPDATE idempotency_keys SET state = 'in-progress', status = NULL, response_body = NULL, created_at = now() - interval '61 seconds'
     WHERE scope = $1 AND key = $2`,
      [STAFF.id, key],
    );

  beforeAll(async () => {
    f = await startFeatureApp();
    w = await seedMeetingWorld(f);
  });
  afterAll(() => f.close());
  afterEach(() => {
    delete process.env.ACTIONTRAIL_TEST_AFTER_APPEND;
  });

  describe('If-Match on POST /actions/{id}/progress', () => {
    it('reports progress with the ETag just read, and refuses the stale ETag with 412 and no new event', async () => {
      const assigned = await f.http().post('/api/v1/actions').send({
        resolutionId: w.resolutionId,
        partLabel: '(ii)',
        title: 'Collate final metrics',
        ownerPostId: w.postId,
        dueDate: '2017-02-15',
      });
      const actionId = String(assigned.body.id);
      const etag = String(
        (
          await f
            .http()
            .get(`/api/v1/actions/${actionId}`)
            .query({ minPosition: String(assigned.body.position) })
        ).headers.etag,
      );
      expect(etag).toBe('"1"');
      const current = await progress(actionId, { 'If-Match': etag });
      expect(current.status).toBe(200);
      expect(current.body).toMatchObject({ id: actionId, version: 2 });
      const stale = await progress(actionId, { 'If-Match': etag }, { note: 'decided on version 1' });
      expectProblem(stale, 412, 'precondition-failed');
      expect(stale.body.currentVersion).toBe(2);
      expect(await versionOf(actionId)).toBe(2);
    });
  });

  describe('Idempotency-Key on POST /actions/{id}/progress', () => {
    it('answers a repeat with the first answer and Idempotent-Replay, writing one event', async () => {
      const actionId = await assignAction(f, w);
      const first = await progress(actionId, { 'Idempotency-Key': 'progress-once' });
      const again = await progress(actionId, { 'Idempotency-Key': 'progress-once' });
      expect(first.status).toBe(200);
      expect(first.headers['idempotent-replay']).toBeUndefined();
      expect({ status: again.status, replay: again.headers['idempotent-replay'], text: again.text }).toEqual({
        status: 200,
        replay: 'true',
        text: first.text,
      });
      expect(await versionOf(actionId)).toBe(2);
    });

    it('refuses the same key with a different body with 422 idempotency-key-reused, writing nothing more', async () => {
      const actionId = await assignAction(f, w);
      await progress(actionId, { 'Idempotency-Key': 'progress-reused' }).expect(200);
      expectProblem(
        await progress(actionId, { 'Idempotency-Key': 'progress-reused' }, { note: 'another note' }),
        422,
        'idempotency-key-reused',
      );
      expect(await versionOf(actionId)).toBe(2);
    });

    it('given the answer was lost after the commit (503, claim released), when retried with the key, then the same answer and one event', async () => {
      const actionId = await assignAction(f, w);
      process.env.ACTIONTRAIL_TEST_AFTER_APPEND = 'lose-answer';
      expectProblem(await progress(actionId, { 'Idempotency-Key': 'progress-lost' }), 503, 'store-unavailable');
      expect(await versionOf(actionId)).toBe(2);
      await progress(actionId, { 'If-Match': '"2"' }, { note: 'someone else reported since' }).expect(200);
      const retried = await progress(actionId, { 'Idempotency-Key': 'progress-lost' });
      expect({ status: retried.status, body: retried.body }).toEqual({
        status: 200,
        body: { id: actionId, version: 2, position: expect.any(Number) },
      });
      expect(await versionOf(actionId)).toBe(3);
    });

    it('given the completion of the claim failed and the claim went stale, when retried, then the takeover answers the first result and writes nothing', async () => {
      const actionId = await assignAction(f, w);
      const first = await progress(actionId, { 'Idempotency-Key': 'progress-stuck' });
      await completionLost('progress-stuck');
      const retried = await progress(actionId, { 'Idempotency-Key': 'progress-stuck' });
      expect({ status: retried.status, body: retried.body }).toEqual({ status: 200, body: first.body });
      expect(await versionOf(actionId)).toBe(2);
    });
  });

  describe('Idempotency-Key on POST /committees without a client id', () => {
    it('answers a repeat with the first answer, and makes one committee', async () => {
      const name = `Committee ${randomUUID()}`;
      const first = await createCommittee({ 'Idempotency-Key': `create-${name}` }, name);
      const again = await createCommittee({ 'Idempotency-Key': `create-${name}` }, name);
      expect(first.status).toBe(201);
      expect({ replay: again.headers['idempotent-replay'], text: again.text }).toEqual({ replay: 'true', text: first.text });
      expect(await committeesNamed(name)).toEqual([`committee-${first.body.id}`]);
    });

    it('given the answer was lost after the commit, when retried with the key, then it answers the one committee made', async () => {
      const name = `Committee ${randomUUID()}`;
      process.env.ACTIONTRAIL_TEST_AFTER_APPEND = 'lose-answer';
      expectProblem(await createCommittee({ 'Idempotency-Key': `lost-${name}` }, name), 503, 'store-unavailable');
      delete process.env.ACTIONTRAIL_TEST_AFTER_APPEND;
      const retried = await createCommittee({ 'Idempotency-Key': `lost-${name}` }, name);
      expect(retried.status).toBe(201);
      expect(await committeesNamed(name)).toEqual([`committee-${retried.body.id}`]);
    });

    it('given the claim went stale after the create landed, when retried, then the takeover answers the same committee', async () => {
      const name = `Committee ${randomUUID()}`;
      const first = await createCommittee({ 'Idempotency-Key': `stuck-${name}` }, name);
      await completionLost(`stuck-${name}`);
      const retried = await createCommittee({ 'Idempotency-Key': `stuck-${name}` }, name);
      expect({ status: retried.status, body: retried.body }).toEqual({ status: 201, body: first.body });
      expect(await committeesNamed(name)).toEqual([`committee-${first.body.id}`]);
    });
  });
});
