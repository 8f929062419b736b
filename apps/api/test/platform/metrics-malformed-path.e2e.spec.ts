import { startFeatureApp, type FeatureApp } from '../features/support/feature-app.js';
import { parseSamples } from './support/prometheus-text.js';

// A lone surrogate escaped in the path (%ED%A0%80) does not decode: the router refuses it as a bad request before
// any token is read, and the metrics must label it without ending the process (found by the hostile-input suite).
describe('GET /metrics after a refused request whose path does not decode', () => {
  let f: FeatureApp;

  beforeAll(async () => {
    f = await startFeatureApp();
  });
  afterAll(async () => {
    await f?.close();
  });

  it('answers the refused request 400 as a problem, keeps serving, and labels it "(unmatched)"', async () => {
    const refused = await f.anonymous().get('/api/v1/actions/%ED%A0%80').set('Authorization', 'Bearer not-a-jwt');
    expect(refused.status).toBe(400);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const metrics = await f.http().get('/metrics');
    expect(metrics.status).toBe(200);
    const labelled = parseSamples(metrics.text).filter(
      (s) => s.name === 'http_requests_total' && s.labels.status === '400' && s.labels.method === 'GET',
    );
    expect(labelled.map((s) => s.labels.route)).toEqual(['(unmatched)']);
  });
});
