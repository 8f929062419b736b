import { randomUUID } from 'node:crypto';
import { expectProblem, startFeatureApp, type FeatureApp } from './support/feature-app.js';

const VALUES = [
  { metric: 'vacancy-rate', value: 24.5, unit: '%' },
  { metric: 'turnover-rate', value: 17, unit: '%' },
  { metric: 'agency-rate', value: 31.2, unit: '%' },
];
const snapshot = (subject: string, extra: object = {}) => ({
  subject,
  asOf: '2017-01-31',
  source: 'HR evidence gathering',
  values: VALUES,
  ...extra,
});

describe('metric snapshots over HTTP', () => {
  let f: FeatureApp;
  const actionId = randomUUID();
  const collate = (body: object) => f.http().post('/api/v1/metric-snapshots').send(body);
  const correct = (id: string, body: object) => f.http().post(`/api/v1/metric-snapshots/${id}/corrections`).send(body);
  const series = (metric: string, query: object = {}) =>
    f
      .http()
      .get(`/api/v1/metrics/${encodeURIComponent(metric)}/series`)
      .query(query);
  /** The position of the last command written: series reads pass it as minPosition to read their writes. */
  let written = 0;
  const collated = async (body: object): Promise<string> => {
    const res = await collate(body);
    expect(res.status).toBe(201);
    written = res.body.position as number;
    return res.body.id as string;
  };

  beforeAll(async () => {
    f = await startFeatureApp();
    await f.store.appendToStream(`action-${actionId}`, [
      {
        eventId: randomUUID(),
        type: 'ActionAssigned',
        data: {
          actionId,
          resolutionId: randomUUID(),
          meetingId: randomUUID(),
          committeeId: randomUUID(),
          meetingStartsAt: '2017-01-16T18:00:00Z',
          partLabel: '(ii)',
          title: 'Collate final metrics for Vacancy, Turnover and Agency Rates',
          ownerPostId: randomUUID(),
          dueDate: '2017-02-15',
          assignedAt: '2017-01-17T09:00:00Z',
        },
      },
    ]);
  });
  afterAll(() => f.close());

  describe('POST /metric-snapshots', () => {
    it('records a snapshot linked to its action and answers 201 with id, version and position', async () => {
      const res = await collate(snapshot('Adult Social Care social workers', { actionId }));
      expect(res.status).toBe(201);
      expect(res.body).toEqual({ id: expect.any(String), version: 1, position: expect.any(Number) });
      const got = await f.http().get(`/api/v1/metric-snapshots/${res.body.id}`);
      expect(got.status).toBe(200);
      expect(got.headers.etag).toBe('"1"');
      expect(got.body).toEqual({
        snapshotId: res.body.id,
        subject: 'Adult Social Care social workers',
        asOf: '2017-01-31',
        source: 'HR evidence gathering',
        actionId,
        values: VALUES,
        collatedAt: expect.any(String),
        corrections: 0,
        version: 1,
      });
    });

    it('answers 422 linked-action-not-found for an action in the body that does not exist', async () => {
      const res = await collate(snapshot('Unlinked', { actionId: randomUUID() }));
      expectProblem(res, 422, 'linked-action-not-found');
    });

    it('keeps a client-chosen id and refuses to collate it twice (409)', async () => {
      const id = randomUUID();
      expect(await collated(snapshot('Twice', { id }))).toBe(id);
      expectProblem(await collate(snapshot('Twice', { id })), 409, 'metric-snapshot-already-collated');
    });

    it.each([
      ['a blank subject', snapshot(' '), 'subject-required'],
      ['a blank source', snapshot('S', { source: '   ' }), 'source-required'],
      ['a blank metric name', snapshot('S', { values: [{ metric: ' ', value: 1, unit: '%' }] }), 'metric-name-required'],
      ['a blank unit', snapshot('S', { values: [{ metric: 'vacancy-rate', value: 1, unit: ' ' }] }), 'metric-unit-required'],
      ['a metric named twice', snapshot('S', { values: [VALUES[0], VALUES[0]] }), 'metric-names-duplicated'],
    ])('answers 422 for %s', async (_label, body, code) => {
      expectProblem(await collate(body), 422, code);
    });

    it.each([
      ['a missing subject', { asOf: '2017-01-31', source: 'HR', values: VALUES }],
      ['a missing asOf', { subject: 'S', source: 'HR', values: VALUES }],
      ['an impossible date', snapshot('S', { asOf: '2017-02-30' })],
      ['an instant for asOf', snapshot('S', { asOf: '2017-01-31T00:00:00Z' })],
      ['a value given as text', snapshot('S', { values: [{ metric: 'vacancy-rate', value: '24.5', unit: '%' }] })],
      ['a value missing', snapshot('S', { values: [{ metric: 'vacancy-rate', unit: '%' }] })],
      ['no values', snapshot('S', { values: [] })],
      ['values that are not an array', snapshot('S', { values: VALUES[0] })],
      ['an unknown field', snapshot('S', { approvedBy: 'Chair' })],
      ['an unknown field in a value', snapshot('S', { values: [{ ...VALUES[0], target: 10 }] })],
      ['a malformed actionId', snapshot('S', { actionId: 'action-1' })],
      ['a malformed id', snapshot('S', { id: '42' })],
      ['an overlong metric name', snapshot('S', { values: [{ metric: 'm'.repeat(101), value: 1, unit: '%' }] })],
      ['a NUL character', snapshot('S\u0000')],
    ])('answers 400 for %s', async (_label, body) => {
      expectProblem(await collate(body), 400, 'validation-failed');
    });
  });

  describe('POST /metric-snapshots/{id}/corrections', () => {
    it('answers 200, replaces only the named metric, and keeps the first figure in the series', async () => {
      const subject = `Corrected ${randomUUID()}`;
      const id = await collated(snapshot(subject));
      const res = await correct(id, { values: [{ metric: 'vacancy-rate', value: 21, unit: '%' }], reason: 'HR confirmed the baseline' });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ id, version: 2, position: expect.any(Number) });
      const got = await f.http().get(`/api/v1/metric-snapshots/${id}`);
      expect(got.headers.etag).toBe('"2"');
      expect(got.body).toMatchObject({
        values: [{ metric: 'vacancy-rate', value: 21, unit: '%' }, VALUES[1], VALUES[2]],
        corrections: 1,
        version: 2,
      });
      const points = (await series('vacancy-rate', { subject, minPosition: res.body.position })).body;
      expect(points).toEqual([
        {
          snapshotId: id,
          subject,
          asOf: '2017-01-31',
          value: 21,
          unit: '%',
          source: 'HR evidence gathering',
          recordedAt: expect.any(String),
          corrected: true,
          originalValue: 24.5,
          originalUnit: '%',
          corrections: [
            { value: 21, unit: '%', reason: 'HR confirmed the baseline', correctedAt: expect.any(String), recordedAt: expect.any(String) },
          ],
        },
      ]);
      expect((await series('turnover-rate', { subject, minPosition: res.body.position })).body).toEqual([
        expect.objectContaining({ value: 17, corrected: false, corrections: [] }),
      ]);
    });

    it('applies a matching If-Match and answers 412 precondition-failed for a stale one', async () => {
      const id = await collated(snapshot('Conditional'));
      const ok = await correct(id, { values: [{ metric: 'agency-rate', value: 30, unit: '%' }], reason: 'Recount' }).set('If-Match', '"1"');
      expect(ok.status).toBe(200);
      const stale = await correct(id, { values: [{ metric: 'agency-rate', value: 29, unit: '%' }], reason: 'Recount' }).set(
        'If-Match',
        '"1"',
      );
      expectProblem(stale, 412, 'precondition-failed');
      expect((await f.http().get(`/api/v1/metric-snapshots/${id}`)).body.values[2]).toEqual({
        metric: 'agency-rate',
        value: 30,
        unit: '%',
      });
    });

    it('answers 409 for a correction that repeats the current values', async () => {
      const id = await collated(snapshot('Unchanged'));
      expectProblem(await correct(id, { values: [VALUES[1]], reason: 'Same' }), 409, 'metric-correction-unchanged');
    });

    it.each([
      [
        'a metric not in the snapshot',
        { values: [{ metric: 'overspend', value: 1_200_000, unit: 'GBP' }], reason: 'Add it' },
        'metric-unknown',
      ],
      ['a blank reason', { values: [{ metric: 'vacancy-rate', value: 20, unit: '%' }], reason: '  ' }, 'reason-required'],
      [
        'a metric named twice',
        {
          values: [
            { metric: 'vacancy-rate', value: 20, unit: '%' },
            { metric: 'vacancy-rate', value: 19, unit: '%' },
          ],
          reason: 'x',
        },
        'metric-names-duplicated',
      ],
    ])('answers 422 for %s', async (_label, body, code) => {
      expectProblem(await correct(await collated(snapshot('Refused')), body), 422, code);
    });

    it('answers 404 for an unknown snapshot and 400 for a malformed id', async () => {
      const body = { values: [VALUES[0]], reason: 'Recount' };
      expectProblem(await correct(randomUUID(), body), 404, 'metric-snapshot-not-found');
      expectProblem(await correct('snapshot-1', body), 400, 'validation-failed');
    });

    it.each([
      ['a missing reason', { values: [VALUES[0]] }],
      ['missing values', { reason: 'Recount' }],
      ['a wrong value type', { values: [{ ...VALUES[0], value: true }], reason: 'Recount' }],
      ['an unknown field', { values: [VALUES[0]], reason: 'Recount', asOf: '2017-02-01' }],
    ])('answers 400 for %s', async (_label, body) => {
      expectProblem(await correct(randomUUID(), body), 400, 'validation-failed');
    });
  });

  describe('GET /metric-snapshots/{id}', () => {
    it('answers 404 for an unknown snapshot and 400 for a malformed id', async () => {
      expectProblem(await f.http().get(`/api/v1/metric-snapshots/${randomUUID()}`), 404, 'metric-snapshot-not-found');
      expectProblem(await f.http().get('/api/v1/metric-snapshots/nope'), 400, 'validation-failed');
    });
  });

  describe('GET /metrics/{metric}/series', () => {
    it("lists one subject's snapshots by the date they stand for, whatever the order they were recorded in", async () => {
      const subject = `Series ${randomUUID()}`;
      const march = await collated(snapshot(subject, { asOf: '2017-03-31', values: [{ metric: 'vacancy-rate', value: 20, unit: '%' }] }));
      const january = await collated(snapshot(subject, { asOf: '2017-01-31' }));
      await collated(snapshot(subject, { asOf: '2017-02-28', values: [{ metric: 'turnover-rate', value: 15, unit: '%' }] }));
      await collated(snapshot(`Other ${randomUUID()}`, { asOf: '2017-02-15' }));
      const res = await series('vacancy-rate', { subject, minPosition: written });
      expect(res.status).toBe(200);
      expect(res.body.map((p: { snapshotId: string; asOf: string; value: number }) => [p.snapshotId, p.asOf, p.value])).toEqual([
        [january, '2017-01-31', 24.5],
        [march, '2017-03-31', 20],
      ]);
    });

    it('spans every subject when none is given, and is empty for a metric nobody recorded', async () => {
      const metric = `caseload-${randomUUID()}`;
      await collated(snapshot('Adults', { values: [{ metric, value: 22, unit: 'cases' }] }));
      await collated(snapshot('Children', { values: [{ metric, value: 18, unit: 'cases' }] }));
      const res = await series(metric, { minPosition: written });
      expect(res.body.map((p: { subject: string }) => p.subject)).toEqual(['Adults', 'Children']);
      const none = await series('never-recorded');
      expect({ status: none.status, body: none.body }).toEqual({ status: 200, body: [] });
    });

    it('is documented in the OpenAPI document with its DTOs', async () => {
      const doc = (await f.http().get('/docs-json')).body;
      expect(Object.keys(doc.paths)).toEqual(
        expect.arrayContaining([
          '/api/v1/metric-snapshots',
          '/api/v1/metric-snapshots/{snapshotId}/corrections',
          '/api/v1/metric-snapshots/{snapshotId}',
          '/api/v1/metrics/{metric}/series',
        ]),
      );
      expect(doc.components.schemas.CollateMetricsDto.required).toEqual(expect.arrayContaining(['subject', 'asOf', 'source', 'values']));
      expect(doc.components.schemas.MetricValueDto.properties.value.type).toBe('number');
    });

    it('leaves the Prometheus /metrics endpoint outside /api/v1 alone', async () => {
      const res = await f.http().get('/metrics');
      expect(res.status).toBe(200);
      expect(res.text).toContain('# HELP');
    });

    it.each([
      ['an unknown query parameter', 'vacancy-rate', { from: '2017-01-01' }],
      ['a blank subject', 'vacancy-rate', { subject: '' }],
      ['a repeated subject', 'vacancy-rate', { subject: ['A', 'B'] }],
      ['an overlong metric', 'm'.repeat(101), {}],
      ['a malformed minPosition', 'vacancy-rate', { minPosition: '-1' }],
    ])('answers 400 for %s', async (_label, metric, query) => {
      expectProblem(await series(metric, query), 400, 'validation-failed');
    });
  });
});
