import { assignAction, seedMeetingWorld, type MeetingWorld } from './support/seed-over-http.js';
import { expectProblem, startFeatureApp, type FeatureApp } from './support/feature-app.js';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the committee action log: pages, and the log as it stood at an instant', () => {
  let f: FeatureApp;
  let w: MeetingWorld;
  const ids = { signedOff: '', progressed: '', reassigned: '', later: '' };
  let instant = '';

  const act = async (path: string, body: object) => {
    const res = await f.http().post(`/api/v1/actions/${path}`).send(body);
    if (res.status !== 200) throw new Error(`${path} answered ${res.status}: ${JSON.stringify(res.body)}`);
  };
  const log = async (query: Record<string, string> = {}) =>
    f
      .http()
      .get(`/api/v1/committees/${w.committeeId}/action-log`)
      .query({ minPosition: String(await f.store.headPosition()), ...query });
  const statusOf = (body: { rows: { actionId: string; status: string }[] }) =>
    Object.fromEntries(body.rows.map((r) => [r.actionId, r.status]));

  beforeAll(async () => {
    f = await startFeatureApp();
    w = await seedMeetingWorld(f);
    ids.signedOff = await assignAction(f, w, { dueDate: '2099-01-31' });
    ids.progressed = await assignAction(f, w, { dueDate: '2099-01-31' });
    ids.reassigned = await assignAction(f, w, { dueDate: '2099-01-31' });
    await act(`${ids.progressed}/progress`, { note: 'Draft figures collated', rag: 'amber' });
    await pause(20);
    instant = new Date().toISOString();
    await pause(20);
    await act(`${ids.signedOff}/completion`, { outcome: 'Final metrics collated' });
    await act(`${ids.signedOff}/sign-off`, {});
    await act(`${ids.progressed}/progress`, { note: 'All figures in', rag: 'green' });
    await act(`${ids.reassigned}/reassignment`, { ownerPostId: w.otherPostId, reason: 'Moved to People' });
    ids.later = await assignAction(f, w, { dueDate: '2099-01-31' });
  });
  afterAll(() => f.close());

  it('shows, at an instant, an action signed off after it as open and leaves out an action assigned after it', async () => {
    const res = await log({ asOf: instant });
    expect(res.status).toBe(200);
    expect(res.body.asOf).toBe(instant);
    expect(statusOf(res.body)).toEqual({ [ids.signedOff]: 'open', [ids.progressed]: 'open', [ids.reassigned]: 'open' });
    expect(res.body.rows.find((r: { actionId: string }) => r.actionId === ids.signedOff)).toMatchObject({ dateClosed: null });
  });

  it('shows, at an instant, the RAG, latest update and owner post each action had then', async () => {
    const rows = (await log({ asOf: instant })).body.rows as {
      actionId: string;
      ragStatus: string;
      latestUpdate: string;
      ownerPost: { postId: string };
    }[];
    const byId = new Map(rows.map((r) => [r.actionId, r]));
    expect(byId.get(ids.progressed)).toMatchObject({ ragStatus: 'amber', latestUpdate: 'Draft figures collated' });
    expect(byId.get(ids.reassigned)?.ownerPost.postId).toBe(w.postId);
  });

  it('shows the log now with the sign-off, the later update, the reassignment and the later action', async () => {
    const res = await log();
    expect(statusOf(res.body)).toEqual({
      [ids.signedOff]: 'complete',
      [ids.progressed]: 'open',
      [ids.reassigned]: 'open',
      [ids.later]: 'open',
    });
    const byId = new Map(
      (res.body.rows as { actionId: string; ragStatus: string; ownerPost: { postId: string } }[]).map((r) => [r.actionId, r]),
    );
    expect(byId.get(ids.progressed)?.ragStatus).toBe('green');
    expect(byId.get(ids.reassigned)?.ownerPost.postId).toBe(w.otherPostId);
  });

  it('pages with limit and after, the pages together being the whole log in order', async () => {
    const whole = (await log()).body;
    expect(whole.nextAfter).toBeNull();
    const seen: string[] = [];
    let after: string | undefined;
    for (let page = 0; page < 3; page++) {
      const res = await log({ limit: '2', ...(after ? { after } : {}) });
      expect(res.status).toBe(200);
      seen.push(...res.body.rows.map((r: { ref: string }) => r.ref));
      after = res.body.nextAfter ?? undefined;
      if (!after) break;
    }
    expect(after).toBeUndefined();
    expect(seen).toEqual(whole.rows.map((r: { ref: string }) => r.ref));
    expect(seen).toHaveLength(4);
  });

  it('pages the log as it stood at an instant too', async () => {
    const first = await log({ asOf: instant, limit: '2' });
    expect(first.body.rows).toHaveLength(2);
    const second = await log({ asOf: instant, limit: '2', after: first.body.nextAfter });
    expect(second.body.rows.map((r: { actionId: string }) => r.actionId)).toEqual([ids.reassigned]);
    expect(second.body.nextAfter).toBeNull();
  });

  it('exports the whole log as CSV unless a limit is given', async () => {
    const csv = await log({ format: 'csv' });
    expect(csv.text.trim().split('\r\n')).toHaveLength(1 + 4);
    const paged = await log({ format: 'csv', limit: '1' });
    expect(paged.text.trim().split('\r\n')).toHaveLength(1 + 1);
  });

  it('answers 400 for a cursor it did not make, a bad limit or a malformed asOf', async () => {
    const malformed: Record<string, string>[] = [
      { after: 'bm90LWEtY3Vyc29y' },
      { limit: '0' },
      { limit: '1001' },
      { asOf: '2017-02-21T18:00' },
      { asOf: 'yesterday' },
    ];
    for (const query of malformed) {
      expectProblem(await log(query), 400, 'validation-failed');
    }
  });
});
