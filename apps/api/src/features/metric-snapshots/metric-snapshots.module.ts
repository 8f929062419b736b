import { Module } from '@nestjs/common';
import { GetActionFiguresHandler } from './action-figures.query.js';
import { CollatorOwnership } from './collator-ownership.js';
import { CollateMetricsHandler } from './collate-metrics.command.js';
import { CorrectMetricsHandler } from './correct-metrics.command.js';
import { GetMetricSeriesHandler } from './metric-series.query.js';
import { MetricSnapshotsController } from './metric-snapshots.controller.js';

@Module({
  controllers: [MetricSnapshotsController],
  providers: [CollatorOwnership, CollateMetricsHandler, CorrectMetricsHandler, GetMetricSeriesHandler, GetActionFiguresHandler],
})
export class MetricSnapshotsModule {}
