import { randomUUID } from 'node:crypto';
import { Kafka, logLevel, type KafkaMessage } from 'kafkajs';
import { openEmbeddedEventStore, type SqlEventStore } from '#event-store';
import { kafkajsSasl, loadKafkaConfig, type KafkaConfig } from '../src/kafka-config.js';
import type { KafkaEventEnvelope } from '../src/kafka-envelope.js';
import { KafkaRelay } from '../src/kafka-relay.js';
import { KafkajsEventPublisher } from '../src/kafkajs-event-publisher.js';
import { appendEvents, readLog, streamOf, waitFor } from '../../../test/support/kafka/relay-test-support.js';

interface Received {
  readonly topic: string;
  readonly key: string;
  readonly headers: Record<string, string>;
  readonly envelope: KafkaEventEnvelope;
}

function received(topic: string, message: KafkaMessage): Received {
  const headers = Object.fromEntries(Object.entries(message.headers ?? {}).map(([name, value]) => [name, String(value)]));
  return { topic, key: String(message.key), headers, envelope: JSON.parse(String(message.value)) as KafkaEventEnvelope };
}

/** Reads the topics from the beginning with a consumer group of its own until `count` records arrived. */
async function consume(config: KafkaConfig, topics: readonly string[], count: number): Promise<Received[]> {
  const sasl = kafkajsSasl(config);
  const kafka = new Kafka({
    clientId: 'actiontrail-test',
    brokers: [...config.brokers],
    ssl: config.ssl,
    ...(sasl ? { sasl } : {}),
    logLevel: logLevel.ERROR,
  });
  const consumer = kafka.consumer({ groupId: `actiontrail-test-${randomUUID()}` });
  const records: Received[] = [];
  await consumer.connect();
  try {
    await consumer.subscribe({ topics: [...topics], fromBeginning: true });
    await consumer.run({ eachMessage: async ({ topic, message }) => void records.push(received(topic, message)) });
    await waitFor(() => records.length >= count, `${count} records on ${topics.join(', ')}`, 60_000);
  } finally {
    await consumer.disconnect();
  }
  return records;
}

const brokerConfig = loadKafkaConfig(process.env);

if (!brokerConfig) {
  console.warn('\n*** SKIPPED: the kafkajs publisher against a real broker: set KAFKA_BROKERS to run it ***\n');
}

(brokerConfig ? describe : describe.skip)('kafkajs publisher against the broker at KAFKA_BROKERS', () => {
  const config = { ...brokerConfig!, topicPrefix: `actiontrail-test-${randomUUID().slice(0, 8)}.` };
  let store: SqlEventStore;
  let publisher: KafkajsEventPublisher;
  beforeAll(async () => {
    store = await openEmbeddedEventStore('memory://');
    publisher = new KafkajsEventPublisher(config);
  });
  afterAll(async () => {
    await publisher.close();
    await store.close();
  });

  it('relays the log: one topic per category, keyed by stream, the envelope as value, in order per key', async () => {
    const action = streamOf('action');
    const meeting = streamOf('meeting');
    await appendEvents(store, action, 3, { correlationId: 'corr-kafka' });
    await appendEvents(store, meeting, 2);
    await appendEvents(store, action, 2);
    const relay = new KafkaRelay({ store, checkpoints: store.db, publisher, topicPrefix: config.topicPrefix, batchSize: 4 });

    await relay.catchUp();

    const log = await readLog(store, 0);
    expect((await relay.lag()).lagPositions).toBe(0);
    const records = await consume(config, [`${config.topicPrefix}action`, `${config.topicPrefix}meeting`], log.length);
    expect(records).toHaveLength(log.length);
    for (const stream of [action, meeting]) {
      const expected = log.filter((event) => event.streamId === stream);
      const got = records.filter((record) => record.key === stream);
      expect(got.map((record) => record.envelope.eventId)).toEqual(expected.map((event) => event.eventId));
      expect(got.every((record) => record.topic === `${config.topicPrefix}${stream.split('-')[0]}`)).toBe(true);
    }
    const first = log[0]!;
    const record = records.find((r) => r.envelope.eventId === first.eventId)!;
    expect(record.headers).toEqual({ type: 'ThingNoted', eventId: first.eventId, correlationId: 'corr-kafka' });
    expect(record.envelope).toEqual({
      eventId: first.eventId,
      type: first.type,
      schemaVersion: first.schemaVersion,
      streamId: first.streamId,
      streamVersion: first.streamVersion,
      globalPosition: first.globalPosition,
      recordedAt: first.recordedAt.toISOString(),
      data: first.data,
      metadata: first.metadata,
    });
  });
});

describe('kafkajs publisher with no broker listening', () => {
  it('rejects the connect and the publish (rather than hanging), so the relay can back off and retry', async () => {
    const nowhere = loadKafkaConfig({ KAFKA_BROKERS: '127.0.0.1:1' })!;
    const publisher = new KafkajsEventPublisher(nowhere, {
      retry: { initialRetryTime: 50, maxRetryTime: 100, retries: 1 },
      connectionTimeoutMs: 500,
      logLevel: logLevel.NOTHING,
    });
    try {
      const started = Date.now();
      await expect(publisher.connect()).rejects.toThrow(/ECONNREFUSED|Connection error/);
      await expect(publisher.publish([{ topic: 'actiontrail.action', key: 'action-1', value: '{}', headers: {} }])).rejects.toThrow();
      expect(Date.now() - started).toBeLessThan(10_000);
    } finally {
      await publisher.close();
    }
  });
});
