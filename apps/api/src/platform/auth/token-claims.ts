import type { JWTPayload } from 'jose';
import type { Actor } from '../request-context.js';
import { AuthenticationError } from './auth-errors.js';
import { isRole, type Role } from './roles.js';

const MAX_SUBJECT_LENGTH = 256;
const MAX_NAME_LENGTH = 200;

/**
 * Who a verified token names: the person claim (`sub` unless AUTH_PERSON_CLAIM says e.g. `oid`) is the
 * identity-provider subject, which authentication then resolves to a person id; `name` (or Entra's
 * `preferred_username`) the display name, `roles` the app roles as the identity provider issues them (Entra's
 * claim is a JSON array; a space- or comma-separated string is accepted too). Unknown roles are ignored.
 */
export function actorFromClaims(payload: JWTPayload, personClaim = 'sub'): Actor {
  const subject = payload[personClaim];
  if (typeof subject !== 'string' || subject.length === 0 || subject.length > MAX_SUBJECT_LENGTH)
    throw new AuthenticationError('invalid-claims');
  const name = textClaim(payload['name']) ?? textClaim(payload['preferred_username']) ?? subject;
  return { id: subject, name, roles: rolesFrom(payload['roles']) };
}

function textClaim(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim().length > 0 ? value.trim().slice(0, MAX_NAME_LENGTH) : undefined;
}

function rolesFrom(claim: unknown): Role[] {
  const values = Array.isArray(claim) ? claim : typeof claim === 'string' ? claim.split(/[\s,]+/) : [];
  const roles = values.map((value) => (typeof value === 'string' ? value.trim().toLowerCase() : value)).filter(isRole);
  return [...new Set(roles)];
}
