import type { StoredEvent } from '#event-store';
import { messageFor, topicFor } from '../src/kafka-envelope.js';
import { backoffDelayMs } from '../src/relay-timing.js';

const event: StoredEvent = {
  eventId: '5a3c0d0e-8f0e-4a57-9b0e-2f1f2f6d9c11',
  streamId: 'metric-7f1c',
  streamVersion: 3,
  globalPosition: 4_096_001,
  type: 'MetricSnapshotCorrected',
  schemaVersion: 2,
  data: { vacancyRate: 0.12 },
  metadata: { actor: { id: 'p1' } },
  recordedAt: new Date('2017-01-16T18:30:00.000Z'),
  hash: 'h',
  prevHash: 'g',
};

describe('Kafka envelope', () => {
  it('names the topic after the category, keeping only the characters Kafka allows', () => {
    expect(topicFor('action-0b6f', 'actiontrail.')).toBe('actiontrail.action');
    expect(topicFor('metric', 'actiontrail.')).toBe('actiontrail.metric');
    expect(topicFor('odd category/x-1', 'p.')).toBe('p.odd_category_x');
  });

  it('keys by stream id and carries the event without its hashes; no correlation header when there is none', () => {
    const message = messageFor(event, 'actiontrail.');
    expect(message).toEqual({
      topic: 'actiontrail.metric',
      key: 'metric-7f1c',
      value: expect.any(String),
      headers: { type: 'MetricSnapshotCorrected', eventId: event.eventId },
    });
    expect(JSON.parse(message.value)).toEqual({
      eventId: event.eventId,
      type: 'MetricSnapshotCorrected',
      schemaVersion: 2,
      streamId: 'metric-7f1c',
      streamVersion: 3,
      globalPosition: 4_096_001,
      recordedAt: '2017-01-16T18:30:00.000Z',
      data: { vacancyRate: 0.12 },
      metadata: { actor: { id: 'p1' } },
    });
  });
});

describe('relay backoff', () => {
  const policy = { initialMs: 500, maxMs: 30_000, jitter: 0.2 };

  it('doubles with each consecutive failure up to the cap', () => {
    const middle = () => 0.5;
    expect([1, 2, 3, 4, 7, 8, 50].map((failures) => backoffDelayMs(failures, policy, middle))).toEqual([
      500, 1_000, 2_000, 4_000, 30_000, 30_000, 30_000,
    ]);
  });

  it('spreads each delay by the jitter, never below zero', () => {
    expect(backoffDelayMs(1, policy, () => 0)).toBe(400);
    expect(backoffDelayMs(1, policy, () => 1)).toBe(600);
    expect(backoffDelayMs(1, { ...policy, jitter: 2 }, () => 0)).toBe(0);
  });
});
