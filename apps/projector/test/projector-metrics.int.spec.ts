import type { KafkaRelay } from '#kafka-relay';
import type { MetricsServer } from '#runtime';
import { startProjectorMetrics } from '../src/projector-metrics.js';

const relay = {
  status: () => ({ running: true, consecutiveFailures: 2 }),
  lag: async () => ({ headPosition: 90, checkpoint: 40, lagPositions: 50, eventsBehind: 7, eventsBehindIsLowerBound: false }),
} as unknown as KafkaRelay;

describe('the projector GET /metrics (METRICS_PORT)', () => {
  let server: MetricsServer | undefined;

  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('serves the Kafka relay gauges and the process metrics in Prometheus text', async () => {
    server = await startProjectorMetrics(0, relay);
    const res = await fetch(`http://127.0.0.1:${server.port}/metrics`);
    const text = await res.text();
    expect({ status: res.status, type: res.headers.get('content-type') }).toEqual({
      status: 200,
      type: expect.stringMatching(/^text\/plain/),
    });
    expect(text).toMatch(/^actiontrail_kafka_relay_lag_events 7$/m);
    expect(text).toMatch(/^actiontrail_kafka_relay_lag_positions 50$/m);
    expect(text).toMatch(/^actiontrail_kafka_relay_consecutive_failures 2$/m);
    expect(text).toContain('process_resident_memory_bytes');
  });

  it('given no relay in this process, then no relay gauge', async () => {
    server = await startProjectorMetrics(0, undefined);
    const text = await (await fetch(`http://127.0.0.1:${server.port}/metrics`)).text();
    expect(text).not.toContain('actiontrail_kafka_relay');
    expect(text).toContain('process_resident_memory_bytes');
  });

  it('answers 404 for any other path or method, and stops while a scraper holds its connection open', async () => {
    server = await startProjectorMetrics(0, undefined);
    const base = `http://127.0.0.1:${server.port}`;
    expect([(await fetch(`${base}/`)).status, (await fetch(`${base}/metrics`, { method: 'POST' })).status]).toEqual([404, 404]);
    await fetch(`${base}/metrics`, { headers: { Connection: 'keep-alive' } });
    const started = Date.now();
    await server.close();
    server = undefined;
    expect(Date.now() - started).toBeLessThan(1_000);
  });
});
