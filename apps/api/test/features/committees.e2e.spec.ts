import { randomUUID } from 'node:crypto';
import { STAFF } from '../support/auth.js';
import { expectProblem, startFeatureApp, type FeatureApp } from './support/feature-app.js';

describe('committees over HTTP', () => {
  let f: FeatureApp;
  beforeAll(async () => {
    f = await startFeatureApp();
  });
  afterAll(() => f.close());

  it('creates a committee and answers id, version and position', async () => {
    const res = await f.http().post('/api/v1/committees').send({ name: 'Scrutiny Task & Finish Group', kind: 'task-and-finish' });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ id: expect.any(String), version: 1, position: expect.any(Number) });
    const got = await f.http().get(`/api/v1/committees/${res.body.id}`);
    expect(got.status).toBe(200);
    expect(got.headers.etag).toBe('"1"');
    expect(got.body).toMatchObject({ committeeId: res.body.id, name: 'Scrutiny Task & Finish Group', kind: 'task-and-finish', version: 1 });
    const [event] = await f.store.readStream(`committee-${res.body.id}`);
    expect(event?.metadata).toMatchObject({
      actor: { id: STAFF.id, name: STAFF.name, roles: ['scrutiny', 'admin'] },
      correlationId: expect.any(String),
    });
  });

  it('keeps a client-chosen id and refuses to create it twice', async () => {
    const id = randomUUID();
    expect((await f.http().post('/api/v1/committees').send({ id, name: 'Overview', kind: 'scrutiny' })).body.id).toBe(id);
    expectProblem(
      await f.http().post('/api/v1/committees').send({ id, name: 'Overview', kind: 'scrutiny' }),
      409,
      'committee-already-exists',
    );
  });

  it.each([
    ['a missing name', { kind: 'scrutiny' }],
    ['an unknown kind', { name: 'X', kind: 'cabal' }],
    ['a wrong type', { name: 42, kind: 'scrutiny' }],
    ['an unknown field', { name: 'X', kind: 'scrutiny', chair: 'me' }],
    ['a bad id', { id: 'nope', name: 'X', kind: 'scrutiny' }],
  ])('answers 400 for %s', async (_label, body) => {
    expectProblem(await f.http().post('/api/v1/committees').send(body), 400, 'validation-failed');
  });

  it('answers 404 for an unknown committee and 400 for a malformed id', async () => {
    expectProblem(await f.http().get(`/api/v1/committees/${randomUUID()}`), 404, 'committee-not-found');
    expect((await f.http().get('/api/v1/committees/not-a-uuid')).status).toBe(400);
  });
});
