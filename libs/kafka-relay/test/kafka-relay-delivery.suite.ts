import { readCheckpoint, type SqlEventStore } from '#event-store';
import { KafkaRelay, KAFKA_RELAY_CHECKPOINT } from '../src/kafka-relay.js';
import { RelayCheckpointMovedError } from '../src/relay-checkpoint.js';
import { appliedByDedupingConsumer, eventIdsOf, RecordingPublisher } from '../../../test/support/kafka/recording-publisher.js';
import { appendEvents, freshCheckpoint, readLog, streamOf } from '../../../test/support/kafka/relay-test-support.js';

export interface RelayFixture {
  readonly store: SqlEventStore;
  /** The same log through a connection of its own, as another process would open it (PostgreSQL only). */
  readonly openAnother?: () => Promise<SqlEventStore>;
}

/** Runs every attempt, failed ones included, until one publishes nothing; bounded so that a bug cannot spin. */
async function drive(relay: KafkaRelay, maxAttempts = 100): Promise<number> {
  let failures = 0;
  for (let attempt = 0; attempt < maxAttempts; attempt++) {
    try {
      if ((await relay.runOnce()) === 0) return failures;
    } catch {
      failures += 1;
    }
  }
  throw new Error(`The relay had not caught up after ${maxAttempts} attempts`);
}

export function kafkaRelayDeliverySuite(fixture: () => RelayFixture): void {
  it('publishes each event once, in log order, to its category topic keyed by stream, and checkpoints as kafka-relay', async () => {
    const { store } = fixture();
    const action = streamOf('action');
    const meeting = streamOf('meeting');
    await appendEvents(store, action, 2, { correlationId: 'corr-1' });
    await appendEvents(store, meeting, 1);
    await appendEvents(store, action, 1, { correlationId: 'corr-2' });
    const publisher = new RecordingPublisher();
    const relay = new KafkaRelay({ store, checkpoints: store.db, publisher });

    await relay.catchUp();

    const log = await readLog(store, 0);
    const last = log.at(-1)!;
    expect(eventIdsOf(publisher.acknowledged)).toEqual(log.map((event) => event.eventId));
    const firstAction = log.find((event) => event.streamId === action)!;
    const message = publisher.acknowledged.find((m) => m.key === action)!;
    expect(message.topic).toBe('actiontrail.action');
    expect(message.headers).toEqual({ type: 'ThingNoted', eventId: firstAction.eventId, correlationId: 'corr-1' });
    expect(JSON.parse(message.value)).toEqual({
      eventId: firstAction.eventId,
      type: 'ThingNoted',
      schemaVersion: 1,
      streamId: action,
      streamVersion: 1,
      globalPosition: firstAction.globalPosition,
      recordedAt: firstAction.recordedAt.toISOString(),
      data: { note: `${action} #0` },
      metadata: { correlationId: 'corr-1' },
    });
    const meetingMessage = publisher.acknowledged.find((m) => m.key === meeting)!;
    expect(meetingMessage.topic).toBe('actiontrail.meeting');
    expect(Object.keys(meetingMessage.headers).sort()).toEqual(['eventId', 'type']);
    expect(await readCheckpoint(store.db, KAFKA_RELAY_CHECKPOINT)).toBe(last.globalPosition);
    expect(await relay.lag()).toEqual({
      headPosition: last.globalPosition,
      checkpoint: last.globalPosition,
      lagPositions: 0,
      eventsBehind: 0,
      eventsBehindIsLowerBound: false,
    });
    expect(await relay.runOnce()).toBe(0);
    expect(publisher.attempts).toBe(1);
  });

  it('moves the checkpoint only once the broker acknowledges; a refused batch leaves it where it was', async () => {
    const { store } = fixture();
    const { name, since } = await freshCheckpoint(store);
    await appendEvents(store, streamOf('resolution'), 3);
    const publisher = new RecordingPublisher();
    const relay = new KafkaRelay({ store, checkpoints: store.db, publisher, checkpointName: name, topicPrefix: 'council.' });
    publisher.failNext(1, 'refuse');

    await expect(relay.runOnce()).rejects.toThrow('broker refused the batch');
    expect(await readCheckpoint(store.db, name)).toBe(since);
    expect(publisher.acknowledged).toEqual([]);
    expect(relay.status()).toMatchObject({ consecutiveFailures: 1, lastError: 'broker refused the batch' });

    expect(await relay.runOnce()).toBe(3);
    const log = await readLog(store, since);
    expect(await readCheckpoint(store.db, name)).toBe(log.at(-1)!.globalPosition);
    expect(eventIdsOf(publisher.acknowledged)).toEqual(log.map((event) => event.eventId));
    expect(publisher.acknowledged.every((m) => m.topic === 'council.resolution')).toBe(true);
    expect(relay.status()).toMatchObject({ consecutiveFailures: 0, lastError: undefined, publishedEvents: 3 });
  });

  it('moves the checkpoint only from the value it read: when another relay moved it during the publish, it stands down and leaves it', async () => {
    const { store } = fixture();
    const { name, since } = await freshCheckpoint(store);
    await appendEvents(store, streamOf('action'), 3);
    const log = await readLog(store, since);
    const otherRelaysPosition = log[0]!.globalPosition;
    const publisher = new RecordingPublisher();
    const relay = new KafkaRelay({ store, checkpoints: store.db, publisher, checkpointName: name, publishTimeoutMs: 5_000 });
    publisher.whilePublishing = async () => {
      publisher.whilePublishing = undefined;
      await store.db.query('UPDATE checkpoints SET position = $1 WHERE name = $2', [otherRelaysPosition, name]);
    };

    await expect(relay.runOnce()).rejects.toBeInstanceOf(RelayCheckpointMovedError);
    expect(await readCheckpoint(store.db, name)).toBe(otherRelaysPosition);
    expect(relay.status()).toMatchObject({ consecutiveFailures: 0, publishedEvents: 0 });
    // Standing down forgets its position: the next attempt starts from the other relay's checkpoint.
    expect(await relay.runOnce()).toBe(2);
    expect(await readCheckpoint(store.db, name)).toBe(log.at(-1)!.globalPosition);
    expect(eventIdsOf(publisher.acknowledged)).toEqual([...log, ...log.slice(1)].map((event) => event.eventId));
  });

  it('retries failed batches without losing or reordering: acknowledged batches hold each event once', async () => {
    const { store } = fixture();
    const { name, since } = await freshCheckpoint(store);
    const streams = [streamOf('action'), streamOf('meeting'), streamOf('action')];
    for (let round = 0; round < 5; round++) {
      for (const stream of streams) await appendEvents(store, stream, 1 + (round % 2));
    }
    const publisher = new RecordingPublisher();
    const relay = new KafkaRelay({ store, checkpoints: store.db, publisher, checkpointName: name, batchSize: 4 });
    publisher.failNext(1, 'lose-ack');
    publisher.failNext(2, 'refuse');
    publisher.failNext(1, 'lose-ack');

    const failures = await drive(relay);

    const log = await readLog(store, since);
    expect(log).toHaveLength(21);
    expect(failures).toBe(4);
    expect(eventIdsOf(publisher.acknowledged)).toEqual(log.map((event) => event.eventId));
    expect(publisher.acknowledgedBatches.every((batch) => batch.length <= 4)).toBe(true);
    // The lost acknowledgements mean the broker holds some events twice; a consumer that skips versions it
    // has applied still sees every stream whole and in order.
    expect(publisher.delivered.length).toBe(log.length + 8);
    const applied = appliedByDedupingConsumer(publisher.delivered);
    for (const stream of streams) {
      const versions = log.filter((event) => event.streamId === stream).map((event) => event.streamVersion);
      expect(applied.get(stream)).toEqual(versions);
      expect(versions).toEqual(versions.map((_, index) => index + 1));
    }
    expect(await readCheckpoint(store.db, name)).toBe(log.at(-1)!.globalPosition);
  });

  it('a new relay instance continues from the checkpoint without loss, even after a crash mid-batch', async () => {
    const { store, openAnother } = fixture();
    const { name, since } = await freshCheckpoint(store);
    const stream = streamOf('action');
    await appendEvents(store, stream, 6);
    const firstPublisher = new RecordingPublisher();
    const first = new KafkaRelay({ store, checkpoints: store.db, publisher: firstPublisher, checkpointName: name, batchSize: 4 });
    expect(await first.runOnce()).toBe(4);
    // The broker writes the next batch but the process dies before the acknowledgement and the checkpoint.
    firstPublisher.failNext(1, 'lose-ack');
    await expect(first.runOnce()).rejects.toThrow('acknowledgement lost');
    await appendEvents(store, stream, 3);

    const restartedStore = openAnother ? await openAnother() : store;
    try {
      const secondPublisher = new RecordingPublisher();
      const second = new KafkaRelay({
        store: restartedStore,
        checkpoints: restartedStore.db,
        publisher: secondPublisher,
        checkpointName: name,
      });
      await second.catchUp();

      const log = await readLog(store, since);
      expect(log).toHaveLength(9);
      const ids = log.map((event) => event.eventId);
      expect(eventIdsOf(firstPublisher.acknowledged)).toEqual(ids.slice(0, 4));
      expect(eventIdsOf(secondPublisher.acknowledged)).toEqual(ids.slice(4));
      const everythingDelivered = [...firstPublisher.delivered, ...secondPublisher.delivered];
      expect(appliedByDedupingConsumer(everythingDelivered).get(stream)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
      expect(await readCheckpoint(store.db, name)).toBe(log.at(-1)!.globalPosition);
    } finally {
      if (restartedStore !== store) await restartedStore.close();
    }
  });
}
