import { randomUUID } from 'node:crypto';
import { ROLES, type Role } from '../../src/platform/auth/roles.js';
import { bearer, signTestToken, TEST_JWT_SECRET } from '../support/auth.js';
import { expectForbidden, expectUnauthorized, startAuthTestApp, type AuthTestApp } from './support/auth-test-app.js';

/** Who may call what: one representative route per rule (see support/auth-test.module.ts). */
const MATRIX: readonly { route: string; method: 'get' | 'post'; allowed: readonly Role[] }[] = [
  { method: 'post', route: '/api/v1/auth-test/posts', allowed: ['scrutiny', 'admin'] },
  { method: 'get', route: '/api/v1/auth-test/audit', allowed: ['monitoring', 'admin'] },
  { method: 'get', route: '/api/v1/auth-test/meetings', allowed: ['officer', 'scrutiny', 'monitoring', 'member', 'admin'] },
  { method: 'get', route: '/api/v1/auth-test/undeclared', allowed: [] },
  { method: 'get', route: '/api/v1/auth-test-admin/settings', allowed: ['admin'] },
];

describe('authorization guard (AUTH_ENFORCE_ROLES=true)', () => {
  let t: AuthTestApp;

  beforeAll(async () => {
    t = await startAuthTestApp({ AUTH_JWT_SECRET: TEST_JWT_SECRET, AUTH_FAILURES_PER_MINUTE: '1000' });
  });

  afterAll(async () => {
    await t?.close();
  });

  describe.each(MATRIX)('$method $route', ({ method, route, allowed }) => {
    it.each(ROLES.map((role) => [role, allowed.includes(role)] as const))('%s: allowed=%s', async (role, isAllowed) => {
      const send = t.http()[method];
      const res = await send(route).set(bearer(`person-${role}`, [role]));
      if (isAllowed) expect(res.status).toBe(200);
      else expectForbidden(res);
    });

    it('asks for a token when none is sent', async () => {
      expectUnauthorized(await t.http()[method](route), 'missing-token');
    });
  });

  it('refuses a token with no known role everywhere but public routes', async () => {
    const nobody = bearer('person-x', [], 'Nobody');
    expectForbidden(await t.http().get('/api/v1/auth-test/meetings').set(nobody));
    expect((await t.http().get('/api/v1/auth-test/public').set(nobody)).body.actor).toEqual({ id: 'person-x', name: 'Nobody', roles: [] });
  });

  it('lets anyone through @Public, even inside a controller restricted to admin', async () => {
    expect((await t.http().get('/api/v1/auth-test/public')).status).toBe(200);
    expect((await t.http().get('/api/v1/auth-test-admin/status')).status).toBe(200);
  });

  it('accepts an HS256 token up to 30 s after its exp and before its nbf (the leeway the README gives), and no more', async () => {
    const now = Math.floor(Date.now() / 1000);
    const token = (claims: { exp: number; nbf?: number }) => ({
      Authorization: `Bearer ${signTestToken({ sub: 'person-clerk', roles: ['scrutiny'], iat: now - 600, ...claims })}`,
    });
    const meetings = (headers: { Authorization: string }) => t.http().get('/api/v1/auth-test/meetings').set(headers);
    expect((await meetings(token({ exp: now - 20 }))).status).toBe(200);
    expect((await meetings(token({ exp: now + 600, nbf: now + 20 }))).status).toBe(200);
    expectUnauthorized(await meetings(token({ exp: now - 45 })), 'token-expired');
    expectUnauthorized(await meetings(token({ exp: now + 600, nbf: now + 120 })), 'token-not-yet-valid');
  });

  it('records sub, name and roles from the token, with the correlation and request ids, on every event', async () => {
    const res = await t
      .http()
      .post('/api/v1/auth-test/notes')
      .set(bearer('person-tony', ['officer', 'scrutiny'], 'Tony Fitzgerald'))
      .set('X-Correlation-Id', 'corr-auth-1');
    expect(res.status).toBe(201);
    expect(res.body.metadata).toEqual({
      actor: { id: 'person-tony', name: 'Tony Fitzgerald', roles: ['officer', 'scrutiny'] },
      correlationId: 'corr-auth-1',
      requestId: res.headers['x-request-id'],
    });
    expect(res.headers['x-correlation-id']).toBe('corr-auth-1');
  });

  describe('@OwnerOfAction: progress by the officer holding the owner post now', () => {
    const heldPost = randomUUID();
    const futurePost = randomUUID();
    const action = randomUUID();
    const futureAction = randomUUID();
    const progress = (actionId: string, headers: Record<string, string>) =>
      t.http().post(`/api/v1/auth-test/actions/${actionId}/progress`).set(headers);

    beforeAll(async () => {
      await createPost(t, heldPost, { personId: 'holder', from: '2020-01-01' });
      await createPost(t, futurePost, { personId: 'future-holder', from: '2999-01-01' });
      await assignAction(t, action, heldPost);
      await assignAction(t, futureAction, futurePost);
    });

    it('allows the holder, and refuses an officer who does not hold the post', async () => {
      expect((await progress(action, bearer('holder', ['officer']))).status).toBe(200);
      const res = await progress(action, bearer('another-officer', ['officer']));
      expectForbidden(res);
      expect(res.body.detail).toBe(`You do not hold the post that owns action ${action}`);
    });

    it('lets scrutiny and admin report on any action, and nobody else', async () => {
      expect((await progress(action, bearer('s1', ['scrutiny']))).status).toBe(200);
      expect((await progress(action, bearer('a1', ['admin']))).status).toBe(200);
      expectForbidden(await progress(action, bearer('m1', ['monitoring'])));
      expectForbidden(await progress(action, bearer('holder', ['member'])));
    });

    it('does not count an appointment that starts in the future', async () => {
      expectForbidden(await progress(futureAction, bearer('future-holder', ['officer'])));
    });

    it('follows the streams at once: a reassigned action leaves its old holder, a vacated post its holder', async () => {
      const moving = randomUUID();
      await assignAction(t, moving, heldPost);
      expect((await progress(moving, bearer('holder', ['officer']))).status).toBe(200);
      await append(t, `action-${moving}`, 'ActionReassigned', {
        actionId: moving,
        fromPostId: heldPost,
        toPostId: futurePost,
        reason: 'r',
        reassignedAt: now(),
      });
      expectForbidden(await progress(moving, bearer('holder', ['officer'])));

      const vacated = randomUUID();
      const post = randomUUID();
      await createPost(t, post, { personId: 'leaver', from: '2020-01-01' });
      await assignAction(t, vacated, post);
      expect((await progress(vacated, bearer('leaver', ['officer']))).status).toBe(200);
      await append(t, `post-${post}`, 'PostHolderVacated', { postId: post, personId: 'leaver', at: now() });
      expectForbidden(await progress(vacated, bearer('leaver', ['officer'])));
    });

    it('answers 404 for an action that does not exist', async () => {
      const res = await progress(randomUUID(), bearer('holder', ['officer']));
      expect({ status: res.status, type: res.body.type }).toEqual({
        status: 404,
        type: 'https://actiontrail.dev/problems/action-not-found',
      });
    });
  });
});

const now = () => new Date().toISOString();

async function append(t: AuthTestApp, streamId: string, type: string, data: Record<string, unknown>): Promise<void> {
  await t.store.appendToStream(streamId, [{ eventId: randomUUID(), type, data, metadata: {} }], { expectedVersion: 'any' });
}

async function createPost(t: AuthTestApp, postId: string, holder: { personId: string; from: string }): Promise<void> {
  await append(t, `post-${postId}`, 'PostCreated', { postId, title: `Post ${postId}`, createdAt: now() });
  await append(t, `post-${postId}`, 'PostHolderAppointed', { postId, ...holder, appointedAt: now() });
}

async function assignAction(t: AuthTestApp, actionId: string, ownerPostId: string): Promise<void> {
  await append(t, `action-${actionId}`, 'ActionAssigned', {
    actionId,
    resolutionId: randomUUID(),
    meetingId: randomUUID(),
    committeeId: randomUUID(),
    meetingStartsAt: '2017-01-16T18:00:00Z',
    title: 'Collate final metrics',
    ownerPostId,
    dueDate: '2030-02-20',
    assignedAt: now(),
  });
}
