import { Module } from '@nestjs/common';
import { ActionOwnership } from '../../platform/auth/action-ownership.js';
import { CollatorOwnership } from './collator-ownership.js';
import { CollateMetricsHandler } from './collate-metrics.command.js';
import { CorrectMetricsHandler } from './correct-metrics.command.js';
import { GetMetricSeriesHandler } from './metric-series.query.js';
import { MetricSnapshotsController } from './metric-snapshots.controller.js';

@Module({
  controllers: [MetricSnapshotsController],
  providers: [ActionOwnership, CollatorOwnership, CollateMetricsHandler, CorrectMetricsHandler, GetMetricSeriesHandler],
})
export class MetricsModule {}
