import { AsyncLocalStorage } from 'node:async_hooks';
import type { EventMetadata } from '#event-store';
import type { Role } from './auth/roles.js';
import type { IdempotentRequest } from './idempotency/idempotency.store.js';

export { ROLES, type Role } from './auth/roles.js';

export interface Actor {
  readonly id: string;
  readonly name: string;
  readonly roles: readonly Role[];
}

export interface RequestContext {
  readonly correlationId: string;
  readonly requestId: string;
  /** Set only by authentication (setCurrentActor), once a token has been verified. */
  actor: Actor | undefined;
  readonly startedAt: bigint;
  /** Set by the idempotency interceptor once it holds the request's Idempotency-Key: ids are derived from it. */
  idempotentRequest?: IdempotentRequest;
  /** Streams the aggregate store has brought up to date in this request: the guard's read serves the handler too. */
  streamsRead?: Set<string>;
}

const storage = new AsyncLocalStorage<RequestContext>();
const CONTEXT_OF_REQUEST = Symbol('requestContext');

type WithContext = { [CONTEXT_OF_REQUEST]?: RequestContext };

/** The context of the request being handled, or undefined outside one (start-up, background work). */
export function currentRequestContext(): RequestContext | undefined {
  return storage.getStore();
}

/**
 * The context kept on node's request itself: callbacks that lost the async context (body parsing, 'finish') use
 * this. Given Fastify's request (guards, interceptors, filters), it reads the node request it wraps.
 */
export function requestContextOf(req: object): RequestContext | undefined {
  return (nodeRequestOf(req) as WithContext)[CONTEXT_OF_REQUEST];
}

export function attachRequestContext(req: object, context: RequestContext): void {
  (nodeRequestOf(req) as WithContext)[CONTEXT_OF_REQUEST] = context;
}

function nodeRequestOf(req: object): object {
  const raw = (req as { readonly raw?: unknown }).raw;
  return typeof raw === 'object' && raw !== null ? raw : req;
}

export function runInRequestContext<T>(context: RequestContext, work: () => T): T {
  return storage.run(context, work);
}

/** Called by authentication once it has verified who is calling; nothing else names the actor. */
export function setCurrentActor(actor: Actor | undefined): void {
  const context = storage.getStore();
  if (!context) throw new Error('setCurrentActor called outside a request');
  context.actor = actor;
}

/** What a command handler puts on every event it appends: who, and which request caused it. */
export function eventMetadata(): EventMetadata {
  const context = storage.getStore();
  if (!context) return {};
  const { actor, correlationId, requestId } = context;
  return {
    ...(actor ? { actor: { id: actor.id, name: actor.name, roles: [...actor.roles] } } : {}),
    correlationId,
    requestId,
  };
}
