import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { openEmbeddedEventStore, type SqlEventStore } from '#event-store';
import { createApp } from '../../apps/api/src/app.factory.js';
import { loadAppConfig } from '#runtime';
import { staffBearer, TEST_JWT_SECRET } from '../../apps/api/test/support/auth.js';
import { loadKafkaConfig } from '#kafka-relay';
import { KafkaRelay } from '#kafka-relay';
import { KafkaRelayModule } from '#kafka-relay';
import { eventIdsOf, RecordingPublisher } from '../support/kafka/recording-publisher.js';
import { appendEvents, readLog, streamOf, waitFor } from '../support/kafka/relay-test-support.js';

describe('KafkaRelayModule in the API', () => {
  let store: SqlEventStore;
  beforeAll(async () => {
    store = await openEmbeddedEventStore('memory://');
  });
  afterAll(async () => {
    await store.close();
  });

  const start = (module: ReturnType<typeof KafkaRelayModule.forRoot>): Promise<INestApplication> =>
    createApp({
      config: loadAppConfig({ NODE_ENV: 'test', AUTH_JWT_SECRET: TEST_JWT_SECRET }),
      store,
      logger: false,
      extraModules: [module],
    });

  it('adds nothing when KAFKA_BROKERS is unset', async () => {
    const app = await start(KafkaRelayModule.forRoot(loadKafkaConfig({})));
    try {
      const health = await request(app.getHttpServer()).get('/health').set(staffBearer()).expect(200);
      expect(health.body.checks.store.status).toBe('up');
      expect(health.body.checks).not.toHaveProperty('kafkaRelay');
      expect(() => app.get(KafkaRelay)).toThrow();
      const metrics = await request(app.getHttpServer()).get('/metrics').expect(200);
      expect(metrics.text).not.toContain('actiontrail_kafka_relay');
    } finally {
      await app.close();
    }
  });

  it('relays in the background, reports on /health and /metrics, and stops with the app', async () => {
    const publisher = new RecordingPublisher();
    const config = loadKafkaConfig({ KAFKA_BROKERS: 'kafka:9092', KAFKA_TOPIC_PREFIX: 'at.' });
    const app = await start(
      KafkaRelayModule.forRoot(config, { publisher, relay: { idleWaitMs: 50, backoff: { initialMs: 10, maxMs: 40 } } }),
    );
    const http = () => request(app.getHttpServer());
    const relay = app.get(KafkaRelay);
    try {
      const stream = streamOf('meeting');
      await appendEvents(store, stream, 3);
      await waitFor(() => publisher.acknowledged.length === 3, 'three events on the broker');
      expect(eventIdsOf(publisher.acknowledged)).toEqual((await readLog(store, 0)).map((event) => event.eventId));
      expect(publisher.acknowledged.map((message) => message.topic)).toEqual(['at.meeting', 'at.meeting', 'at.meeting']);

      const healthy = await http().get('/health').set(staffBearer()).expect(200);
      expect(healthy.body).toMatchObject({ status: 'ok', checks: { kafkaRelay: { status: 'up', lagPositions: 0, eventsBehind: 0 } } });
      const metrics = await http().get('/metrics').expect(200);
      expect(metrics.text).toMatch(/^actiontrail_kafka_relay_lag_positions 0$/m);

      publisher.down = true;
      await appendEvents(store, stream, 1);
      await waitFor(() => relay.status().consecutiveFailures >= 2, 'failed attempts while the broker is down');
      const degraded = await http().get('/health').set(staffBearer()).expect(200);
      expect(degraded.body).toMatchObject({
        status: 'degraded',
        checks: { store: { status: 'up' }, kafkaRelay: { status: 'down', eventsBehind: 1 } },
      });
      // The API's write path does not wait for Kafka.
      await http()
        .post('/api/v1/committees')
        .set(staffBearer())
        .send({ name: 'Scrutiny Task & Finish Group', kind: 'task-and-finish' })
        .expect(201);
      publisher.down = false;
      await waitFor(() => publisher.acknowledged.length === 5, 'the events written while the broker was down');
      expect(publisher.acknowledged.map((message) => message.topic).slice(3)).toEqual(['at.meeting', 'at.committee']);
    } finally {
      await app.close();
    }
    expect(relay.status().running).toBe(false);
  });
});
