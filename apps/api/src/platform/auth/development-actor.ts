import { ProblemException } from '../problems/problem.js';
import type { Actor } from '../request-context.js';
import { isRole, ROLES, type Role } from './roles.js';

/**
 * Phase-1 bridge, on only with AUTH_DEV_ACTOR_HEADER (never in production): a request without a token
 * acts as the person its X-Actor header names, or as this developer. Phase 2 deletes this file.
 */
export const DEVELOPMENT_ACTOR: Actor = Object.freeze({ id: 'dev', name: 'Developer', roles: Object.freeze(['admin', 'scrutiny']) as readonly Role[] });

export function developmentActor(header: string | string[] | undefined): Actor {
  if (header === undefined) return DEVELOPMENT_ACTOR;
  const malformed = (why: string) =>
    ProblemException.of(400, 'malformed-actor', `X-Actor must be JSON like {"id":"p1","name":"Pat","roles":["scrutiny"]}: ${why}`);
  if (Array.isArray(header)) throw malformed('send it once');
  let parsed: unknown;
  try {
    parsed = JSON.parse(header);
  } catch {
    throw malformed('it is not valid JSON');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw malformed('it is not an object');
  const { id, name, roles } = parsed as Record<string, unknown>;
  if (typeof id !== 'string' || id.length === 0 || id.length > 128) throw malformed('id must be a string of 1-128 characters');
  if (name !== undefined && (typeof name !== 'string' || name.length > 200)) throw malformed('name must be a string');
  if (roles !== undefined && (!Array.isArray(roles) || !roles.every(isRole))) throw malformed(`roles must be a list of ${ROLES.join(', ')}`);
  return { id, name: (name as string | undefined) ?? id, roles: (roles as Role[] | undefined) ?? [] };
}
