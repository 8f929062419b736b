import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { HttpRequest } from '../http/http-types.js';
import { ProblemException } from '../problems/problem.js';
import { requestContextOf } from '../request-context.js';
import { decideAccess, type AccessRule } from './access-decision.js';
import { OWNER_OF_ACTION_ACCESS, PUBLIC_ACCESS, ROLES_ACCESS, type OwnerOfActionRule } from './access.decorators.js';
import { ActionOwnership } from './action-ownership.js';
import { forbidden, unauthorized } from './auth-problems.js';
import type { Role } from './roles.js';

type RequestWithParams = HttpRequest & { readonly params?: Record<string, string | undefined> };

/**
 * The one place access is decided, from the declarations beside each route (@Public, @Roles,
 * @OwnerOfAction). Runs before interceptors, so a refused command never claims an idempotency key.
 */
@Injectable()
export class AuthorizationGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly ownership: ActionOwnership,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const req = context.switchToHttp().getRequest<RequestWithParams>();
    const actor = requestContextOf(req)?.actor;
    const rule = accessRuleOf(this.reflector, context);
    const decision = await decideAccess(rule, actor, async ({ param }, caller) => {
      const actionId = req.params?.[param] ?? '';
      return { actionId, ownership: await this.ownership.of(actionId, caller.id) };
    });
    switch (decision.kind) {
      case 'allow':
        return true;
      case 'unauthenticated':
        throw unauthorized('missing-token');
      case 'not-found':
        throw ProblemException.of(404, 'action-not-found', `Action ${decision.actionId} does not exist`);
      case 'forbidden':
        throw forbidden(decision.detail);
    }
  }
}

/** The handler's declarations if it has any, else its controller's. */
export function accessRuleOf(reflector: Reflector, context: ExecutionContext): AccessRule {
  for (const target of [context.getHandler(), context.getClass()]) {
    if (reflector.get<boolean | undefined>(PUBLIC_ACCESS, target)) return { kind: 'public' };
    const roles = reflector.get<readonly Role[] | undefined>(ROLES_ACCESS, target);
    const ownerOfAction = reflector.get<OwnerOfActionRule | undefined>(OWNER_OF_ACTION_ACCESS, target);
    if (roles || ownerOfAction) return { kind: 'restricted', roles: roles ?? [], ownerOfAction };
  }
  return { kind: 'undeclared' };
}
