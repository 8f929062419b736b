import { SetMetadata, type CustomDecorator } from '@nestjs/common';
import type { Role } from './roles.js';

export const PUBLIC_ACCESS = 'actiontrail:access:public';
export const ROLES_ACCESS = 'actiontrail:access:roles';
export const OWNER_OF_ACTION_ACCESS = 'actiontrail:access:owner-of-action';

export interface OwnerOfActionRule {
  /** The route parameter holding the action id. */
  readonly param: string;
}

/** Anyone may call this route, without a token (health, metrics, the public action log). */
export const Public = (): CustomDecorator<string> => SetMetadata(PUBLIC_ACCESS, true);

/** Callers holding any one of these roles may call this route. */
export const Roles = (...roles: [Role, ...Role[]]): CustomDecorator<string> => SetMetadata(ROLES_ACCESS, roles);

/**
 * An officer may call this route when they hold, now, the post that owns the action named by the route
 * parameter. Combine with @Roles for who may act on any action (e.g. @Roles('scrutiny', 'admin')).
 */
export const OwnerOfAction = (param = 'actionId'): CustomDecorator<string> =>
  SetMetadata(OWNER_OF_ACTION_ACCESS, { param } satisfies OwnerOfActionRule);
