import type { CommandResult, ConsoleCaller } from '#console';
import { ConcurrencyError } from '#event-store';
import { DomainError } from '#domain';
import { isRole } from '../platform/auth/roles.js';
import type { AccessDecision } from '../platform/auth/access-decision.js';
import { ProblemException } from '../platform/problems/problem.js';
import type { Actor } from '../platform/request-context.js';

/** How the console's gateways turn the API's callers, access decisions and refusals into what a page shows. */

/** The roles the sign-in granted, as the API's tokens grant them: anything not a role is ignored. */
export function actorOf({ person }: ConsoleCaller): Actor {
  return { id: person.id, name: person.name, roles: person.roles.filter(isRole) };
}

export function refusalOf(decision: AccessDecision): Extract<CommandResult, { kind: 'forbidden' | 'not-found' }> | undefined {
  switch (decision.kind) {
    case 'allow':
      return undefined;
    case 'not-found':
      return { kind: 'not-found' };
    case 'unauthenticated':
      return { kind: 'forbidden', detail: 'Sign in first' };
    case 'forbidden':
      return { kind: 'forbidden', detail: decision.detail };
  }
}

/** What the command's typed refusals mean to a form; anything else is a fault and is thrown on. */
export function resultOfRefused(error: unknown): CommandResult {
  if (error instanceof ConcurrencyError) return { kind: 'stale', currentVersion: error.actual };
  if (error instanceof DomainError) {
    switch (error.kind) {
      case 'not-found':
        return { kind: 'not-found' };
      case 'forbidden':
        return { kind: 'forbidden', detail: error.message };
      case 'conflict':
      case 'invalid':
        return { kind: 'refused', detail: error.message };
    }
  }
  if (error instanceof ProblemException && error.problem.status < 500) {
    const { status, detail } = error.problem;
    if (status === 403) return { kind: 'forbidden', detail };
    if (status === 404) return { kind: 'not-found' };
    return { kind: 'refused', detail };
  }
  throw error;
}

/** Whether a page cursor from the browser's address is one of ours: a forged one reads as a page not found. */
export function isCursorOf(decode: (cursor: string) => unknown, cursor: string): boolean {
  try {
    decode(cursor);
    return true;
  } catch {
    return false;
  }
}
