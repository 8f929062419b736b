import type { StoredEvent } from '#event-store';

type DomainEventShape = { readonly type: string; readonly data: object };

/**
 * Stored events as the decider's events. The store keeps only what the decider wrote to this stream, so the
 * type is trusted here, once, rather than checked event by event.
 */
export const domainEventsOf = <E extends DomainEventShape>(stored: readonly StoredEvent[]): E[] =>
  stored.map(({ type, data }) => ({ type, data }) as E);
