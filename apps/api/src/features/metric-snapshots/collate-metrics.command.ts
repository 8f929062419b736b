import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { actionDecider } from '#domain';
import { metricSnapshotDecider, type CollateMetrics } from '#domain';
import { streamIdFor } from '#domain';
import { AggregateStore } from '../shared/aggregate-store.js';
import type { Caller } from '../../platform/caller.js';
import type { CommandOutcome } from '../shared/command-outcome.js';
import type { CollateMetricsDto } from './collate-metrics.dto.js';
import { CollatorOwnership } from './collator-ownership.js';

export class CollateMetricsCommand extends Command<CommandOutcome> {
  constructor(
    readonly snapshotId: string,
    readonly body: CollateMetricsDto,
    readonly caller: Caller,
  ) {
    super();
  }
}

@CommandHandler(CollateMetricsCommand)
export class CollateMetricsHandler implements ICommandHandler<CollateMetricsCommand> {
  constructor(
    private readonly aggregates: AggregateStore,
    private readonly collators: CollatorOwnership,
  ) {}

  execute({ snapshotId, body, caller }: CollateMetricsCommand): Promise<CommandOutcome> {
    const { subject, asOf, source, actionId, values } = body;
    const stream = { id: snapshotId, streamId: streamIdFor('metric', snapshotId) };
    return this.aggregates.execute(
      metricSnapshotDecider,
      stream,
      async (_state, now): Promise<CollateMetrics> => {
        await this.collators.assertMayRecordFor(caller.actor, actionId, now);
        const action =
          actionId === undefined ? undefined : (await this.aggregates.load(actionDecider, streamIdFor('action', actionId))).state;
        return {
          type: 'CollateMetrics',
          data: {
            snapshotId,
            subject,
            asOf,
            source,
            ...(actionId === undefined ? {} : { actionId }),
            values,
            now,
            facts: action ? { action } : {},
          },
        };
      },
      { caller },
    );
  }
}
