import { Injectable } from '@nestjs/common';
import { Command } from '@nestjs/cqrs';
import { actionDecider, decisionDecider, implementationStatusOn, ukDateOf } from '#domain';
import type { ActionCommand, ActionState, ImplementationFacts } from '#domain';
import { streamIdFor } from '#domain';
import { ActionOwnership } from './action-ownership.js';
import { forbidden } from '../../platform/auth/auth-problems.js';
import type { Role } from '../../platform/auth/roles.js';
import { AggregateStore } from '../shared/aggregate-store.js';
import type { Caller } from '../../platform/caller.js';
import type { CommandOutcome } from '../shared/command-outcome.js';

/** A command on an action that already exists; `expectedVersion` comes from If-Match. */
export abstract class ActionMessage<Body> extends Command<CommandOutcome> {
  constructor(
    readonly actionId: string,
    readonly body: Body,
    readonly expectedVersion: number | undefined,
    readonly caller: Caller,
  ) {
    super();
  }
}

/** Who may report on or complete any action by role; an officer may only on the actions of the post they hold. */
export const ACTING_FOR_ANY_OWNER = ['scrutiny', 'admin'] as const satisfies readonly Role[];

@Injectable()
export class ActionWriter {
  constructor(
    private readonly aggregates: AggregateStore,
    private readonly ownership: ActionOwnership,
  ) {}

  /** Where the decision an action implements stands on the business date `at` (nothing when it implements none). */
  async implementationFacts(state: ActionState, at: string): Promise<ImplementationFacts> {
    if (!state.exists || state.implementsDecisionId === undefined) return {};
    const decision = (await this.aggregates.load(decisionDecider, streamIdFor('decision', state.implementsDecisionId))).state;
    return decision.exists ? { implementation: implementationStatusOn(decision, ukDateOf(at)) } : {};
  }

  run<B>(
    message: ActionMessage<B>,
    build: (now: string, state: ActionState) => ActionCommand | Promise<ActionCommand>,
  ): Promise<CommandOutcome> {
    const { actionId, expectedVersion, caller } = message;
    return this.aggregates.execute(
      actionDecider,
      { id: actionId, streamId: streamIdFor('action', actionId) },
      (state, now) => build(now, state),
      { expectedVersion, caller },
    );
  }

  /**
   * For commands an officer may send on an action their post owns. The route's guard checked ownership
   * already, but against the action as it stood then; this checks again against the very state the command
   * is decided on, and the append is conditional on that state's version, so a reassignment in between makes
   * the command be decided again and refused rather than slip through.
   */
  runAsOwnerOrStaff<B>(
    message: ActionMessage<B>,
    build: (now: string, state: ActionState, byStaff: boolean) => ActionCommand | Promise<ActionCommand>,
  ): Promise<CommandOutcome> {
    const { actor } = message.caller;
    const byRole = actor?.roles.some((role) => (ACTING_FOR_ANY_OWNER as readonly Role[]).includes(role)) ?? false;
    // No actor is the system itself (the demo loader), which records past business as staff do.
    if (!actor || byRole) return this.run(message, (now, state) => build(now, state, true));
    return this.aggregates.execute(
      actionDecider,
      { id: message.actionId, streamId: streamIdFor('action', message.actionId) },
      async (state, now) => {
        if (state.exists && !(await this.ownership.holds(state.ownerPostId, actor.id, new Date(now)))) {
          throw forbidden(`You do not hold the post that owns action ${message.actionId}`);
        }
        return build(now, state, false);
      },
      { expectedVersion: message.expectedVersion, caller: message.caller },
    );
  }
}
