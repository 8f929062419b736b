import { randomUUID } from 'node:crypto';
import { expectProblem, startFeatureApp, type FeatureApp } from './support/feature-app.js';

/** The metric series and a stream's history are read a page at a time: limit, and after the last page's cursor. */
describe("paging the metric series and a stream's history", () => {
  let f: FeatureApp;
  let position = 0;
  const subject = `Paging ${randomUUID()}`;
  const snapshotIds: string[] = [];
  const dates = ['2016-10-31', '2016-11-30', '2016-12-31', '2016-12-31', '2017-01-31'];

  const get = (path: string, query: Record<string, string> = {}) =>
    f
      .http()
      .get(`/api/v1${path}`)
      .query({ minPosition: String(position), ...query });

  beforeAll(async () => {
    f = await startFeatureApp();
    for (const [n, asOf] of dates.entries()) {
      const res = await f
        .http()
        .post('/api/v1/metric-snapshots')
        .send({ subject, asOf, source: 'HR evidence gathering', values: [{ metric: 'vacancy-rate', value: 10 + n, unit: '%' }] });
      expect(res.status).toBe(201);
      snapshotIds.push(res.body.id as string);
    }
    for (let n = 0; n < 4; n++) {
      const res = await f
        .http()
        .post(`/api/v1/metric-snapshots/${snapshotIds[0]}/corrections`)
        .send({ values: [{ metric: 'vacancy-rate', value: 20 + n, unit: '%' }], reason: `Recount ${n}` });
      expect(res.status).toBe(200);
      position = res.body.position as number;
    }
  });
  afterAll(() => f.close());

  it('pages the series with limit and the X-Next-After cursor, the pages together being the whole series in order', async () => {
    const whole = await get('/metrics/vacancy-rate/series', { subject });
    expect(whole.headers['x-next-after']).toBeUndefined();
    expect(whole.body.map((p: { snapshotId: string }) => p.snapshotId)).toEqual(snapshotIds);
    const seen: string[] = [];
    let after: string | undefined;
    let pages = 0;
    do {
      const res = await get('/metrics/vacancy-rate/series', { subject, limit: '2', ...(after ? { after } : {}) });
      expect(res.status).toBe(200);
      expect(res.body.length).toBeLessThanOrEqual(2);
      seen.push(...res.body.map((p: { snapshotId: string }) => p.snapshotId));
      after = res.headers['x-next-after'] as string | undefined;
      pages += 1;
    } while (after && pages < 5);
    expect(pages).toBe(3);
    expect(seen).toEqual(snapshotIds);
  });

  it("pages a stream's history by stream version, answering the stream's last version on every page", async () => {
    const streamId = `metric-${snapshotIds[0]}`;
    const first = await get(`/audit/streams/${streamId}`, { limit: '2' });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ streamId, version: 5, nextAfter: 2 });
    expect(first.body.events.map((e: { streamVersion: number }) => e.streamVersion)).toEqual([1, 2]);
    const second = await get(`/audit/streams/${streamId}`, { limit: '2', after: '2' });
    expect(second.body.events.map((e: { streamVersion: number }) => e.streamVersion)).toEqual([3, 4]);
    const last = await get(`/audit/streams/${streamId}`, { limit: '2', after: '4' });
    expect(last.body).toMatchObject({ version: 5, nextAfter: null });
    expect(last.body.events.map((e: { streamVersion: number }) => e.streamVersion)).toEqual([5]);
  });

  it('answers 400 for a cursor it did not make or a limit out of range', async () => {
    const malformed: [string, Record<string, string>][] = [
      ['/metrics/vacancy-rate/series', { after: 'bm90LWEtY3Vyc29y' }],
      ['/metrics/vacancy-rate/series', { limit: '0' }],
      [`/audit/streams/metric-${snapshotIds[0]}`, { after: '-1' }],
      [`/audit/streams/metric-${snapshotIds[0]}`, { limit: '1001' }],
    ];
    for (const [path, query] of malformed) expectProblem(await get(path, query), 400, 'validation-failed');
  });
});
