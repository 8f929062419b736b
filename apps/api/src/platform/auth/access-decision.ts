import type { Actor } from '../request-context.js';
import type { OwnerOfActionRule } from './access.decorators.js';
import type { Role } from './roles.js';

/** What a route declares; declarations on the handler replace those on its controller. */
export type AccessRule =
  | { readonly kind: 'public' }
  | { readonly kind: 'restricted'; readonly roles: readonly Role[]; readonly ownerOfAction: OwnerOfActionRule | undefined }
  | { readonly kind: 'undeclared' };

export type Ownership = 'holder' | 'not-holder' | 'no-such-action';

export type AccessDecision =
  | { readonly kind: 'allow' }
  | { readonly kind: 'unauthenticated' }
  | { readonly kind: 'not-found'; readonly actionId: string }
  | { readonly kind: 'forbidden'; readonly detail: string };

/** Looks up whether the actor holds, now, the post owning the action in the named route parameter. */
export type OwnershipLookup = (
  rule: OwnerOfActionRule,
  actor: Actor,
) => Promise<{ readonly actionId: string; readonly ownership: Ownership }>;

const ALLOW: AccessDecision = { kind: 'allow' };

/** Fail closed: a route that declares nothing is refused to everyone. */
export async function decideAccess(rule: AccessRule, actor: Actor | undefined, lookUpOwnership: OwnershipLookup): Promise<AccessDecision> {
  switch (rule.kind) {
    case 'public':
      return ALLOW;
    case 'undeclared':
      return actor
        ? { kind: 'forbidden', detail: 'This route declares no access rule, so it is refused to everyone' }
        : { kind: 'unauthenticated' };
    case 'restricted':
      return actor ? decideRestricted(rule, actor, lookUpOwnership) : { kind: 'unauthenticated' };
  }
}

async function decideRestricted(
  rule: Extract<AccessRule, { kind: 'restricted' }>,
  actor: Actor,
  lookUpOwnership: OwnershipLookup,
): Promise<AccessDecision> {
  if (rule.roles.some((role) => actor.roles.includes(role))) return ALLOW;
  const allowed = [...rule.roles, ...(rule.ownerOfAction ? ['officer holding the owner post'] : [])].join(', ');
  const refusal: AccessDecision = { kind: 'forbidden', detail: `Only ${allowed} may do this` };
  if (!rule.ownerOfAction || !actor.roles.includes('officer')) return refusal;
  const { actionId, ownership } = await lookUpOwnership(rule.ownerOfAction, actor);
  switch (ownership) {
    case 'holder':
      return ALLOW;
    case 'no-such-action':
      return { kind: 'not-found', actionId };
    case 'not-holder':
      return { kind: 'forbidden', detail: `You do not hold the post that owns action ${actionId}` };
  }
}
