import { randomUUID } from 'node:crypto';
import { startFeatureApp, type FeatureApp } from './support/feature-app.js';

/** The series is a read-model view: read your writes by position, and the projected (upcast) shape of every snapshot. */
describe('GET /metrics/{metric}/series from the metric-series read model', () => {
  let f: FeatureApp;
  const series = (metric: string, query: object = {}) =>
    f
      .http()
      .get(`/api/v1/metrics/${encodeURIComponent(metric)}/series`)
      .query(query);

  beforeAll(async () => {
    f = await startFeatureApp();
  });
  afterAll(() => f.close());

  it('answers X-Projection-Position at or past the position asked for, with the snapshot just written', async () => {
    const subject = `Position ${randomUUID()}`;
    const written = await f
      .http()
      .post('/api/v1/metric-snapshots')
      .send({ subject, asOf: '2017-01-31', source: 'HR evidence gathering', values: [{ metric: 'agency-rate', value: 31.2, unit: '%' }] });
    expect(written.status).toBe(201);
    const res = await series('agency-rate', { subject, minPosition: written.body.position });
    expect(res.status).toBe(200);
    expect(Number(res.headers['x-projection-position'])).toBeGreaterThanOrEqual(written.body.position as number);
    expect(res.body).toEqual([expect.objectContaining({ snapshotId: written.body.id, subject, value: 31.2, unit: '%', corrected: false })]);
  });

  it('shows a snapshot stored in an older schema version in its current shape, corrections included', async () => {
    const snapshotId = randomUUID();
    const subject = `Legacy ${randomUUID()}`;
    f.store.upcasters.register('MetricsCollated', 1, (data) => {
      const { figures, ...rest } = data as { figures?: { name: string; figure: number; unit: string }[] };
      return figures ? { ...rest, values: figures.map(({ name, figure, unit }) => ({ metric: name, value: figure, unit })) } : data;
    });
    await f.store.appendToStream(`metric-${snapshotId}`, [
      {
        eventId: randomUUID(),
        type: 'MetricsCollated',
        schemaVersion: 1,
        data: {
          snapshotId,
          subject,
          asOf: '2016-12-31',
          source: 'Legacy spreadsheet',
          figures: [{ name: 'vacancy-rate', figure: 12.5, unit: '%' }],
          collatedAt: '2017-01-02T09:00:00Z',
        },
      },
    ]);
    const corrected = await f
      .http()
      .post(`/api/v1/metric-snapshots/${snapshotId}/corrections`)
      .send({ values: [{ metric: 'vacancy-rate', value: 11, unit: '%' }], reason: 'Recount' });
    expect(corrected.status).toBe(200);
    const res = await series('vacancy-rate', { subject, minPosition: corrected.body.position });
    expect(res.body).toEqual([
      expect.objectContaining({
        snapshotId,
        subject,
        asOf: '2016-12-31',
        value: 11,
        originalValue: 12.5,
        corrected: true,
        corrections: [expect.objectContaining({ value: 11, unit: '%', reason: 'Recount' })],
      }),
    ]);
  });
});
