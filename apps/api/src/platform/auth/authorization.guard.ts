import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { notFound } from '#domain';
import type { HttpRequest } from '../http/http-types.js';
import { requestContextOf } from '../request-context.js';
import { decideAccess, type AccessRule } from './access-decision.js';
import { OWNER_OF_ACTION_ACCESS, PUBLIC_ACCESS, ROLES_ACCESS, type OwnerOfActionRule } from './access.decorators.js';
import { forbidden, unauthorized } from './auth-problems.js';
import {
  ACTION_OWNERSHIP_LOOKUP,
  SNAPSHOT_ACTION_LOOKUP,
  type ActionOwnershipLookup,
  type SnapshotActionLookup,
} from './ownership-lookups.js';
import type { Role } from './roles.js';

export type MetadataTarget = Parameters<Reflector['get']>[1];

type RequestWithParams = HttpRequest & { readonly params?: Record<string, string | undefined>; readonly body?: unknown };

/**
 * The one place access is decided, from the declarations beside each route (@Public, @Roles,
 * @OwnerOfAction). Runs before interceptors, so a refused command never claims an idempotency key.
 */
@Injectable()
export class AuthorizationGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(ACTION_OWNERSHIP_LOOKUP) private readonly ownership: ActionOwnershipLookup,
    @Inject(SNAPSHOT_ACTION_LOOKUP) private readonly snapshotAction: SnapshotActionLookup,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const req = context.switchToHttp().getRequest<RequestWithParams>();
    const actor = requestContextOf(req)?.actor;
    const rule = accessRuleOf(this.reflector, context);
    const decision = await decideAccess(rule, actor, async (ownerRule, caller) => {
      const actionId = await this.actionNamedBy(ownerRule, req);
      return { actionId, ownership: await this.ownership.of(actionId, caller.id) };
    });
    switch (decision.kind) {
      case 'allow':
        return true;
      case 'unauthenticated':
        throw unauthorized('missing-token');
      case 'not-found':
        // 404 when the path names the action, 422 when the body does (the one rule, in problem-mapping.ts).
        throw notFound('action-not-found', `Action ${decision.actionId} does not exist`, { actionId: decision.actionId });
      case 'forbidden':
        throw forbidden(decision.detail);
    }
  }

  /** The action whose owner may call the route; refuses (403/404) an officer's request that names none. */
  private async actionNamedBy({ param, in: where = 'route' }: OwnerOfActionRule, req: RequestWithParams): Promise<string> {
    switch (where) {
      case 'route':
        return req.params?.[param] ?? '';
      case 'body': {
        const named = typeof req.body === 'object' && req.body !== null ? (req.body as Record<string, unknown>)[param] : undefined;
        if (typeof named !== 'string') throw forbidden(`An officer may do this only for an action their post owns, named in ${param}`);
        return named;
      }
      case 'metric-snapshot': {
        const snapshotId = req.params?.[param] ?? '';
        const linked = await this.snapshotAction.actionOf(snapshotId);
        if (linked === 'no-such-snapshot')
          throw notFound('metric-snapshot-not-found', `Snapshot ${snapshotId} does not exist`, { snapshotId });
        if (linked === undefined) throw forbidden(`Snapshot ${snapshotId} was not collated for an action, so only staff may correct it`);
        return linked;
      }
    }
  }
}

/** The handler's declarations if it has any, else its controller's. */
export function accessRuleOf(reflector: Reflector, context: ExecutionContext): AccessRule {
  return accessRuleFor(reflector, [context.getHandler(), context.getClass()]);
}

/** As accessRuleOf, from the handler and its controller themselves (the OpenAPI document reads them so). */
export function accessRuleFor(reflector: Reflector, targets: readonly [handler: MetadataTarget, controller: MetadataTarget]): AccessRule {
  for (const target of targets) {
    if (reflector.get<boolean | undefined>(PUBLIC_ACCESS, target)) return { kind: 'public' };
    const roles = reflector.get<readonly Role[] | undefined>(ROLES_ACCESS, target);
    const ownerOfAction = reflector.get<OwnerOfActionRule | undefined>(OWNER_OF_ACTION_ACCESS, target);
    if (roles || ownerOfAction) return { kind: 'restricted', roles: roles ?? [], ownerOfAction };
  }
  return { kind: 'undeclared' };
}
