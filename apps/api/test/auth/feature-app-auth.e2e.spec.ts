import { startFeatureApp, type FeatureApp } from '../features/support/feature-app.js';

describe('startFeatureApp acting through bearer tokens (f.as)', () => {
  let f: FeatureApp;

  beforeAll(async () => {
    f = await startFeatureApp();
  });

  afterAll(async () => {
    await f?.close();
  });

  it('signs with the configured test secret, so a real feature records the token holder as the actor', async () => {
    const res = await f
      .http()
      .post('/api/v1/committees')
      .set(f.as(['scrutiny'], 'person-sam', 'Sam Clerk'))
      .send({ name: 'Scrutiny Task & Finish Group', kind: 'task-and-finish' });
    expect(res.status).toBe(201);
    const [created] = await f.store.readStream(`committee-${res.body.id}`);
    expect(created?.metadata.actor).toEqual({ id: 'person-sam', name: 'Sam Clerk', roles: ['scrutiny'] });
  });

  it('names a default person per role set', async () => {
    const res = await f
      .http()
      .post('/api/v1/committees')
      .set(f.as(['admin']))
      .send({ name: 'Audit Committee', kind: 'other' });
    const [created] = await f.store.readStream(`committee-${res.body.id}`);
    expect(created?.metadata.actor).toEqual({ id: 'person-admin', name: 'person-admin', roles: ['admin'] });
  });
});
