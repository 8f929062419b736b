import { Module, type DynamicModule, type Type } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import type { EventStore, SqlDatabase } from '#event-store';
import type { AppConfig } from '#runtime';
import { KafkaRelayModule, loadKafkaConfig } from '#kafka-relay';
import { featureModules } from './features/feature-modules.js';
import { EventStoreModule } from '#runtime';
import { PlatformModule } from './platform/platform.module.js';

export interface AppModuleOptions {
  readonly config: AppConfig;
  /** An already-open store (tests); otherwise the configured one is opened at start-up and closed at shutdown. */
  readonly store?: EventStore;
  readonly database?: SqlDatabase;
  /** Modules beside the features, e.g. a test-only controller. */
  readonly extraModules?: readonly (Type<unknown> | DynamicModule)[];
}

@Module({})
export class AppModule {
  static forRoot(options: AppModuleOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot(options.config),
        options.store ? EventStoreModule.forStore(options.store, options.database) : EventStoreModule.fromConfig(),
        CqrsModule.forRoot(),
        // ---- feature modules: add them in features/feature-modules.ts, not here ----
        ...featureModules,
        // The relay runs where the projections run: in this process unless PROJECTIONS=off hands both to apps/projector.
        KafkaRelayModule.forRoot(options.config.projections === 'in-process' ? loadKafkaConfig() : undefined),
        ...(options.extraModules ?? []),
      ],
    };
  }
}
