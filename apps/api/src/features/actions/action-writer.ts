import { Injectable } from '@nestjs/common';
import { Command } from '@nestjs/cqrs';
import { actionDecider, type ActionCommand, type ActionState } from '../../../../../libs/domain/src/action/index.js';
import { streamIdFor } from '../../../../../libs/domain/src/streams.js';
import { AggregateStore } from '../shared/aggregate-store.js';
import type { CommandResult } from '../shared/command-result.js';

/** A command on an action that already exists; `expectedVersion` comes from If-Match. */
export abstract class ActionMessage<Body> extends Command<CommandResult> {
  constructor(
    readonly actionId: string,
    readonly body: Body,
    readonly expectedVersion: number | undefined,
  ) {
    super();
  }
}

@Injectable()
export class ActionWriter {
  constructor(private readonly aggregates: AggregateStore) {}

  run<B>(message: ActionMessage<B>, build: (now: string, state: ActionState) => ActionCommand): Promise<CommandResult> {
    const { actionId, expectedVersion } = message;
    return this.aggregates.execute(actionDecider, { id: actionId, streamId: streamIdFor('action', actionId) },
      (state, now) => build(now, state), { expectedVersion });
  }
}
