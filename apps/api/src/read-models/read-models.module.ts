import { Global, Module } from '@nestjs/common';
import { ProjectionMetrics } from './projection-metrics.js';
import { ProjectionPositions } from './projection-positions.js';
import { ProjectionViewInterceptor } from './projection-view.interceptor.js';
import { ProjectionsLifecycle } from './projections.lifecycle.js';

/** The read side: projections kept up to date in-process (or by apps/projector), and what views need of them. */
@Global()
@Module({
  providers: [ProjectionPositions, ProjectionViewInterceptor, ProjectionsLifecycle, ProjectionMetrics],
  exports: [ProjectionPositions, ProjectionViewInterceptor],
})
export class ReadModelsModule {}
