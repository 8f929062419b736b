import request from 'supertest';
import type { SqlEventStore } from '#event-store';
import { openE2eStore } from '../support/e2e-store.js';
import { HealthRegistry } from '../../src/platform/index.js';
import { bearer, signTestToken, STAFF } from '../support/auth.js';
import { staffHttp, startTestApp, type TestApp } from './support/test-app.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('request context and operational endpoints', () => {
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

  describe('correlation and request ids', () => {
    it('echoes a sane X-Correlation-Id and generates a request id', async () => {
      const res = await http().get('/api/v1/test/context').set('X-Correlation-Id', 'abc-123.x:y_z');
      expect(res.headers['x-correlation-id']).toBe('abc-123.x:y_z');
      expect(res.headers['x-request-id']).toMatch(UUID);
      expect(res.body).toMatchObject({ correlationId: 'abc-123.x:y_z', requestId: res.headers['x-request-id'] });
    });

    it.each([undefined, 'has spaces', 'x'.repeat(129), '<script>'])('generates a correlation id when given %j', async (offered) => {
      const req = http().get('/api/v1/test/context');
      const res = await (offered === undefined ? req : req.set('X-Correlation-Id', offered));
      expect(res.headers['x-correlation-id']).toMatch(UUID);
    });

    it('puts ids on problem answers too, even ones raised before routing', async () => {
      const res = await http()
        .post('/api/v1/test/resolutions')
        .set('Content-Type', 'text/plain')
        .set('X-Correlation-Id', 'c-415')
        .send('x');
      expect(res.status).toBe(415);
      expect(res.headers['x-correlation-id']).toBe('c-415');
    });

    it('writes one JSON request log line with ids, status and duration, and no headers', async () => {
      const token = signTestToken({ sub: 'person-log', roles: ['officer'] });
      await http().get('/api/v1/test/context').set('X-Correlation-Id', 'c-log').set('Authorization', `Bearer ${token}`);
      const line = testApp.logs.find((l) => l.context === 'HTTP' && l.correlationId === 'c-log');
      expect(line).toMatchObject({ level: 'info', method: 'GET', path: '/api/v1/test/context', status: 200 });
      expect(typeof line?.ms).toBe('number');
      expect(typeof line?.time).toBe('string');
      expect(JSON.stringify(testApp.logs)).not.toContain(token);
      expect(JSON.stringify(testApp.logs)).not.toContain(token.split('.')[2]);
    });
  });

  describe('actor (from the bearer token only)', () => {
    it('is the person the token names', async () => {
      const res = await http().get('/api/v1/test/context');
      expect(res.body.actor).toEqual({ id: STAFF.id, name: STAFF.name, roles: ['scrutiny', 'admin'] });
    });

    it('ignores an X-Actor header: without a token it is 401, with one the token wins', async () => {
      const actor = { id: 'p1', name: 'Pat Officer', roles: ['officer'] };
      const anonymous = await request(testApp.app.getHttpServer()).get('/api/v1/test/context').set('X-Actor', JSON.stringify(actor));
      expect(anonymous.status).toBe(401);
      const res = await http()
        .get('/api/v1/test/context')
        .set(bearer('p9', ['member'], 'Mo Member'))
        .set('X-Actor', JSON.stringify(actor));
      expect(res.body.actor).toEqual({ id: 'p9', name: 'Mo Member', roles: ['member'] });
    });

    it('stores actor, correlation and request ids as event metadata', async () => {
      const res = await http().post('/api/v1/test/streams/meta/notes').set('X-Correlation-Id', 'c-meta').send({ note: 'n' });
      expect(res.status).toBe(201);
      const [event] = await store.readStream('test-meta');
      expect(event?.metadata).toMatchObject({ actor: { id: STAFF.id }, correlationId: 'c-meta', requestId: res.headers['x-request-id'] });
    });
  });

  describe('GET /health', () => {
    it('reports the store with its head position and the projections with theirs', async () => {
      const res = await http().get('/health');
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        status: 'ok',
        checks: {
          store: { status: 'up', headPosition: expect.any(Number) },
          projections: {
            status: 'up',
            position: expect.any(Number),
            head: expect.any(Number),
            behind: expect.any(Boolean),
            mode: 'in-process',
          },
        },
      });
    });

    it('includes registered checks, degrading when one is down', async () => {
      const registry = testApp.app.get(HealthRegistry);
      registry.register('kafkaRelay', async () => ({ status: 'down', lag: 42 }));
      try {
        const res = await http().get('/health');
        expect(res.status).toBe(200);
        expect(res.body.status).toBe('degraded');
        expect(res.body.checks.kafkaRelay).toEqual({ status: 'down', lag: 42 });
      } finally {
        registry.unregister('kafkaRelay');
      }
    });

    it('answers 503 when the store does not answer within 2 s', async () => {
      const original = store.headPosition.bind(store);
      store.headPosition = () => new Promise<number>(() => undefined);
      try {
        const started = Date.now();
        const res = await http().get('/health');
        expect(res.status).toBe(503);
        expect(res.body.checks.store.status).toBe('down');
        expect(Date.now() - started).toBeLessThan(4_000);
      } finally {
        store.headPosition = original;
      }
    });

    it('given the store fails with a driver error, when asked without a token, then the status only: no check, no error text', async () => {
      const original = store.headPosition.bind(store);
      store.headPosition = () => Promise.reject(new Error('connect ECONNREFUSED 10.1.2.3:5432 (user actiontrail)'));
      try {
        const anonymous = await request(testApp.app.getHttpServer()).get('/health');
        expect({ status: anonymous.status, body: anonymous.body }).toEqual({ status: 503, body: { status: 'degraded' } });
        expect(anonymous.text).not.toContain('ECONNREFUSED');
        const member = await request(testApp.app.getHttpServer())
          .get('/health')
          .set(bearer('p-member', ['member', 'officer']));
        expect(member.body).toEqual({ status: 'degraded' });
        const monitoring = await request(testApp.app.getHttpServer())
          .get('/health')
          .set(bearer('p-monitor', ['monitoring']));
        expect(monitoring.body.checks.store).toEqual({ status: 'down', error: 'connect ECONNREFUSED 10.1.2.3:5432 (user actiontrail)' });
      } finally {
        store.headPosition = original;
      }
    });

    it('needs no prefix and /health/live always answers', async () => {
      await http().get('/health/live').expect(200, { status: 'ok' });
      await http().get('/api/v1/health').expect(404);
    });
  });

  it('GET /metrics serves Prometheus text with route patterns as labels', async () => {
    await http().get('/api/v1/test/context');
    await http().post('/api/v1/test/streams/metrics-1/notes').send({ note: 'n' });
    const res = await http().get('/metrics');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    expect(res.text).toContain('http_requests_total');
    expect(res.text).toContain('http_request_duration_seconds_bucket');
    expect(res.text).toContain('process_cpu_user_seconds_total');
    expect(res.text).toMatch(/http_requests_total\{method="POST",route="\/api\/v1\/test\/streams\/:id\/notes",status="201"\} \d+/);
    expect(res.text).not.toContain('metrics-1');
  });

  it('GET /docs-json is the OpenAPI document with the DTOs and bearer auth', async () => {
    const res = await http().get('/docs-json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toMatch(/^3\./);
    expect(Object.keys(res.body.paths)).toEqual(expect.arrayContaining(['/api/v1/test/resolutions', '/health', '/metrics']));
    expect(res.body.components.schemas.RecordResolutionDto.properties.parts).toBeDefined();
    expect(res.body.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
  });

  it('GET /docs serves the UI', async () => {
    const res = await http().get('/docs').redirects(1);
    expect(res.status).toBe(200);
    expect(res.text).toMatch(/swagger/i);
  });
});
