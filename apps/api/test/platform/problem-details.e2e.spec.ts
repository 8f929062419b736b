import { randomUUID } from 'node:crypto';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import request from 'supertest';
import type { SqlEventStore } from '#event-store';
import { openE2eStore } from '../support/e2e-store.js';
import { PROBLEM, staffHttp, startTestApp, type TestApp } from './support/test-app.js';

const validResolution = { itemNumber: '03', parts: [{ label: '(i)', text: 'Noted the report', kind: 'noted' }] };

describe('problem details (RFC 9457) for every error', () => {
  let store: SqlEventStore;
  let testApp: TestApp;
  const http = () => staffHttp(testApp.app);

  beforeAll(async () => {
    store = await openE2eStore();
    testApp = await startTestApp({ store });
  });

  afterAll(async () => {
    await testApp?.app.close();
    await store?.close();
  });

  function expectProblem(res: request.Response, status: number, code: string): void {
    expect({ status: res.status, type: res.body.type }).toEqual({ status, type: `${PROBLEM}${code}` });
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.status).toBe(status);
    expect(typeof res.body.title).toBe('string');
    expect(typeof res.body.detail).toBe('string');
  }

  it('accepts a valid body and hands the handler DTO instances', async () => {
    const res = await http().post('/api/v1/test/resolutions').send(validResolution);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ received: validResolution, isDto: true });
  });

  it('answers 400 validation-failed for a missing field, naming it', async () => {
    const res = await http().post('/api/v1/test/resolutions').send({ parts: validResolution.parts });
    expectProblem(res, 400, 'validation-failed');
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain('itemNumber');
  });

  it('answers 400 with nested field paths for a wrong type inside an array', async () => {
    const res = await http()
      .post('/api/v1/test/resolutions')
      .send({ itemNumber: '03', parts: [{ label: 7, text: 'x', kind: 'noted' }] });
    expectProblem(res, 400, 'validation-failed');
    expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'parts.0.label' })]));
  });

  it('answers 400 for a wrong top-level type', async () => {
    const res = await http()
      .post('/api/v1/test/resolutions')
      .send({ ...validResolution, parts: 'none' });
    expectProblem(res, 400, 'validation-failed');
    expect(res.body.errors.some((e: { field: string }) => e.field === 'parts')).toBe(true);
  });

  it('answers 400 for an unknown field, also a nested one', async () => {
    const top = await http()
      .post('/api/v1/test/resolutions')
      .send({ ...validResolution, sneaky: true });
    expectProblem(top, 400, 'validation-failed');
    expect(top.body.errors).toEqual([expect.objectContaining({ field: 'sneaky' })]);

    const nested = await http()
      .post('/api/v1/test/resolutions')
      .send({ itemNumber: '03', parts: [{ label: '(i)', text: 'x', kind: 'noted', extra: 1 }] });
    expectProblem(nested, 400, 'validation-failed');
    expect(nested.body.errors).toEqual([expect.objectContaining({ field: 'parts.0.extra' })]);
  });

  it('answers 400 for __proto__, constructor or prototype keys anywhere in the body', async () => {
    const proto = await http()
      .post('/api/v1/test/resolutions')
      .set('Content-Type', 'application/json')
      .send('{"itemNumber":"03","parts":[],"__proto__":{"isAdmin":true}}');
    expectProblem(proto, 400, 'validation-failed');
    expect(proto.body.errors).toEqual([expect.objectContaining({ field: '__proto__' })]);

    const nested = await http()
      .post('/api/v1/test/resolutions')
      .set('Content-Type', 'application/json')
      .send('{"itemNumber":"03","parts":[{"constructor":{"prototype":{}}}]}');
    expectProblem(nested, 400, 'validation-failed');
    expect(nested.body.errors).toEqual([expect.objectContaining({ field: 'parts.0.constructor' })]);
  });

  it('answers 400 for absurdly deep nesting rather than overflowing the stack', async () => {
    const deep = '['.repeat(5_000) + ']'.repeat(5_000);
    const res = await http().post('/api/v1/test/resolutions').set('Content-Type', 'application/json').send(deep);
    expectProblem(res, 400, 'validation-failed');
  });

  it('answers 400 for a JSON array or primitive where an object is expected', async () => {
    const array = await http().post('/api/v1/test/resolutions').send([validResolution]);
    expectProblem(array, 400, 'validation-failed');
    const primitive = await http().post('/api/v1/test/resolutions').set('Content-Type', 'application/json').send('"text"');
    expectProblem(primitive, 400, 'malformed-json');
  });

  it('answers 400 malformed-json for broken JSON', async () => {
    const res = await http().post('/api/v1/test/resolutions').set('Content-Type', 'application/json').send('{"itemNumber": "03",');
    expectProblem(res, 400, 'malformed-json');
  });

  it('answers 413 payload-too-large for a body over 256 KiB', async () => {
    const res = await http()
      .post('/api/v1/test/streams/big/notes')
      .send({ note: 'x'.repeat(256 * 1024) });
    expectProblem(res, 413, 'payload-too-large');
    expect(await store.streamVersion('test-big')).toBe(0);
  });

  it('answers 415 for a body that is not JSON, or not UTF-8', async () => {
    const text = await http().post('/api/v1/test/resolutions').set('Content-Type', 'text/plain').send('itemNumber=03');
    expectProblem(text, 415, 'unsupported-media-type');
    const form = await http().post('/api/v1/test/resolutions').type('form').send({ itemNumber: '03' });
    expectProblem(form, 415, 'unsupported-media-type');
    const latin1 = await http().post('/api/v1/test/resolutions').set('Content-Type', 'application/json; charset=latin1').send('{}');
    expectProblem(latin1, 415, 'unsupported-media-type');
  });

  /** supertest would otherwise serialize a Buffer sent as application/json into JSON. */
  const asSent = (bytes: unknown) => bytes as string;

  it('reads a body sent gzip, deflate or br compressed, as the uncompressed JSON', async () => {
    const body = JSON.stringify({ note: 'compressed' });
    for (const [encoding, compress] of [
      ['gzip', gzipSync],
      ['deflate', deflateSync],
      ['br', brotliCompressSync],
    ] as const) {
      const res = await http()
        .post(`/api/v1/test/streams/${encoding}/notes`)
        .set('Content-Type', 'application/json')
        .set('Content-Encoding', encoding)
        .serialize(asSent)
        .send(compress(body));
      expect({ encoding, status: res.status }).toEqual({ encoding, status: 201 });
      expect((await store.readStream(`test-${encoding}`)).map((event) => event.data)).toEqual([{ note: 'compressed' }]);
    }
  });

  it('answers 415 for a Content-Encoding it does not know, 400 for a body that does not inflate, and stores nothing', async () => {
    const unknown = await http()
      .post('/api/v1/test/streams/zstd/notes')
      .set('Content-Type', 'application/json')
      .set('Content-Encoding', 'zstd')
      .send(JSON.stringify({ note: 'x' }));
    expectProblem(unknown, 415, 'unsupported-media-type');
    const corrupt = await http()
      .post('/api/v1/test/streams/corrupt/notes')
      .set('Content-Type', 'application/json')
      .set('Content-Encoding', 'gzip')
      .serialize(asSent)
      .send(Buffer.from('not gzip at all'));
    expectProblem(corrupt, 400, 'malformed-json');
    expect(await store.streamVersion('test-zstd')).toBe(0);
    expect(await store.streamVersion('test-corrupt')).toBe(0);
  });

  it('answers 413 for a small gzip body that inflates past 256 KiB', async () => {
    const bomb = gzipSync(JSON.stringify({ note: 'x'.repeat(1024 * 1024) }));
    expect(bomb.length).toBeLessThan(16 * 1024);
    const res = await http()
      .post('/api/v1/test/streams/bomb/notes')
      .set('Content-Type', 'application/json')
      .set('Content-Encoding', 'gzip')
      .serialize(asSent)
      .send(bomb);
    expectProblem(res, 413, 'payload-too-large');
    expect(await store.streamVersion('test-bomb')).toBe(0);
  });

  it('accepts application/*+json', async () => {
    const res = await http()
      .post('/api/v1/test/resolutions')
      .set('Content-Type', 'application/merge-patch+json')
      .send(JSON.stringify(validResolution));
    expect(res.status).toBe(200);
  });

  it('answers 404 not-found for an unknown route, inside and outside the prefix', async () => {
    expectProblem(await http().get('/api/v1/no-such-thing'), 404, 'not-found');
    expectProblem(await http().get('/nowhere'), 404, 'not-found');
    expectProblem(await http().post('/health'), 404, 'not-found');
  });

  it.each([
    ['conflict', 409, 'action-already-closed'],
    ['invalid', 422, 'due-date-in-past'],
  ])('maps a DomainError of kind %s to %i with its code as type', async (kind, status, code) => {
    const res = await http().post(`/api/v1/test/failures/${kind}`);
    expectProblem(res, status, code);
    expect(res.body.title).toBe(code.charAt(0).toUpperCase() + code.slice(1).replace(/-/g, ' '));
  });

  it('maps a DomainError of kind not-found to 404 when the path names the missing record, 422 when the request refers to it', async () => {
    const id = randomUUID();
    expectProblem(await http().post(`/api/v1/test/missing/${id}`), 404, 'record-not-found');
    expectProblem(await http().post(`/api/v1/test/missing/${randomUUID()}`).query({ ref: id }), 422, 'record-not-found');
  });

  it('carries DomainError details as an extension member', async () => {
    const res = await http().post('/api/v1/test/failures/not-found');
    expect(res.body.details).toEqual({ actionId: 'a1' });
  });

  it('maps a ConcurrencyError without If-Match to 409 concurrency-conflict with the current version', async () => {
    const res = await http().post('/api/v1/test/failures/concurrency');
    expectProblem(res, 409, 'concurrency-conflict');
    expect(res.body.currentVersion).toBe(4);
    expect(res.body.detail).toContain('4');
  });

  it('answers 503 store-unavailable with Retry-After when the store cannot be reached', async () => {
    const res = await http().post('/api/v1/test/failures/store-down');
    expectProblem(res, 503, 'store-unavailable');
    expect(res.headers['retry-after']).toBe('5');
    expect(JSON.stringify(res.body)).not.toContain('127.0.0.1');
  });

  it('answers 500 internal with a generic detail, and logs the error with the correlation id', async () => {
    const res = await http().post('/api/v1/test/failures/unexpected').set('X-Correlation-Id', 'corr-500');
    expectProblem(res, 500, 'internal');
    expect(JSON.stringify(res.body)).not.toMatch(/SELECT|secret|at .*\.ts/);
    const logged = testApp.logs.find((line) => line.level === 'error' && line.correlationId === 'corr-500');
    expect(logged?.message).toContain('boom');
  });

  it('no longer reads X-Actor: a request carrying only that header is 401 unauthorized, whatever it holds', async () => {
    const anonymous = () => request(testApp.app.getHttpServer()).get('/api/v1/test/context');
    expectProblem(await anonymous().set('X-Actor', '{not json'), 401, 'unauthorized');
    expectProblem(await anonymous().set('X-Actor', '{"id":"p1","roles":["admin"]}'), 401, 'unauthorized');
  });
});
