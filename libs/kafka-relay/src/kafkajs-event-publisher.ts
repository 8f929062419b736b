import { Logger } from '@nestjs/common';
import { Kafka, logLevel, Partitioners, type LogEntry, type Message, type Producer, type RetryOptions, type TopicMessages } from 'kafkajs';
import type { EventPublisher, OutgoingMessage } from './event-publisher.port.js';
import { kafkajsSasl, type KafkaConfig } from './kafka-config.js';

export interface KafkajsPublisherOptions {
  /** kafkajs's own retries inside one publish; bounded so that an outage ends the relay's attempt (and it backs off). */
  readonly retry?: RetryOptions;
  readonly connectionTimeoutMs?: number;
  readonly requestTimeoutMs?: number;
  readonly logLevel?: logLevel;
}

const DEFAULT_RETRY: RetryOptions = { initialRetryTime: 300, maxRetryTime: 5_000, retries: 5 };

/**
 * An idempotent kafkajs producer that waits for every in-sync replica (acks -1), one request in flight so a
 * retry cannot overtake an earlier batch. After a failed send it drops the producer: the next publish starts a
 * new one with a fresh producer id rather than continuing a sequence the broker may have rejected.
 */
export class KafkajsEventPublisher implements EventPublisher {
  private readonly kafka: Kafka;
  private readonly retry: RetryOptions;
  private producer: Promise<Producer> | undefined;

  constructor(config: KafkaConfig, options: KafkajsPublisherOptions = {}) {
    this.retry = options.retry ?? DEFAULT_RETRY;
    const sasl = kafkajsSasl(config);
    this.kafka = new Kafka({
      clientId: config.clientId,
      brokers: [...config.brokers],
      ssl: config.ssl,
      ...(sasl ? { sasl } : {}),
      connectionTimeout: options.connectionTimeoutMs ?? 3_000,
      requestTimeout: options.requestTimeoutMs ?? 10_000,
      retry: this.retry,
      logLevel: options.logLevel ?? logLevel.WARN,
      logCreator: nestLogCreator,
    });
  }

  async connect(): Promise<void> {
    await this.connectedProducer();
  }

  async publish(messages: readonly OutgoingMessage[]): Promise<void> {
    if (messages.length === 0) return;
    const producer = await this.connectedProducer();
    try {
      await producer.sendBatch({ acks: -1, topicMessages: groupByTopic(messages) });
    } catch (error) {
      await this.close();
      throw error;
    }
  }

  async close(): Promise<void> {
    const producer = this.producer;
    this.producer = undefined;
    if (!producer) return;
    await producer.then((connected) => connected.disconnect()).catch(() => undefined);
  }

  private async connectedProducer(): Promise<Producer> {
    this.producer ??= this.openProducer();
    const opening = this.producer;
    try {
      return await opening;
    } catch (error) {
      if (this.producer === opening) this.producer = undefined;
      throw error;
    }
  }

  private async openProducer(): Promise<Producer> {
    const producer = this.kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      retry: this.retry,
      // The Java clients' murmur2 partitioner: a key lands on the same partition whichever client wrote it.
      createPartitioner: Partitioners.DefaultPartitioner,
    });
    try {
      await producer.connect();
      return producer;
    } catch (error) {
      await producer.disconnect().catch(() => undefined);
      throw error;
    }
  }
}

/** One entry per topic, keeping the relay's order within each topic (and so within each key). */
function groupByTopic(messages: readonly OutgoingMessage[]): TopicMessages[] {
  const byTopic = new Map<string, Message[]>();
  for (const message of messages) {
    const list = byTopic.get(message.topic) ?? [];
    list.push({ key: message.key, value: message.value, headers: { ...message.headers } });
    byTopic.set(message.topic, list);
  }
  return [...byTopic].map(([topic, list]) => ({ topic, messages: list }));
}

const LIMITED_RETRIES_WARNING = 'Limiting retries for the idempotent producer';

/** kafkajs logs through the application's logger rather than its own console JSON. */
function nestLogCreator(): (entry: LogEntry) => void {
  const logger = new Logger('Kafka');
  return ({ namespace, level, log }) => {
    const { message, timestamp: _timestamp, ...extra } = log;
    // Bounded retries are deliberate (see DEFAULT_RETRY): the relay retries whole batches and consumers dedupe by eventId.
    if (message.startsWith(LIMITED_RETRIES_WARNING)) return;
    const line = `${namespace}: ${message}${Object.keys(extra).length > 0 ? ` ${JSON.stringify(extra)}` : ''}`;
    switch (level) {
      case logLevel.ERROR:
        return logger.error(line);
      case logLevel.WARN:
        return logger.warn(line);
      case logLevel.INFO:
        return logger.log(line);
      case logLevel.DEBUG:
        return logger.debug(line);
      case logLevel.NOTHING:
        return;
    }
  };
}
