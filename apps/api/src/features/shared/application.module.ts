import { Global, Module } from '@nestjs/common';
import { AggregateStore } from './aggregate-store.js';
import { Clock, SystemClock } from './clock.js';

/** What every feature's handlers share: the write path and the clock (replaceable in tests). */
@Global()
@Module({
  providers: [AggregateStore, { provide: Clock, useClass: SystemClock }],
  exports: [AggregateStore, Clock],
})
export class ApplicationModule {}
