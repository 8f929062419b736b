import { notFound, type NotFoundError } from '#domain';
import { ProblemException } from '../../platform/index.js';
import type { Caller } from '../../platform/caller.js';

/** The person a /me route is about: the caller, who must have signed in. */
export function signedInPersonOf({ actor }: Caller, doing: string): string {
  if (actor) return actor.id;
  throw new ProblemException({
    status: 401,
    code: 'unauthorized',
    detail: `Sign in to ${doing}`,
    headers: { 'WWW-Authenticate': 'Bearer' },
  });
}

/**
 * A person's settings asked for when the directory has no such person: 404, the resource asked for is not there
 * (a not-found naming no id is about the path, whether the person came from it or from the caller).
 */
export const personNotInDirectory = (personId: string): NotFoundError =>
  notFound('person-not-found', `Person ${personId} is not in the directory`);
