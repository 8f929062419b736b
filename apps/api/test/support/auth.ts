import { createHmac } from 'node:crypto';
import type { Role } from '../../src/platform/auth/roles.js';

/** The HS256 secret startFeatureApp configures (AUTH_JWT_SECRET); test-only, at least 32 characters. */
export const TEST_JWT_SECRET = 'actiontrail-test-secret-not-for-any-real-deployment';

export interface TestTokenClaims {
  readonly sub: string;
  readonly name?: string;
  readonly roles?: readonly string[];
  /** Seconds since the epoch; defaults to an hour from now. */
  readonly exp?: number;
  readonly [claim: string]: unknown;
}

/**
 * Who the tests act as unless they say otherwise: democratic services staff, who run meetings and actions
 * (scrutiny) and manage posts and people (admin); the person the X-Actor default used to stand for.
 */
export const STAFF = Object.freeze({ id: 'staff-clerk', name: 'Scrutiny Clerk', roles: Object.freeze(['scrutiny', 'admin'] as const) });

/** The bearer header of STAFF. */
export function staffBearer(): { Authorization: string } {
  return bearer(STAFF.id, STAFF.roles, STAFF.name);
}

/** `{ Authorization: 'Bearer …' }` for a person with these roles, signed with TEST_JWT_SECRET. */
export function bearer(personId: string, roles: readonly Role[], name = personId): { Authorization: string } {
  return { Authorization: `Bearer ${signTestToken({ sub: personId, name, roles })}` };
}

/** A compact HS256 JWT, signed synchronously so that headers can be built inline. */
export function signTestToken(claims: TestTokenClaims, secret: string = TEST_JWT_SECRET): string {
  const now = Math.floor(Date.now() / 1000);
  const header = encode({ alg: 'HS256', typ: 'JWT' });
  const payload = encode({ iat: now, exp: now + 3600, ...claims });
  const signature = createHmac('sha256', secret).update(`${header}.${payload}`).digest('base64url');
  return `${header}.${payload}.${signature}`;
}

function encode(value: object): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}
