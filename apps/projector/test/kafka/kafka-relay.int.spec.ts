import { openEmbeddedEventStore, openPostgresEventStore, type SqlEventStore } from '../../../../libs/event-store/src/index.js';
import { describeWithPostgres, dropSchema, POSTGRES_URL, uniqueSchema } from '../../../../test/support/postgres.js';
import { kafkaRelayDeliverySuite, type RelayFixture } from './kafka-relay-delivery.suite.js';
import { kafkaRelayOutageSuite } from './kafka-relay-outage.suite.js';

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
