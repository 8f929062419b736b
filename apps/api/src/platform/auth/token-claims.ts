import type { JWTPayload } from 'jose';
import type { Actor } from '../request-context.js';
import { AuthenticationError } from './auth-errors.js';
import { isRole, type Role } from './roles.js';

const MAX_SUBJECT_LENGTH = 256;
const MAX_NAME_LENGTH = 200;

/**
 * Who a verified token names: `sub` is the person id, `name` (or Entra's `preferred_username`) the display
 * name, `roles` the app roles as the identity provider issues them (Entra's claim is a JSON array; a
 * space- or comma-separated string is accepted too). Roles this service does not know are ignored.
 */
export function actorFromClaims(payload: JWTPayload): Actor {
  const sub = payload.sub;
  if (typeof sub !== 'string' || sub.length === 0 || sub.length > MAX_SUBJECT_LENGTH) throw new AuthenticationError('invalid-claims');
  const name = textClaim(payload['name']) ?? textClaim(payload['preferred_username']) ?? sub;
  return { id: sub, name, roles: rolesFrom(payload['roles']) };
}

function textClaim(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim().length > 0 ? value.trim().slice(0, MAX_NAME_LENGTH) : undefined;
}

function rolesFrom(claim: unknown): Role[] {
  const values = Array.isArray(claim) ? claim : typeof claim === 'string' ? claim.split(/[\s,]+/) : [];
  const roles = values.map((value) => (typeof value === 'string' ? value.trim().toLowerCase() : value)).filter(isRole);
  return [...new Set(roles)];
}
