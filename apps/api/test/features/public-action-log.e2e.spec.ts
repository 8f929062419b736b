import { assignAction, seedMeetingWorld, type MeetingWorld } from './support/seed-over-http.js';
import { expectProblem, startFeatureApp, type FeatureApp } from './support/feature-app.js';

const POST_TITLE = 'Project Manager, Transformation & Technology';
const HOLDER = 'Tony Fitzgerald';

describe('the public action log (GET /public/committees/{id}/action-log)', () => {
  describe('with PUBLIC_ACTION_LOG=true', () => {
    let f: FeatureApp;
    let w: MeetingWorld;
    let position = 0;
    const publicLog = (query: Record<string, string> = {}) =>
      f
        .anonymous()
        .get(`/api/v1/public/committees/${w.committeeId}/action-log`)
        .query({ minPosition: String(position), ...query });

    beforeAll(async () => {
      f = await startFeatureApp({ env: { PUBLIC_ACTION_LOG: 'true' } });
      w = await seedMeetingWorld(f);
      const actionId = await assignAction(f, w);
      const progress = await f
        .http()
        .post(`/api/v1/actions/${actionId}/progress`)
        .set(f.as(['officer'], w.personId, HOLDER))
        .set('X-Correlation-Id', 'corr-public-secret')
        .send({ note: 'December figures requested from HR', rag: 'amber' });
      expect(progress.status).toBe(200);
      position = progress.body.position as number;
    });
    afterAll(() => f?.close());

    it('answers anyone without a token, with the owner by post title only', async () => {
      const res = await publicLog();
      expect(res.status).toBe(200);
      expect(res.body.committee).toEqual({ committeeId: w.committeeId, name: 'Scrutiny Task & Finish Group' });
      expect(res.body.rows).toEqual([
        expect.objectContaining({
          owner: POST_TITLE,
          ownerPost: { postId: w.postId, title: POST_TITLE },
          ragStatus: 'amber',
          latestUpdate: 'December figures requested from HR',
          status: 'overdue',
        }),
      ]);
      expect(res.body.rows[0]).not.toHaveProperty('holder');
    });

    it('carries no personal name and nothing from the audit metadata, where the staff log names the holder', async () => {
      const staffLog = await f
        .http()
        .get(`/api/v1/committees/${w.committeeId}/action-log`)
        .query({ minPosition: String(position) });
      expect(JSON.stringify(staffLog.body)).toContain(HOLDER);
      const text = JSON.stringify((await publicLog()).body);
      for (const secret of [
        HOLDER,
        w.personId,
        'corr-public-secret',
        'staff-clerk',
        'Scrutiny Clerk',
        'correlationId',
        'requestId',
        'actor',
        'reportedBy',
      ]) {
        expect(text).not.toContain(secret);
      }
    });

    it('answers CSV with ?format=csv or Accept: text/csv, with the post title as the owner', async () => {
      for (const res of [await publicLog({ format: 'csv' }), await publicLog().set('Accept', 'text/csv')]) {
        expect(res.status).toBe(200);
        expect(res.headers['content-type']).toMatch(/^text\/csv/);
        expect(res.headers['content-disposition']).toBe('attachment; filename="action-log-scrutiny-task-finish-group.csv"');
        const [header, row, ...rest] = res.text.split('\r\n');
        expect(header).toBe(
          'Ref,Meeting date,Item,Item title,Paper ref,Resolution part,Action,Owner,Due,Status,RAG,Latest update,Outcome,Sign-off note,Date closed',
        );
        expect(row).toContain(`"${POST_TITLE}"`);
        expect(res.text).not.toContain(HOLDER);
        expect(rest).toEqual(['']);
      }
    });

    it('answers 404 for an unknown committee and 400 for a malformed id', async () => {
      const unknown = await f.anonymous().get('/api/v1/public/committees/5f0c2d6e-0000-4000-8000-000000000000/action-log');
      expectProblem(unknown, 404, 'committee-not-found');
      expectProblem(await f.anonymous().get('/api/v1/public/committees/nope/action-log'), 400, 'validation-failed');
    });
  });

  describe('with PUBLIC_ACTION_LOG off (the default)', () => {
    let f: FeatureApp;
    let w: MeetingWorld;

    beforeAll(async () => {
      f = await startFeatureApp();
      w = await seedMeetingWorld(f);
    });
    afterAll(() => f?.close());

    it('answers 404 exactly as an unknown path does, to anyone, before checking anything', async () => {
      const unknownPath = await f.anonymous().get('/api/v1/public/nothing-here');
      for (const res of [
        await f.anonymous().get(`/api/v1/public/committees/${w.committeeId}/action-log`),
        await f.http().get(`/api/v1/public/committees/${w.committeeId}/action-log`).query({ format: 'csv' }),
        await f.anonymous().get('/api/v1/public/committees/nope/action-log').query({ format: 'xml' }),
      ]) {
        expect(res.status).toBe(404);
        expect(res.body.type).toBe(unknownPath.body.type);
        expect(res.body.title).toBe(unknownPath.body.title);
      }
    });

    it('leaves the staff action log as it was', async () => {
      expect((await f.http().get(`/api/v1/committees/${w.committeeId}/action-log`)).status).toBe(200);
    });
  });
});
