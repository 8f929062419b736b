import { Module } from '@nestjs/common';
import { APP_FILTER, APP_INTERCEPTOR, APP_PIPE } from '@nestjs/core';
import { createValidationPipe } from '../../../apps/api/src/platform/validation/validation.pipe.js';
import { EntriesController } from './entries.controller.js';
import { ProblemFilter } from './problem.filter.js';
import { ServerTimingInterceptor } from './server-timing.interceptor.js';

/** The api's request pipeline without its database: the same module is served by each adapter. */
@Module({
  controllers: [EntriesController],
  providers: [
    // The api's own global pipe: whitelist, forbidNonWhitelisted, transform.
    { provide: APP_PIPE, useFactory: createValidationPipe },
    { provide: APP_INTERCEPTOR, useClass: ServerTimingInterceptor },
    { provide: APP_FILTER, useClass: ProblemFilter },
  ],
})
export class BenchAppModule {}
