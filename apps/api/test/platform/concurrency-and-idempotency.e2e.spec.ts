import type { SqlEventStore } from '#event-store';
import { openE2eStore } from '../support/e2e-store.js';
import { bodyFingerprint } from '../../src/platform/idempotency/idempotency-key.js';
import { bearer, STAFF } from '../support/auth.js';
import { PROBLEM, staffHttp, startTestApp, type TestApp } from './support/test-app.js';

describe('If-Match and Idempotency-Key', () => {
  let store: SqlEventStore;
  let testApp: TestApp;
  const http = () => staffHttp(testApp.app);
  const addNote = (stream: string) => http().post(`/api/v1/test/streams/${stream}/notes`);

  beforeAll(async () => {
    store = await openE2eStore();
    testApp = await startTestApp({ store });
  });

  afterAll(async () => {
    await testApp?.app.close();
    await store?.close();
  });

  describe('If-Match', () => {
    it('appends when the version matches, in every accepted form', async () => {
      expect((await addNote('m1').set('If-Match', '"0"').send({ note: 'a' })).body).toMatchObject({ version: 1 });
      expect((await addNote('m1').set('If-Match', 'W/"1"').send({ note: 'b' })).body).toMatchObject({ version: 2 });
      expect((await addNote('m1').set('If-Match', '2').send({ note: 'c' })).body).toMatchObject({ version: 3 });
    });

    it('answers 412 precondition-failed for a stale If-Match, with the current version', async () => {
      await addNote('m2').send({ note: 'first' }).expect(201);
      await addNote('m2').send({ note: 'second' }).expect(201);
      const res = await addNote('m2').set('If-Match', '"1"').send({ note: 'stale' });
      expect({ status: res.status, type: res.body.type }).toEqual({ status: 412, type: `${PROBLEM}precondition-failed` });
      expect(res.body.currentVersion).toBe(2);
      expect(await store.streamVersion('test-m2')).toBe(2);
    });

    it.each(['"abc"', '"1", "2"', '*', 'W/1', '"-1"', '"99999999999999999"'])(
      'answers 400 invalid-if-match for If-Match %s',
      async (value) => {
        const res = await addNote('m3').set('If-Match', value).send({ note: 'x' });
        expect({ status: res.status, type: res.body.type }).toEqual({ status: 400, type: `${PROBLEM}invalid-if-match` });
      },
    );
  });

  describe('Idempotency-Key', () => {
    it('answers a repeat with the same body with the first answer, and stores one event', async () => {
      const first = await addNote('i1').set('Idempotency-Key', 'key-1').send({ note: 'once' });
      expect(first.status).toBe(201);
      expect(first.headers['idempotent-replay']).toBeUndefined();

      const again = await addNote('i1').set('Idempotency-Key', 'key-1').set('Content-Type', 'application/json').send('{ "note" : "once" }');
      expect(again.status).toBe(201);
      expect(again.headers['idempotent-replay']).toBe('true');
      expect(again.text).toBe(first.text);
      expect(await store.readStream('test-i1')).toHaveLength(1);
    });

    it('answers 422 idempotency-key-reused for the same key with a different body or path', async () => {
      await addNote('i2').set('Idempotency-Key', 'key-2').send({ note: 'original' }).expect(201);
      const otherBody = await addNote('i2').set('Idempotency-Key', 'key-2').send({ note: 'changed' });
      expect({ status: otherBody.status, type: otherBody.body.type }).toEqual({ status: 422, type: `${PROBLEM}idempotency-key-reused` });
      const otherPath = await addNote('i2-other').set('Idempotency-Key', 'key-2').send({ note: 'original' });
      expect(otherPath.status).toBe(422);
      expect(await store.readStream('test-i2')).toHaveLength(1);
      expect(await store.streamVersion('test-i2-other')).toBe(0);
    });

    it('scopes keys by actor: another caller may use the same key', async () => {
      await addNote('i3').set('Idempotency-Key', 'shared').send({ note: 'dev' }).expect(201);
      const other = await addNote('i3')
        .set('Idempotency-Key', 'shared')
        .set(bearer('p2', ['scrutiny'], 'Pat'))
        .send({ note: 'dev' });
      expect(other.status).toBe(201);
      expect(other.headers['idempotent-replay']).toBeUndefined();
      expect(await store.readStream('test-i3')).toHaveLength(2);
    });

    it('releases the claim when the request fails, so a retry runs again', async () => {
      const failed = await addNote('i4').set('Idempotency-Key', 'key-4').send({ note: 7 });
      expect(failed.status).toBe(400);
      const retried = await addNote('i4').set('Idempotency-Key', 'key-4').send({ note: 7 });
      expect(retried.status).toBe(400);
      expect(retried.headers['idempotent-replay']).toBeUndefined();

      await addNote('i5').set('Idempotency-Key', 'key-5').set('If-Match', '"1"').send({ note: 'x' }).expect(412);
      await addNote('i5').send({ note: 'makes the precondition true' }).expect(201);
      const rerun = await addNote('i5').set('Idempotency-Key', 'key-5').set('If-Match', '"1"').send({ note: 'x' });
      expect(rerun.status).toBe(201);
      expect(rerun.body).toMatchObject({ version: 2 });
    });

    it('answers 409 idempotency-in-progress while the first request is still running', async () => {
      const db = store.db;
      await db.query(
        `INSERT INTO idempotency_keys (scope, key, method, path, body_hash, state, claim_id)
         VALUES ($2, 'busy', 'POST', '/api/v1/test/streams/i6/notes', $1, 'in-progress', gen_random_uuid())`,
        [bodyFingerprint({ note: 'x' }), STAFF.id],
      );
      const res = await addNote('i6').set('Idempotency-Key', 'busy').send({ note: 'x' });
      expect({ status: res.status, type: res.body.type }).toEqual({ status: 409, type: `${PROBLEM}idempotency-in-progress` });
    });

    it.each(['', ' ', 'é', 'k'.repeat(256)])('answers 400 invalid-idempotency-key for %j', async (key) => {
      const res = await addNote('i7').set('Idempotency-Key', key).send({ note: 'x' });
      expect({ status: res.status, type: res.body.type }).toEqual({ status: 400, type: `${PROBLEM}invalid-idempotency-key` });
    });

    it('leaves requests without a key alone', async () => {
      await addNote('i8').send({ note: 'x' }).expect(201);
      await addNote('i8').send({ note: 'x' }).expect(201);
      expect(await store.readStream('test-i8')).toHaveLength(2);
    });
  });
});
