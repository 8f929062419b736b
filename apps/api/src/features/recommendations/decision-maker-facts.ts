import { Injectable } from '@nestjs/common';
import type { DecisionMaker, DecisionMakerFacts, Lookup } from '#domain';
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
    return { callerHoldsDecisionMakerPost: holds, callerIsScrutinyStaff: isScrutinyStaff(caller) };
  }

  /**
   * The same for a step on a recommendation or decision already recorded, whose decision maker it names. One never
   * recorded names none, so the caller holds no post of it; the decider refuses it as not found anyway.
   */
  ofRecorded(record: Lookup<{ readonly decisionMaker: DecisionMaker }>, caller: Caller, now: string): Promise<DecisionMakerFacts> {
    if (!record.exists) return Promise.resolve({ callerHoldsDecisionMakerPost: false, callerIsScrutinyStaff: isScrutinyStaff(caller) });
    return this.of(record.decisionMaker, caller, now);
  }
}

const isScrutinyStaff = (caller: Caller): boolean => caller.actor?.roles.some((role) => STAFF_ROLES.has(role)) ?? false;
