import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { metricSnapshotDecider, type CorrectMetrics } from '#domain';
import { streamIdFor } from '#domain';
import { AggregateStore } from '../shared/aggregate-store.js';
import type { Caller } from '../../platform/caller.js';
import type { CommandOutcome } from '../shared/command-outcome.js';
import type { CorrectMetricsDto } from './correct-metrics.dto.js';
import { CollatorOwnership } from './collator-ownership.js';

export class CorrectMetricsCommand extends Command<CommandOutcome> {
  constructor(
    readonly snapshotId: string,
    readonly body: CorrectMetricsDto,
    readonly expectedVersion: number | undefined,
    readonly caller: Caller,
  ) {
    super();
  }
}

@CommandHandler(CorrectMetricsCommand)
export class CorrectMetricsHandler implements ICommandHandler<CorrectMetricsCommand> {
  constructor(
    private readonly aggregates: AggregateStore,
    private readonly collators: CollatorOwnership,
  ) {}

  execute({ snapshotId, body, expectedVersion, caller }: CorrectMetricsCommand): Promise<CommandOutcome> {
    return this.aggregates.execute(
      metricSnapshotDecider,
      { id: snapshotId, streamId: streamIdFor('metric', snapshotId) },
      async (state, now): Promise<CorrectMetrics> => {
        // The owner is found through the snapshot as it is decided on; a snapshot that does not exist is the decider's 404.
        if (state.exists) await this.collators.assertMayRecordFor(caller.actor, state.actionId, now);
        return { type: 'CorrectMetrics', data: { snapshotId, values: body.values, reason: body.reason, now } };
      },
      { expectedVersion, caller },
    );
  }
}
