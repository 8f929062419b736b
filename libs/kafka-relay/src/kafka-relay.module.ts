import {
  Inject,
  Injectable,
  Logger,
  Module,
  Optional,
  type DynamicModule,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { Registry } from 'prom-client';
import type { EventStore, SqlDatabase } from '#event-store';
import { HealthRegistry } from '#runtime';
import { EVENT_STORE, SQL_DATABASE } from '#runtime';
import type { EventPublisher } from './event-publisher.port.js';
import type { KafkaConfig } from './kafka-config.js';
import { KafkaRelay, type KafkaRelayOptions } from './kafka-relay.js';
import { registerKafkaRelayObservability } from './kafka-relay.observability.js';
import { openKafkajsPublisher } from './open-kafkajs-publisher.js';

export const KAFKA_EVENT_PUBLISHER = Symbol('KAFKA_EVENT_PUBLISHER');

export interface KafkaRelayModuleOptions {
  /** Replaces the kafkajs publisher (tests). */
  readonly publisher?: EventPublisher;
  readonly relay?: Pick<KafkaRelayOptions, 'batchSize' | 'idleWaitMs' | 'publishTimeoutMs' | 'backoff'>;
}

/** Starts the relay once the application is up, and stops it before the store closes (that is a shutdown hook). */
@Injectable()
class KafkaRelayLifecycle implements OnApplicationBootstrap, OnModuleDestroy {
  private unregister: (() => void) | undefined;

  constructor(
    private readonly relay: KafkaRelay,
    @Inject(KAFKA_EVENT_PUBLISHER) private readonly publisher: EventPublisher,
    @Optional() private readonly health?: HealthRegistry,
    @Optional() private readonly metrics?: Registry,
  ) {}

  onApplicationBootstrap(): void {
    this.unregister = registerKafkaRelayObservability(this.relay, {
      ...(this.health ? { health: this.health } : {}),
      ...(this.metrics ? { metrics: this.metrics } : {}),
    });
    this.relay.start();
  }

  async onModuleDestroy(): Promise<void> {
    this.unregister?.();
    await this.relay.stop();
    await this.publisher.close?.();
  }
}

/**
 * Relays the event log to Kafka in the background. `forRoot(undefined)` (KAFKA_BROKERS unset) adds nothing.
 * Needs EVENT_STORE and SQL_DATABASE in scope (EventStoreModule); uses HealthRegistry and the prom-client
 * Registry when the application has them.
 */
@Module({})
export class KafkaRelayModule {
  static forRoot(config: KafkaConfig | undefined, options: KafkaRelayModuleOptions = {}): DynamicModule {
    if (!config) return { module: KafkaRelayModule };
    const logger = new Logger('KafkaRelay');
    return {
      module: KafkaRelayModule,
      providers: [
        { provide: KAFKA_EVENT_PUBLISHER, useFactory: async () => options.publisher ?? (await openKafkajsPublisher(config)) },
        {
          provide: KafkaRelay,
          inject: [EVENT_STORE, SQL_DATABASE, KAFKA_EVENT_PUBLISHER],
          useFactory: (store: EventStore, checkpoints: SqlDatabase, publisher: EventPublisher) =>
            new KafkaRelay({
              store,
              checkpoints,
              publisher,
              topicPrefix: config.topicPrefix,
              ...options.relay,
              onError: (error, status) =>
                logger.warn(
                  `Publishing to Kafka failed (attempt ${status.consecutiveFailures}); retrying: ${status.lastError ?? String(error)}`,
                ),
            }),
        },
        KafkaRelayLifecycle,
      ],
      exports: [KafkaRelay],
    };
  }
}
