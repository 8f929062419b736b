import type { EventPublisher } from './event-publisher.port.js';
import type { KafkaConfig } from './kafka-config.js';
import type { KafkajsPublisherOptions } from './kafkajs-event-publisher.js';

/** kafkajs is loaded only where Kafka is configured, so a process without KAFKA_BROKERS never carries it. */
export async function openKafkajsPublisher(config: KafkaConfig, options: KafkajsPublisherOptions = {}): Promise<EventPublisher> {
  const { KafkajsEventPublisher } = await import('./kafkajs-event-publisher.js');
  return new KafkajsEventPublisher(config, options);
}
