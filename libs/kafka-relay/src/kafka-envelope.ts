import { categoryOf } from '#domain';
import type { EventMetadata, StoredEvent } from '#event-store';
import type { OutgoingMessage } from './event-publisher.port.js';

/** What consumers read from a record's value; `globalPosition` orders the whole log, `streamVersion` one stream. */
export interface KafkaEventEnvelope {
  readonly eventId: string;
  readonly type: string;
  readonly schemaVersion: number;
  readonly streamId: string;
  readonly streamVersion: number;
  readonly globalPosition: number;
  readonly recordedAt: string;
  readonly data: Record<string, unknown>;
  readonly metadata: EventMetadata;
}

/** Kafka allows only these characters in a topic name. */
const TOPIC_UNSAFE = /[^a-zA-Z0-9._-]/g;

/** One topic per stream category: 'action-<uuid>' goes to '<prefix>action'. */
export function topicFor(streamId: string, topicPrefix: string): string {
  return `${topicPrefix}${categoryOf(streamId)}`.replace(TOPIC_UNSAFE, '_');
}

export function envelopeOf(event: StoredEvent): KafkaEventEnvelope {
  return {
    eventId: event.eventId,
    type: event.type,
    schemaVersion: event.schemaVersion,
    streamId: event.streamId,
    streamVersion: event.streamVersion,
    globalPosition: event.globalPosition,
    recordedAt: event.recordedAt.toISOString(),
    data: event.data,
    metadata: event.metadata,
  };
}

export function messageFor(event: StoredEvent, topicPrefix: string): OutgoingMessage {
  const headers: Record<string, string> = { type: event.type, eventId: event.eventId };
  if (typeof event.metadata.correlationId === 'string') headers.correlationId = event.metadata.correlationId;
  return {
    topic: topicFor(event.streamId, topicPrefix),
    key: event.streamId,
    value: JSON.stringify(envelopeOf(event)),
    headers,
  };
}
