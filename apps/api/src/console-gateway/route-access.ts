import { Injectable, type Type } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ActionOwnership } from '../features/actions/action-ownership.js';
import { decideAccess, type AccessDecision } from '../platform/auth/access-decision.js';
import { accessRuleFor } from '../platform/auth/authorization.guard.js';
import type { Actor } from '../platform/request-context.js';

/**
 * Whether an actor may do what an API route does, by the rule that route declares (read from its controller), so
 * the console and the API cannot disagree about who may do what. `actionId` names the action an officer's rule
 * ("the holder of the owning post") is checked against.
 */
@Injectable()
export class RouteAccess {
  constructor(
    private readonly reflector: Reflector,
    private readonly ownership: ActionOwnership,
  ) {}

  decide(controller: Type<object>, handler: string, actor: Actor, actionId = ''): Promise<AccessDecision> {
    const method = (controller.prototype as Record<string, unknown>)[handler];
    if (typeof method !== 'function') throw new Error(`${controller.name} has no route ${handler}`);
    const rule = accessRuleFor(this.reflector, [method, controller]);
    return decideAccess(rule, actor, async () => ({ actionId, ownership: await this.ownership.of(actionId, actor.id) }));
  }
}
