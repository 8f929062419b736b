import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EventMetadata } from '#event-store';
import type { IdempotentRequest } from './idempotency/idempotency.store.js';
import { requestContextOf, type Actor } from './request-context.js';

/** Who sent a command and as part of which request: handed to the handler in the command, never looked up by it. */
export interface Caller {
  readonly actor: Actor | undefined;
  readonly correlationId: string;
  readonly requestId: string;
  /** Present when the request carried an Idempotency-Key: the ids it mints are derived from it. */
  readonly idempotentRequest?: IdempotentRequest | undefined;
}

/**
 * The caller of the route, from its request context. Param decorators run after the interceptors have started,
 * so the Idempotency interceptor has already put the claimed request there.
 */
export const Caller = createParamDecorator((_data: unknown, context: ExecutionContext): Caller => {
  const request = requestContextOf(context.switchToHttp().getRequest<object>());
  if (!request) throw new Error('@Caller() used on a route that runs without a request context');
  const { actor, correlationId, requestId, idempotentRequest } = request;
  return { actor, correlationId, requestId, ...(idempotentRequest ? { idempotentRequest } : {}) };
});

/** A caller for work the system does on its own behalf (the demo loader), under one correlation id. */
export function systemCaller(actor: Actor, correlationPrefix: string): Caller {
  return { actor, correlationId: `${correlationPrefix}-${randomUUID()}`, requestId: randomUUID() };
}

/** Who a domain event names as having done it: the caller's person id, or `system` for work with no actor. */
export const actorIdOf = ({ actor }: Caller): string => actor?.id ?? 'system';

/** What a command handler puts on every event it appends: who, and which request caused it. */
export function eventMetadataOf({ actor, correlationId, requestId }: Caller): EventMetadata {
  return {
    ...(actor ? { actor: { id: actor.id, name: actor.name, roles: [...actor.roles] } } : {}),
    correlationId,
    requestId,
  };
}
