import { Registry } from 'prom-client';
import { readCheckpoint } from '#event-store';
import { HealthRegistry } from '#runtime';
import { KafkaRelay } from '../src/kafka-relay.js';
import { KAFKA_RELAY_HEALTH_CHECK, registerKafkaRelayObservability } from '../src/kafka-relay.observability.js';
import type { RelayFixture } from './kafka-relay-delivery.suite.js';
import { eventIdsOf, RecordingPublisher } from '../../../test/support/kafka/recording-publisher.js';
import { appendEvents, freshCheckpoint, readLog, streamOf, waitFor } from '../../../test/support/kafka/relay-test-support.js';

function gaugeValue(metricsText: string, name: string): number {
  const line = metricsText.split('\n').find((row) => row.startsWith(`${name} `));
  if (!line) throw new Error(`${name} is not in the scrape`);
  return Number(line.slice(name.length + 1));
}

export function kafkaRelayOutageSuite(fixture: () => RelayFixture): void {
  it('keeps retrying with backoff while the broker is down, reports it, and catches up when it returns', async () => {
    const { store } = fixture();
    const { name, since } = await freshCheckpoint(store);
    const publisher = new RecordingPublisher();
    publisher.down = true;
    const errors: number[] = [];
    const relay = new KafkaRelay({
      store,
      checkpoints: store.db,
      publisher,
      checkpointName: name,
      idleWaitMs: 50,
      batchSize: 5,
      backoff: { initialMs: 10, maxMs: 40 },
      onError: (_error, status) => errors.push(status.consecutiveFailures),
    });
    const health = new HealthRegistry();
    const unregister = registerKafkaRelayObservability(relay, { health });
    relay.start();
    try {
      const stream = streamOf('action');
      const started = Date.now();
      await appendEvents(store, stream, 7);
      // The write path never waits for Kafka.
      expect(Date.now() - started).toBeLessThan(5_000);
      await waitFor(() => relay.status().consecutiveFailures >= 3, 'three failed attempts');
      expect(errors.slice(0, 3)).toEqual([1, 2, 3]);
      expect(await readCheckpoint(store.db, name)).toBe(since);
      expect(publisher.acknowledged).toEqual([]);
      const { [KAFKA_RELAY_HEALTH_CHECK]: whileDown } = await health.runAll();
      expect(whileDown).toMatchObject({
        status: 'down',
        running: true,
        checkpoint: since,
        eventsBehind: 7,
        lastError: expect.stringContaining('ECONNREFUSED'),
      });
      expect(whileDown?.lagPositions).toBeGreaterThan(0);

      publisher.down = false;
      await waitFor(async () => (await relay.lag()).lagPositions === 0, 'the relay to catch up after the outage');
      await appendEvents(store, stream, 2);
      await waitFor(async () => (await relay.lag()).lagPositions === 0, 'the relay to follow new appends');

      const log = await readLog(store, since);
      expect(log).toHaveLength(9);
      expect(eventIdsOf(publisher.acknowledged)).toEqual(log.map((event) => event.eventId));
      const { [KAFKA_RELAY_HEALTH_CHECK]: afterwards } = await health.runAll();
      expect(afterwards).toMatchObject({ status: 'up', lagPositions: 0, eventsBehind: 0, consecutiveFailures: 0 });
    } finally {
      await relay.stop();
      unregister();
    }
    expect(relay.status().running).toBe(false);
    expect(await health.runAll()).toEqual({});
  });

  it('exposes the lag as head minus checkpoint, and events behind, on /health and as gauges', async () => {
    const { store } = fixture();
    const { name, since } = await freshCheckpoint(store);
    await appendEvents(store, streamOf('committee'), 4);
    const publisher = new RecordingPublisher();
    const relay = new KafkaRelay({ store, checkpoints: store.db, publisher, checkpointName: name });
    const metrics = new Registry();
    const health = new HealthRegistry();
    const unregister = registerKafkaRelayObservability(relay, { health, metrics });
    try {
      const head = await store.headPosition();
      expect(await relay.lag()).toEqual({
        headPosition: head,
        checkpoint: since,
        lagPositions: head - since,
        eventsBehind: 4,
        eventsBehindIsLowerBound: false,
      });
      const before = await metrics.metrics();
      expect(gaugeValue(before, 'actiontrail_kafka_relay_lag_positions')).toBe(head - since);
      expect(gaugeValue(before, 'actiontrail_kafka_relay_lag_events')).toBe(4);
      // Not started: the check reports the lag but is down, since nothing is relaying.
      expect((await health.runAll())[KAFKA_RELAY_HEALTH_CHECK]).toMatchObject({ status: 'down', running: false, eventsBehind: 4 });

      await relay.catchUp();
      await new Promise((resolve) => setTimeout(resolve, 1_100)); // past the scrape's shared lag read
      const after = await metrics.metrics();
      expect(gaugeValue(after, 'actiontrail_kafka_relay_lag_positions')).toBe(0);
      expect(gaugeValue(after, 'actiontrail_kafka_relay_lag_events')).toBe(0);
      expect(gaugeValue(after, 'actiontrail_kafka_relay_consecutive_failures')).toBe(0);
    } finally {
      unregister();
    }
    expect(await metrics.metrics()).not.toContain('actiontrail_kafka_relay');
  });

  it('gives up on a publish that does not answer and leaves the checkpoint where it was', async () => {
    const { store } = fixture();
    const { name, since } = await freshCheckpoint(store);
    const stream = streamOf('action');
    await appendEvents(store, stream, 2);
    const publisher = new RecordingPublisher();
    const relay = new KafkaRelay({ store, checkpoints: store.db, publisher, checkpointName: name, publishTimeoutMs: 300 });
    publisher.hangOnNext();

    await expect(relay.runOnce()).rejects.toThrow('Kafka publish did not finish within 300 ms');
    expect(await readCheckpoint(store.db, name)).toBe(since);
    await appendEvents(store, stream, 1);
    await relay.catchUp();
    const log = await readLog(store, since);
    expect(eventIdsOf(publisher.acknowledged)).toEqual(log.map((event) => event.eventId));
    expect(log).toHaveLength(3);
  });
}
