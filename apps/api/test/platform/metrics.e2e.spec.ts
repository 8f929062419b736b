import { committedEvents } from '../support/e2e-store.js';
import { signTestToken } from '../support/auth.js';
import { startFeatureApp, type FeatureApp } from '../features/support/feature-app.js';
import { assignAction, seedMeetingWorld, type MeetingWorld } from '../features/support/seed-over-http.js';
import { parseSamples, sampleValue, type Sample } from './support/prometheus-text.js';

/** What an operator graphs: each family on /metrics, with its labels and values, after commands of every outcome. */
describe('GET /metrics: the families an operator graphs', () => {
  let f: FeatureApp;
  let w: MeetingWorld;
  let actionId: string;
  let samples: Sample[];
  let text: string;
  let lastPosition: number;

  beforeAll(async () => {
    f = await startFeatureApp();
    w = await seedMeetingWorld(f);
    actionId = await assignAction(f, w);
    const progress = (headers: Record<string, string>) =>
      f.http().post(`/api/v1/actions/${actionId}/progress`).set(headers).send({ note: 'Asked HR for the figures', rag: 'amber' });
    expect((await progress({ 'If-Match': '"1"' })).status).toBe(200);
    expect((await progress({ 'If-Match': '"1"' })).status).toBe(412);
    expect((await f.http().post(`/api/v1/actions/${actionId}/sign-off`).send({ meetingId: w.laterMeetingId })).status).toBe(409);
    const committee = () =>
      f.http().post('/api/v1/committees').set('Idempotency-Key', 'metrics-replay-1').send({ name: 'Audit', kind: 'task-and-finish' });
    const first = await committee();
    expect(first.status).toBe(201);
    const replayed = await committee();
    expect(replayed.headers['idempotent-replay']).toBe('true');
    lastPosition = Number(first.body.position);
    const forged = signTestToken({ sub: 'someone', roles: ['admin'] }, 'a-secret-this-service-has-never-heard-of-at-all');
    expect((await f.anonymous().get(`/api/v1/actions/${actionId}`).set('Authorization', `Bearer ${forged}`)).status).toBe(401);
    expect((await f.anonymous().get(`/api/v1/actions/${actionId}`).set('Authorization', 'Bearer not-a-jwt')).status).toBe(401);
    const plainText = await f.http().post(`/api/v1/actions/${actionId}/progress`).set('Content-Type', 'text/plain').send('on track');
    expect(plainText.status).toBe(415);
    // The projections have applied everything once a view answers at the last position written.
    expect(
      (
        await f
          .http()
          .get('/api/v1/overdue')
          .query({ minPosition: String(lastPosition) })
      ).status,
    ).toBe(200);
    const res = await f.http().get('/metrics');
    expect(res.status).toBe(200);
    text = res.text;
    samples = parseSamples(text);
  });

  afterAll(async () => {
    await f?.close();
  });

  it('counts the events appended by type, one sample per type in the log, matching the log', async () => {
    const byType = new Map<string, number>();
    for (const event of await committedEvents(f.store)) byType.set(event.type, (byType.get(event.type) ?? 0) + 1);
    const counted = samples.filter((s) => s.name === 'actiontrail_events_appended_total');
    expect(Object.fromEntries(counted.map((s) => [s.labels.type, s.value]))).toEqual(Object.fromEntries(byType));
    expect(byType.get('ActionAssigned')).toBe(1);
  });

  it('counts commands by command and outcome: ok, rejected by the rules, and conflict on a stale If-Match', () => {
    const commands = (command: string, outcome: string) => sampleValue(samples, 'actiontrail_commands_total', { command, outcome });
    expect({
      assigned: commands('AssignAction', 'ok'),
      progress: commands('ReportProgress', 'ok'),
      staleProgress: commands('ReportProgress', 'conflict'),
      signOffOpen: commands('SignOffAction', 'rejected'),
      committees: commands('CreateCommittee', 'ok'),
    }).toEqual({ assigned: 1, progress: 1, staleProgress: 1, signOffOpen: 1, committees: 2 });
  });

  it('times commands in a histogram with the same labels', () => {
    const count = (command: string, outcome: string) =>
      sampleValue(samples, 'actiontrail_command_duration_seconds_count', { command, outcome });
    expect([count('ReportProgress', 'ok'), count('ReportProgress', 'conflict'), count('SignOffAction', 'rejected')]).toEqual([1, 1, 1]);
    expect(
      sampleValue(samples, 'actiontrail_command_duration_seconds_bucket', { command: 'AssignAction', outcome: 'ok', le: '+Inf' }),
    ).toBe(1);
    expect(sampleValue(samples, 'actiontrail_command_duration_seconds_sum', { command: 'AssignAction', outcome: 'ok' })).toBeGreaterThan(0);
  });

  it('counts idempotent replays by route pattern, and the replay runs no command', () => {
    expect(sampleValue(samples, 'actiontrail_idempotent_replays_total', { route: '/api/v1/committees' })).toBe(1);
    // The seed's committee and the first run of the keyed request; the replay is not a third.
    expect(sampleValue(samples, 'actiontrail_commands_total', { command: 'CreateCommittee', outcome: 'ok' })).toBe(2);
  });

  it('counts refused tokens by reason', () => {
    expect(sampleValue(samples, 'actiontrail_refused_tokens_total', { reason: 'bad-signature' })).toBe(1);
    expect(sampleValue(samples, 'actiontrail_refused_tokens_total', { reason: 'malformed-token' })).toBe(1);
  });

  it('labels requests refused before routing (a refused token, a body that is not JSON) with their route pattern, not "(unmatched)"', () => {
    expect(sampleValue(samples, 'http_requests_total', { method: 'GET', route: '/api/v1/actions/:actionId', status: '401' })).toBe(2);
    expect(
      sampleValue(samples, 'http_requests_total', { method: 'POST', route: '/api/v1/actions/:actionId/progress', status: '412' }),
    ).toBe(1);
    expect(
      sampleValue(samples, 'http_requests_total', { method: 'POST', route: '/api/v1/actions/:actionId/progress', status: '415' }),
    ).toBe(1);
    expect(samples.filter((s) => s.name === 'http_requests_total' && s.labels.route === '(unmatched)')).toEqual([]);
  });

  it('reports each projection position and lag against the head of the log, caught up after a read at the last position', () => {
    const head = sampleValue(samples, 'actiontrail_event_store_head_position', {});
    expect(head).toBeGreaterThanOrEqual(lastPosition);
    for (const projection of ['records', 'metric-series', 'audit-log']) {
      expect({
        projection,
        position: sampleValue(samples, 'actiontrail_projection_position', { projection }),
        lag: sampleValue(samples, 'actiontrail_projection_lag_positions', { projection }),
      }).toEqual({ projection, position: head, lag: 0 });
    }
  });

  it('carries no ids in any label', () => {
    for (const id of [actionId, w.committeeId, w.meetingId, w.resolutionId, w.postId, w.personId]) expect(text).not.toContain(id);
  });
});
