import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { resolutionDecider, type CorrectResolution } from '#domain';
import { streamIdFor } from '#domain';
import { AggregateStore } from '../shared/aggregate-store.js';
import type { Caller } from '../../platform/caller.js';
import type { CommandOutcome } from '../shared/command-outcome.js';
import type { CorrectResolutionDto } from './correct-resolution.dto.js';

export class CorrectResolutionCommand extends Command<CommandOutcome> {
  constructor(
    readonly resolutionId: string,
    readonly body: CorrectResolutionDto,
    readonly expectedVersion: number | undefined,
    readonly caller: Caller,
  ) {
    super();
  }
}

@CommandHandler(CorrectResolutionCommand)
export class CorrectResolutionHandler implements ICommandHandler<CorrectResolutionCommand> {
  constructor(private readonly aggregates: AggregateStore) {}

  execute({ resolutionId, body, expectedVersion, caller }: CorrectResolutionCommand): Promise<CommandOutcome> {
    return this.aggregates.execute(
      resolutionDecider,
      { id: resolutionId, streamId: streamIdFor('resolution', resolutionId) },
      (_state, now): CorrectResolution => ({
        type: 'CorrectResolution',
        data: { resolutionId, parts: body.parts, reason: body.reason, now },
      }),
      { expectedVersion, caller },
    );
  }
}
