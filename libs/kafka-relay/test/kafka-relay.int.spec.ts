import { randomUUID } from 'node:crypto';
import { openEmbeddedEventStore, openPostgresEventStore, type SqlEventStore } from '#event-store';
import { describeWithPostgres, dropSchema, POSTGRES_URL, uniqueSchema } from '../../../test/support/postgres.js';
import { kafkaRelayDeliverySuite, type RelayFixture } from './kafka-relay-delivery.suite.js';
import { kafkaRelayOutageSuite } from './kafka-relay-outage.suite.js';
import { KafkaRelay } from '../src/kafka-relay.js';
import { RecordingPublisher } from '../../../test/support/kafka/recording-publisher.js';
import { appendEvents, freshCheckpoint, streamOf } from '../../../test/support/kafka/relay-test-support.js';

const SLOW_BROKER_MS = 2_000;

describe('Kafka relay on the embedded store (PGlite)', () => {
  let store: SqlEventStore;
  beforeAll(async () => {
    store = await openEmbeddedEventStore('memory://');
  });
  afterAll(async () => {
    await store.close();
  });

  const fixture = (): RelayFixture => ({ store });
  kafkaRelayDeliverySuite(fixture);
  kafkaRelayOutageSuite(fixture);

  it(
    'an append made while a slow broker holds a publish commits before the publish is acknowledged',
    async () => {
      const { name } = await freshCheckpoint(store);
      await appendEvents(store, streamOf('action'), 2);
      const publisher = new RecordingPublisher();
      const relay = new KafkaRelay({ store, checkpoints: store.db, publisher, checkpointName: name });
      const order: string[] = [];
      let publishStarted: () => void = () => undefined;
      const publishing = new Promise<void>((resolve) => (publishStarted = resolve));
      publisher.whilePublishing = async () => {
        publishStarted();
        await new Promise((resolve) => setTimeout(resolve, SLOW_BROKER_MS));
        order.push('publish acknowledged');
      };

      const relayed = relay.runOnce();
      await publishing;
      await store.appendToStream(streamOf('meeting'), [{ eventId: randomUUID(), type: 'ThingNoted', data: {}, metadata: {} }]);
      order.push('append committed');

      expect(await relayed).toBe(2);
      expect(order).toEqual(['append committed', 'publish acknowledged']);
    },
    3 * SLOW_BROKER_MS + 5_000,
  );
});

await describeWithPostgres('Kafka relay on PostgreSQL', () => {
  const schema = uniqueSchema('kafka');
  let store: SqlEventStore;
  const openAnother = () => openPostgresEventStore({ connectionString: POSTGRES_URL, schema });
  beforeAll(async () => {
    store = await openAnother();
  });
  afterAll(async () => {
    await store.close();
    await dropSchema(schema);
  });

  const fixture = (): RelayFixture => ({ store, openAnother });
  kafkaRelayDeliverySuite(fixture);
  kafkaRelayOutageSuite(fixture);
});
