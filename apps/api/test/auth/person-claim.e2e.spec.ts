import { randomUUID } from 'node:crypto';
import type { SqlEventStore } from '#event-store';
import { openE2eStore } from '../support/e2e-store.js';
import { ProjectionPositions } from '../../src/read-models/projection-positions.js';
import { AUDIENCE, ISSUER, issueToken, signingKey, startJwksServer, type JwksServer, type SigningKey } from './support/jwks-server.js';
import { startAuthTestApp, type AuthTestApp } from './support/auth-test-app.js';

/**
 * Entra ID's `sub` is pairwise (different per application) and never the person id; its `oid` is stable. With
 * AUTH_PERSON_CLAIM=oid a token acts as the person registered with that oid as their identitySubject.
 */
describe('the caller is the person whose identity subject the token names (AUTH_PERSON_CLAIM=oid)', () => {
  let store: SqlEventStore;
  let key: SigningKey;
  let jwks: JwksServer;
  let t: AuthTestApp;
  let actionId: string;
  let tonyId: string;
  const tonyOid = randomUUID();
  const staff = { oid: 'oid-of-the-clerk', sub: 'pairwise-sub-of-the-clerk', name: 'Scrutiny Clerk', roles: ['scrutiny', 'admin'] };

  const as = async (claims: Record<string, unknown>) => ({ Authorization: `Bearer ${await issueToken(key, claims)}` });
  const created = async (path: string, body: object): Promise<{ id: string; position: number }> => {
    const res = await t
      .http()
      .post(`/api/v1${path}`)
      .set(await as(staff))
      .send(body);
    if (res.status !== 201 && res.status !== 200) throw new Error(`${path} answered ${res.status}: ${JSON.stringify(res.body)}`);
    return res.body as { id: string; position: number };
  };

  beforeAll(async () => {
    store = await openE2eStore();
    key = await signingKey('RS256', 'entra-key');
    jwks = await startJwksServer([key]);
    t = await startAuthTestApp(
      { AUTH_JWKS_URL: jwks.url, AUTH_ISSUER: ISSUER, AUTH_AUDIENCE: AUDIENCE, AUTH_PERSON_CLAIM: 'oid', PROJECTIONS: 'in-process' },
      { store },
    );
    const { id: committeeId } = await created('/committees', { name: 'Scrutiny Task & Finish Group', kind: 'task-and-finish' });
    const { id: meetingId } = await created('/meetings', { committeeId, startsAt: '2017-01-16T18:00:00Z' });
    await created(`/meetings/${meetingId}/items`, { number: '03', title: 'Draft Task & Finish Group Report Part 1' });
    const { id: resolutionId } = await created(`/meetings/${meetingId}/resolutions`, {
      itemNumber: '03',
      parts: [{ label: '(ii)', text: 'That the Project Manager collate final metrics', kind: 'instructed' }],
    });
    const { id: postId } = await created('/posts', { title: 'Project Manager, Transformation & Technology' });
    ({ id: tonyId } = await created('/people', { name: 'Tony Fitzgerald', identitySubject: tonyOid }));
    await created(`/posts/${postId}/holder`, { personId: tonyId });
    const assigned = await created('/actions', {
      resolutionId,
      partLabel: '(ii)',
      title: 'Collate final metrics',
      ownerPostId: postId,
      dueDate: '2017-02-15',
    });
    actionId = assigned.id;
    if ((await t.app.get(ProjectionPositions).waitFor(assigned.position, 10_000)) === undefined)
      throw new Error('the read models did not catch up');
  });

  afterAll(async () => {
    await t?.close();
    await jwks?.close();
    await store?.close();
  });

  const reportProgress = async (claims: Record<string, unknown>) =>
    t
      .http()
      .post(`/api/v1/actions/${actionId}/progress`)
      .set(await as(claims))
      .send({ note: 'Vacancy figures in', rag: 'green' });

  it("given a token whose oid is Tony's identity subject and whose sub is something else, when he reports progress on his action, then it is recorded as Tony", async () => {
    const res = await reportProgress({
      oid: tonyOid,
      sub: 'AAAAAAAAAAAAAAAAAAAAAIkzqFVrSaSaFHy782bbtaQ',
      name: 'Tony Fitzgerald',
      roles: ['officer'],
    });
    expect(res.status).toBe(200);
    const events = await store.readStream(`action-${actionId}`);
    expect(events.at(-1)).toMatchObject({
      type: 'ActionProgressReported',
      metadata: { actor: { id: tonyId, name: 'Tony Fitzgerald', roles: ['officer'] } },
    });
  });

  it("given a token whose sub is Tony's identity subject but whose oid is not, then it is not Tony: 403", async () => {
    const res = await reportProgress({ oid: randomUUID(), sub: tonyOid, roles: ['officer'] });
    expect({ status: res.status, type: res.body.type }).toEqual({ status: 403, type: 'https://actiontrail.dev/problems/forbidden' });
  });

  it('given a token carrying the person id itself in oid, then it still acts as that person (tokens minted with the person id keep working)', async () => {
    const res = await reportProgress({ oid: tonyId, sub: 'another-pairwise-sub', roles: ['officer'] });
    expect(res.status).toBe(200);
  });

  it('given a token without the oid claim, then 401 naming the missing claim', async () => {
    const res = await t
      .http()
      .get('/api/v1/auth-test/meetings')
      .set(await as({ sub: 'pairwise-only', roles: ['member'] }));
    expect({ status: res.status, reason: res.body.reason }).toEqual({ status: 401, reason: 'invalid-claims' });
    expect(res.body.detail).toContain('AUTH_PERSON_CLAIM');
  });
});
