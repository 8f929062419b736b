import { SetMetadata, type CustomDecorator } from '@nestjs/common';
import type { Role } from './roles.js';

export const PUBLIC_ACCESS = 'actiontrail:access:public';
export const ROLES_ACCESS = 'actiontrail:access:roles';
export const OWNER_OF_ACTION_ACCESS = 'actiontrail:access:owner-of-action';

export interface OwnerOfActionRule {
  /** The route parameter (or, `in: 'body'`, the body field) naming the action, or (`in: 'metric-snapshot'`) the snapshot. */
  readonly param: string;
  /** Where the action is named: the route (default), the body, or the `actionId` of the metric snapshot in the route. */
  readonly in?: 'route' | 'body' | 'metric-snapshot';
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

/** As @OwnerOfAction, for the action named in a body field; an officer's request naming none is refused. */
export const OwnerOfActionInBody = (field = 'actionId'): CustomDecorator<string> =>
  SetMetadata(OWNER_OF_ACTION_ACCESS, { param: field, in: 'body' } satisfies OwnerOfActionRule);

/** As @OwnerOfAction, for the action the metric snapshot in the route parameter was collated for; one for no action is refused. */
export const OwnerOfSnapshotAction = (param = 'snapshotId'): CustomDecorator<string> =>
  SetMetadata(OWNER_OF_ACTION_ACCESS, { param, in: 'metric-snapshot' } satisfies OwnerOfActionRule);
