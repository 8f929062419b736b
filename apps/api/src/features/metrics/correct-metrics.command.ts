import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { metricSnapshotDecider, type CorrectMetrics } from '../../../../../libs/domain/src/metric-snapshot/index.js';
import { streamIdFor } from '../../../../../libs/domain/src/streams.js';
import { AggregateStore } from '../shared/aggregate-store.js';
import type { CommandResult } from '../shared/command-result.js';
import type { CorrectMetricsDto } from './correct-metrics.dto.js';

export class CorrectMetricsCommand extends Command<CommandResult> {
  constructor(
    readonly snapshotId: string,
    readonly body: CorrectMetricsDto,
    readonly expectedVersion: number | undefined,
  ) {
    super();
  }
}

@CommandHandler(CorrectMetricsCommand)
export class CorrectMetricsHandler implements ICommandHandler<CorrectMetricsCommand> {
  constructor(private readonly aggregates: AggregateStore) {}

  execute({ snapshotId, body, expectedVersion }: CorrectMetricsCommand): Promise<CommandResult> {
    return this.aggregates.execute(
      metricSnapshotDecider,
      { id: snapshotId, streamId: streamIdFor('metric', snapshotId) },
      (_state, now): CorrectMetrics => ({ type: 'CorrectMetrics', data: { snapshotId, values: body.values, reason: body.reason, now } }),
      { expectedVersion },
    );
  }
}
