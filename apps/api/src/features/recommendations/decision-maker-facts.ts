import { Injectable } from '@nestjs/common';
import type { DecisionMaker, DecisionMakerFacts } from '#domain';
import type { Caller } from '../../platform/caller.js';
import { ActionOwnership } from '../actions/action-ownership.js';

const STAFF_ROLES: ReadonlySet<string> = new Set(['scrutiny', 'admin']);

/** Whether the caller speaks for a decision maker: holds its post today, or is scrutiny staff acting on its behalf. */
@Injectable()
export class DecisionMakerFactsLookup {
  constructor(private readonly ownership: ActionOwnership) {}

  async of(maker: DecisionMaker, caller: Caller, now: string): Promise<DecisionMakerFacts> {
    const actor = caller.actor;
    const holds = actor !== undefined && maker.postId !== undefined && (await this.ownership.holds(maker.postId, actor.id, new Date(now)));
    return { callerHoldsDecisionMakerPost: holds, callerIsScrutinyStaff: actor?.roles.some((role) => STAFF_ROLES.has(role)) ?? false };
  }
}
