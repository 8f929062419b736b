import { randomUUID } from 'node:crypto';
import { expectProblem, startFeatureApp, type FeatureApp } from './support/feature-app.js';

const NOTED = { label: '(i)', text: 'That the Report (Ref: 7) be noted.', kind: 'noted' };
const INSTRUCTED = {
  label: '(ii)',
  text: 'That the Project Manager, Transformation & Technology be instructed to collate final metrics for Vacancy, Turnover and Agency Rates',
  kind: 'instructed',
};
const CORRECTED = { ...INSTRUCTED, text: `${INSTRUCTED.text} and the amount of overspend` };

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('resolutions over HTTP', () => {
  let f: FeatureApp;
  let committeeId: string;
  const meetingId = randomUUID();
  const pass = (body: object, meeting: string = meetingId) => f.http().post(`/api/v1/meetings/${meeting}/resolutions`).send(body);
  const correct = (id: string, body: object) => f.http().post(`/api/v1/resolutions/${id}/corrections`).send(body);
  /** The resolution from the read models once they have applied the position a command answered. */
  const getResolution = (id: string, minPosition: number) =>
    f
      .http()
      .get(`/api/v1/resolutions/${id}`)
      .query({ minPosition: String(minPosition) });
  const passed = async (): Promise<string> => {
    const res = await pass({ itemNumber: '03', parts: [NOTED, INSTRUCTED] });
    expect(res.status).toBe(201);
    return res.body.id as string;
  };

  beforeAll(async () => {
    f = await startFeatureApp();
    committeeId = (await f.http().post('/api/v1/committees').send({ name: 'Scrutiny Task & Finish Group', kind: 'task-and-finish' })).body
      .id;
    const item = (number: string, title: string) => ({
      eventId: randomUUID(),
      type: 'AgendaItemAdded',
      data: { meetingId, number, title, addedAt: '2017-01-10T09:00:00Z' },
    });
    await f.store.appendToStream(`meeting-${meetingId}`, [
      {
        eventId: randomUUID(),
        type: 'MeetingScheduled',
        data: { meetingId, committeeId, startsAt: '2017-01-16T18:00:00Z', scheduledAt: '2017-01-02T09:00:00Z' },
      },
      item('01', 'Apologies for absence'),
      item('03', 'Draft Task & Finish Group Report Part 1'),
    ]);
  });
  afterAll(() => f.close());

  describe('POST /meetings/{id}/resolutions', () => {
    it('records the resolution on the agenda item and answers 201 with id, version and position', async () => {
      const res = await pass({ itemNumber: '03', parts: [NOTED, INSTRUCTED] });
      expect(res.status).toBe(201);
      expect(res.body).toEqual({ id: expect.any(String), version: 1, position: expect.any(Number) });
      const got = await getResolution(res.body.id, res.body.position);
      expect(got.status).toBe(200);
      expect(got.headers.etag).toBe('"1"');
      expect(got.body).toEqual({
        resolutionId: res.body.id,
        meetingId,
        committeeId,
        itemNumber: '03',
        meetingStartsAt: '2017-01-16T18:00:00Z',
        parts: [NOTED, INSTRUCTED],
        passedAt: expect.any(String),
        corrections: 0,
        version: 1,
      });
    });

    it('keeps a client-chosen id and refuses to pass it twice (409)', async () => {
      const id = randomUUID();
      expect((await pass({ id, itemNumber: '01', parts: [NOTED] })).body.id).toBe(id);
      expectProblem(await pass({ id, itemNumber: '01', parts: [NOTED] }), 409, 'resolution-already-passed');
    });

    it('answers 404 when the meeting in the path does not exist, 422 when it has no such item', async () => {
      expectProblem(await pass({ itemNumber: '03', parts: [NOTED] }, randomUUID()), 404, 'meeting-not-found');
      const res = await pass({ itemNumber: '09', parts: [NOTED] });
      expectProblem(res, 422, 'resolution-item-unknown');
      expect(res.body.details).toMatchObject({ itemNumber: '09', field: 'itemNumber' });
    });

    it.each([
      ['a blank part text', [{ ...NOTED, text: '   ' }], 'part-text-required'],
      ['a blank part label', [{ ...NOTED, label: ' ' }], 'part-label-required'],
      ['duplicated part labels', [NOTED, { ...INSTRUCTED, label: NOTED.label }], 'part-labels-duplicated'],
    ])('answers 422 for %s', async (_label, parts, code) => {
      expectProblem(await pass({ itemNumber: '03', parts }), 422, code);
    });

    it.each([
      ['a missing itemNumber', { parts: [NOTED] }],
      ['missing parts', { itemNumber: '03' }],
      ['no parts', { itemNumber: '03', parts: [] }],
      ['parts that are not an array', { itemNumber: '03', parts: NOTED }],
      ['a part without kind', { itemNumber: '03', parts: [{ label: '(i)', text: 'Noted' }] }],
      ['an unknown part kind', { itemNumber: '03', parts: [{ ...NOTED, kind: 'vetoed' }] }],
      ['a wrong type', { itemNumber: 3, parts: [NOTED] }],
      ['a part that is not an object', { itemNumber: '03', parts: ['(i) noted'] }],
      ['an unknown field', { itemNumber: '03', parts: [NOTED], mover: 'Cllr Green' }],
      ['an unknown field in a part', { itemNumber: '03', parts: [{ ...NOTED, seconder: 'Cllr Keens' }] }],
      ['a bad id', { id: 'not-a-uuid', itemNumber: '03', parts: [NOTED] }],
      ['an overlong text', { itemNumber: '03', parts: [{ ...NOTED, text: 'x'.repeat(4001) }] }],
      ['a NUL character', { itemNumber: '03', parts: [{ ...NOTED, text: 'no\u0000ted' }] }],
    ])('answers 400 for %s', async (_label, body) => {
      expectProblem(await pass(body), 400, 'validation-failed');
    });

    it('names the broken field of a nested part', async () => {
      const res = await pass({ itemNumber: '03', parts: [NOTED, { ...INSTRUCTED, kind: 'vetoed' }] });
      expectProblem(res, 400, 'validation-failed');
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'parts.1.kind' })]);
    });

    it('answers 400 for a malformed meeting id', async () => {
      expectProblem(await pass({ itemNumber: '03', parts: [NOTED] }, 'not-a-uuid'), 400, 'validation-failed');
    });
  });

  describe('POST /resolutions/{id}/corrections', () => {
    it('answers 200 and the new version, and keeps the first wording in the history', async () => {
      const id = await passed();
      const res = await correct(id, { parts: [NOTED, CORRECTED], reason: 'Part (ii) omitted the overspend' });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ id, version: 2, position: expect.any(Number) });
      const got = await getResolution(id, res.body.position);
      expect(got.headers.etag).toBe('"2"');
      expect(got.body).toMatchObject({ parts: [NOTED, CORRECTED], corrections: 1, correctedAt: expect.any(String), version: 2 });
      const history = await f.http().get(`/api/v1/resolutions/${id}/history`);
      expect(history.status).toBe(200);
      expect(history.headers.etag).toBe('"2"');
      expect(history.body).toEqual({
        resolutionId: id,
        version: 2,
        wordings: [
          { version: 1, change: 'passed', parts: [NOTED, INSTRUCTED], at: expect.any(String), recordedAt: expect.any(String) },
          {
            version: 2,
            change: 'corrected',
            parts: [NOTED, CORRECTED],
            at: expect.any(String),
            recordedAt: expect.any(String),
            reason: 'Part (ii) omitted the overspend',
          },
        ],
      });
    });

    it('applies a matching If-Match and answers 412 precondition-failed for a stale one', async () => {
      const id = await passed();
      const matching = await correct(id, { parts: [CORRECTED], reason: 'Only part (ii) was resolved' }).set('If-Match', '"1"');
      expect(matching.status).toBe(200);
      expect(matching.body.version).toBe(2);
      const stale = await correct(id, { parts: [NOTED], reason: 'Back again' }).set('If-Match', '"1"');
      expectProblem(stale, 412, 'precondition-failed');
      expect((await getResolution(id, matching.body.position)).body.parts).toEqual([CORRECTED]);
    });

    it('answers 409 for a correction identical to the current wording', async () => {
      const id = await passed();
      expectProblem(await correct(id, { parts: [NOTED, INSTRUCTED], reason: 'Same again' }), 409, 'resolution-correction-unchanged');
    });

    it.each([
      ['a blank reason', { parts: [CORRECTED], reason: '  ' }, 'reason-required'],
      ['a blank part text', { parts: [{ ...NOTED, text: ' ' }], reason: 'Typo' }, 'part-text-required'],
      ['duplicated part labels', { parts: [NOTED, NOTED], reason: 'Typo' }, 'part-labels-duplicated'],
    ])('answers 422 for %s', async (_label, body, code) => {
      expectProblem(await correct(await passed(), body), 422, code);
    });

    it('answers 404 for an unknown resolution and 400 for a malformed id', async () => {
      expectProblem(await correct(randomUUID(), { parts: [CORRECTED], reason: 'Typo' }), 404, 'resolution-not-found');
      expectProblem(await correct('nope', { parts: [CORRECTED], reason: 'Typo' }), 400, 'validation-failed');
    });

    it.each([
      ['a missing reason', { parts: [CORRECTED] }],
      ['missing parts', { reason: 'Typo' }],
      ['a wrong reason type', { parts: [CORRECTED], reason: 7 }],
      ['an invalid kind', { parts: [{ ...CORRECTED, kind: 'resolved' }], reason: 'Typo' }],
      ['an unknown field', { parts: [CORRECTED], reason: 'Typo', correctedBy: 'clerk' }],
    ])('answers 400 for %s', async (_label, body) => {
      expectProblem(await correct(randomUUID(), body), 400, 'validation-failed');
    });
  });

  describe('GET /resolutions/{id}?asOf=', () => {
    it('answers the resolution as it stood at the instant, and 404 before it was passed', async () => {
      const id = await passed();
      await pause(5);
      await correct(id, { parts: [NOTED, CORRECTED], reason: 'Part (ii) omitted the overspend' }).expect(200);
      const [passedEvent, correctedEvent] = await f.store.readStream(`resolution-${id}`);
      const passedAt = passedEvent!.recordedAt;
      expect(correctedEvent!.recordedAt.getTime()).toBeGreaterThan(passedAt.getTime());

      const then = await f.http().get(`/api/v1/resolutions/${id}`).query({ asOf: passedAt.toISOString() });
      expect(then.status).toBe(200);
      expect(then.headers.etag).toBe('"1"');
      expect(then.body).toMatchObject({ parts: [NOTED, INSTRUCTED], corrections: 0, version: 1, asOf: passedAt.toISOString() });

      const now = await f.http().get(`/api/v1/resolutions/${id}`).query({ asOf: correctedEvent!.recordedAt.toISOString() });
      expect(now.body).toMatchObject({ parts: [NOTED, CORRECTED], corrections: 1, version: 2 });

      const before = new Date(passedAt.getTime() - 1).toISOString();
      expectProblem(await f.http().get(`/api/v1/resolutions/${id}`).query({ asOf: before }), 404, 'resolution-not-found');
    });

    it('compares instants across zones', async () => {
      const id = await passed();
      const [event] = await f.store.readStream(`resolution-${id}`);
      // The same instant written an hour behind UTC: read as UTC it would fall before the resolution.
      const sameInstantWest = new Date(event!.recordedAt.getTime() - 3600_000).toISOString().replace('Z', '-01:00');
      const res = await f.http().get(`/api/v1/resolutions/${id}`).query({ asOf: sameInstantWest });
      expect(res.status).toBe(200);
      expect(res.body.resolutionId).toBe(id);
    });

    it.each(['yesterday', '2017-02-30T10:00:00Z', '2017-01-16T18:00:00', '2017-01-16'])('answers 400 for asOf=%s', async (asOf) => {
      expectProblem(await f.http().get(`/api/v1/resolutions/${randomUUID()}`).query({ asOf }), 400, 'validation-failed');
    });

    it('answers 400 for an unknown query parameter', async () => {
      expectProblem(await f.http().get(`/api/v1/resolutions/${randomUUID()}`).query({ version: '1' }), 400, 'validation-failed');
    });
  });

  it('documents the endpoints and their DTOs in the OpenAPI document', async () => {
    const doc = (await f.http().get('/docs-json')).body;
    const paths = [
      '/meetings/{meetingId}/resolutions',
      '/resolutions/{resolutionId}/corrections',
      '/resolutions/{resolutionId}',
      '/resolutions/{resolutionId}/history',
    ];
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(paths.map((path) => `/api/v1${path}`)));
    expect(doc.components.schemas.ResolutionPartDto.properties.kind.enum).toEqual([
      'noted',
      'agreed',
      'recommended',
      'instructed',
      'other',
      'supported',
      'endorsed',
      'requested',
      'deferred',
    ]);
    expect(doc.components.schemas.ResolutionPartDto.required).not.toContain('label');
    expect(doc.components.schemas.CorrectResolutionDto.required).toEqual(expect.arrayContaining(['parts', 'reason']));
  });

  it('answers 404 for an unknown resolution and its history, and 400 for malformed ids', async () => {
    expectProblem(await f.http().get(`/api/v1/resolutions/${randomUUID()}`), 404, 'resolution-not-found');
    expectProblem(await f.http().get(`/api/v1/resolutions/${randomUUID()}/history`), 404, 'resolution-not-found');
    expectProblem(await f.http().get('/api/v1/resolutions/not-a-uuid'), 400, 'validation-failed');
    expectProblem(await f.http().get('/api/v1/resolutions/not-a-uuid/history'), 400, 'validation-failed');
  });
});
