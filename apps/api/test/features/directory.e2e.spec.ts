import { randomUUID } from 'node:crypto';
import type { Response } from 'supertest';
import { expectProblem, startFeatureApp, type FeatureApp } from './support/feature-app.js';

describe('directory over HTTP: people and posts', () => {
  let f: FeatureApp;
  beforeAll(async () => {
    f = await startFeatureApp();
  });
  afterAll(() => f.close());

  /** The highest position a command here has answered: reads of posts wait for the read models to reach it. */
  let position = 0;
  const tracked = async (req: PromiseLike<Response>): Promise<Response> => {
    const res = await req;
    if (typeof res.body.position === 'number') position = Math.max(position, res.body.position);
    return res;
  };
  const getPost = (postId: string) =>
    f
      .http()
      .get(`/api/v1/posts/${postId}`)
      .query({ minPosition: String(position) });

  const registerPerson = async (name: string): Promise<string> => {
    const res = await tracked(f.http().post('/api/v1/people').send({ name }));
    expect(res.status).toBe(201);
    return res.body.id as string;
  };
  const createPost = async (title = 'Project Manager, Transformation & Technology'): Promise<string> => {
    const res = await tracked(f.http().post('/api/v1/posts').send({ title }));
    expect(res.status).toBe(201);
    return res.body.id as string;
  };
  const appoint = (postId: string, body: object, ifMatch?: string) => {
    const req = f.http().post(`/api/v1/posts/${postId}/holder`);
    return tracked((ifMatch === undefined ? req : req.set('If-Match', ifMatch)).send(body));
  };

  describe('people', () => {
    it('registers a person and shows them with an ETag', async () => {
      const res = await f.http().post('/api/v1/people').send({ name: 'Tony Fitzgerald', email: 'tony.fitzgerald@luton.gov.uk' });
      expect(res.status).toBe(201);
      expect(res.body).toEqual({ id: expect.any(String), version: 1, position: expect.any(Number) });
      const got = await f.http().get(`/api/v1/people/${res.body.id}`);
      expect(got.status).toBe(200);
      expect(got.headers.etag).toBe('"1"');
      expect(got.body).toMatchObject({ personId: res.body.id, name: 'Tony Fitzgerald', email: 'tony.fitzgerald@luton.gov.uk', version: 1 });
    });

    it('keeps a client-chosen id and refuses to register it twice', async () => {
      const id = randomUUID();
      expect((await f.http().post('/api/v1/people').send({ id, name: 'Kate Savenko' })).body).toMatchObject({ id, version: 1 });
      expectProblem(await f.http().post('/api/v1/people').send({ id, name: 'Kate Savenko' }), 409, 'person-already-registered');
    });

    it.each([
      ['a missing name', { email: 'a@b.uk' }],
      ['a wrong type', { name: 42 }],
      ['an unknown field', { name: 'X', role: 'admin' }],
      ['a malformed email', { name: 'X', email: 'not-an-email' }],
      ['a bad id', { id: 'nope', name: 'X' }],
      ['a name over 200 characters', { name: 'x'.repeat(201) }],
      ['a NUL character', { name: 'Sally\u0000Rowe' }],
    ])('answers 400 for %s', async (_label, body) => {
      expectProblem(await f.http().post('/api/v1/people').send(body), 400, 'validation-failed');
    });

    it('answers 422 for a blank name', async () => {
      expectProblem(await f.http().post('/api/v1/people').send({ name: '   ' }), 422, 'name-required');
    });

    it('answers 404 for an unknown person and 400 for a malformed id', async () => {
      expectProblem(await f.http().get(`/api/v1/people/${randomUUID()}`), 404, 'person-not-found');
      expectProblem(await f.http().get('/api/v1/people/not-a-uuid'), 400, 'validation-failed');
    });
  });

  describe('posts', () => {
    it('creates a vacant post and shows it with an ETag', async () => {
      const res = await tracked(
        f.http().post('/api/v1/posts').send({ title: 'Service Director, Adult Social Care', department: 'Adult Social Care' }),
      );
      expect(res.status).toBe(201);
      expect(res.body).toEqual({ id: expect.any(String), version: 1, position: expect.any(Number) });
      const got = await getPost(res.body.id);
      expect(got.status).toBe(200);
      expect(got.headers.etag).toBe('"1"');
      expect(got.body).toMatchObject({
        postId: res.body.id,
        title: 'Service Director, Adult Social Care',
        department: 'Adult Social Care',
        holder: null,
        version: 1,
      });
    });

    it('refuses to create the same post twice', async () => {
      const id = randomUUID();
      expect((await f.http().post('/api/v1/posts').send({ id, title: 'Corporate Director, People' })).status).toBe(201);
      expectProblem(await f.http().post('/api/v1/posts').send({ id, title: 'Corporate Director, People' }), 409, 'post-already-exists');
    });

    it.each([
      ['a missing title', { department: 'HR' }],
      ['a wrong type', { title: ['Director'] }],
      ['an unknown field', { title: 'X', holder: 'me' }],
      ['a bad id', { id: '123', title: 'X' }],
      ['a department over 200 characters', { title: 'X', department: 'd'.repeat(201) }],
    ])('answers 400 for %s', async (_label, body) => {
      expectProblem(await f.http().post('/api/v1/posts').send(body), 400, 'validation-failed');
    });

    it('answers 422 for a blank title', async () => {
      expectProblem(await f.http().post('/api/v1/posts').send({ title: ' ' }), 422, 'title-required');
    });

    it('answers 404 for an unknown post and 400 for a malformed id', async () => {
      expectProblem(await getPost(randomUUID()), 404, 'post-not-found');
      expectProblem(await f.http().get('/api/v1/posts/not-a-uuid'), 400, 'validation-failed');
    });
  });

  describe('appointing and vacating the holder', () => {
    it('appoints a holder and shows their id, name and start date', async () => {
      const postId = await createPost();
      const tony = await registerPerson('Tony Fitzgerald');
      const res = await appoint(postId, { personId: tony, from: '2017-01-16' });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ id: postId, version: 2, position: expect.any(Number) });
      const got = await getPost(postId);
      expect(got.headers.etag).toBe('"2"');
      expect(got.body).toMatchObject({ postId, holder: { personId: tony, name: 'Tony Fitzgerald', from: '2017-01-16' }, version: 2 });
    });

    it('dates an appointment without `from` today', async () => {
      const postId = await createPost();
      const before = new Date().toISOString().slice(0, 10);
      expect((await appoint(postId, { personId: await registerPerson('Matt Hussey') })).status).toBe(200);
      const after = new Date().toISOString().slice(0, 10);
      const { body } = await getPost(postId);
      expect([before, after]).toContain(body.holder.from);
    });

    it('replaces a current holder, vacating them first, and refuses to appoint the holder again', async () => {
      const postId = await createPost();
      const first = await registerPerson('Angela Claridge');
      const second = await registerPerson('Sally Rowe');
      await appoint(postId, { personId: first });
      expectProblem(await appoint(postId, { personId: first }), 409, 'post-holder-already-appointed');
      const res = await appoint(postId, { personId: second });
      expect(res.body).toEqual({ id: postId, version: 4, position: expect.any(Number) });
      expect((await f.store.readStream(`post-${postId}`)).map((e) => e.type)).toEqual([
        'PostCreated',
        'PostHolderAppointed',
        'PostHolderVacated',
        'PostHolderAppointed',
      ]);
      expect((await getPost(postId)).body.holder).toMatchObject({ personId: second, name: 'Sally Rowe' });
    });

    it('answers 422 for an unknown person in the body and 404 for an unknown post in the path', async () => {
      const postId = await createPost();
      expectProblem(await appoint(postId, { personId: randomUUID() }), 422, 'person-not-found');
      expectProblem(await appoint(randomUUID(), { personId: await registerPerson("Maud O'Leary") }), 404, 'post-not-found');
      expect((await getPost(postId)).body.holder).toBeNull();
    });

    it.each([
      ['a missing personId', {}],
      ['a malformed personId', { personId: 'tony' }],
      ['a wrong type', { personId: 7 }],
      ['an impossible date', { personId: randomUUID(), from: '2017-02-30' }],
      ['a date with a time', { personId: randomUUID(), from: '2017-01-16T00:00:00Z' }],
      ['an unknown field', { personId: randomUUID(), until: '2018-01-01' }],
    ])('answers 400 for %s', async (_label, body) => {
      expectProblem(await appoint(randomUUID(), body), 400, 'validation-failed');
    });

    it('answers 400 for a malformed post id', async () => {
      expectProblem(await appoint('not-a-uuid', { personId: randomUUID() }), 400, 'validation-failed');
      expectProblem(await f.http().delete('/api/v1/posts/not-a-uuid/holder'), 400, 'validation-failed');
    });

    it('appoints only at the version named by If-Match', async () => {
      const postId = await createPost();
      const person = await registerPerson('Farah Ismail');
      expectProblem(await appoint(postId, { personId: person }, '"7"'), 412, 'precondition-failed');
      expect((await getPost(postId)).body.holder).toBeNull();
      expect((await appoint(postId, { personId: person }, '"1"')).body).toMatchObject({ id: postId, version: 2 });
    });

    it('vacates the post, then refuses to vacate an empty one', async () => {
      const postId = await createPost();
      await appoint(postId, { personId: await registerPerson('Kate Savenko') });
      const res = await tracked(f.http().delete(`/api/v1/posts/${postId}/holder`));
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ id: postId, version: 3, position: expect.any(Number) });
      const got = await getPost(postId);
      expect(got.headers.etag).toBe('"3"');
      expect(got.body.holder).toBeNull();
      expectProblem(await f.http().delete(`/api/v1/posts/${postId}/holder`), 409, 'post-already-vacant');
    });

    it('answers 404 when vacating an unknown post and 412 on a stale If-Match', async () => {
      expectProblem(await f.http().delete(`/api/v1/posts/${randomUUID()}/holder`), 404, 'post-not-found');
      const postId = await createPost();
      await appoint(postId, { personId: await registerPerson('Councillor Green') });
      expectProblem(await f.http().delete(`/api/v1/posts/${postId}/holder`).set('If-Match', '"1"'), 412, 'precondition-failed');
      expect((await getPost(postId)).body.holder).not.toBeNull();
      expect((await tracked(f.http().delete(`/api/v1/posts/${postId}/holder`).set('If-Match', '"2"'))).body).toMatchObject({ version: 3 });
    });
  });
});
