export type { EventPublisher, OutgoingMessage } from './event-publisher.port.js';
export { loadKafkaConfig, KafkaConfigError, type KafkaConfig, type KafkaSaslMechanism } from './kafka-config.js';
export { envelopeOf, messageFor, topicFor, type KafkaEventEnvelope } from './kafka-envelope.js';
export type { KafkajsEventPublisher, KafkajsPublisherOptions } from './kafkajs-event-publisher.js';
export { openKafkajsPublisher } from './open-kafkajs-publisher.js';
export { KafkaRelay, KAFKA_RELAY_CHECKPOINT, type KafkaRelayLag, type KafkaRelayOptions, type KafkaRelayStatus } from './kafka-relay.js';
export { RelayCheckpointMovedError } from './relay-checkpoint.js';
export {
  kafkaRelayHealthCheck,
  registerKafkaRelayObservability,
  KAFKA_RELAY_HEALTH_CHECK,
  KAFKA_RELAY_LAG_POSITIONS,
} from './kafka-relay.observability.js';
export { KafkaRelayModule, KAFKA_EVENT_PUBLISHER, type KafkaRelayModuleOptions } from './kafka-relay.module.js';
