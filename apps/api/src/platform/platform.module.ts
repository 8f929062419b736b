import { Global, Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import type { AppConfig } from '#runtime';
import { AuthModule } from './auth/auth.module.js';
import { ApiSchemaMigrations } from './database/api-migrations.js';
import { HealthModule } from './health/health.module.js';
import { IdempotencyModule } from './idempotency/idempotency.module.js';
import { MetricsModule } from './metrics/metrics.module.js';
import { ProblemDetailsFilter } from './problem-details.filter.js';
import { APP_CONFIG } from '#runtime';
import { createValidationPipe } from './validation/validation.pipe.js';

/** Cross-cutting pieces every route gets: config, errors as problems, validation, authorization, idempotency, health and metrics. */
@Global()
@Module({})
export class PlatformModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: PlatformModule,
      global: true,
      imports: [HealthModule, MetricsModule, IdempotencyModule, AuthModule],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
        { provide: APP_PIPE, useFactory: createValidationPipe },
        ApiSchemaMigrations,
      ],
      exports: [APP_CONFIG, HealthModule, MetricsModule],
    };
  }
}
