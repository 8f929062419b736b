import { randomUUID } from 'node:crypto';
import type { NewEvent } from '#event-store';

/** A few event types, so the read model in scenario E has several rows to keep. */
export const EVENT_TYPES = ['MeetingScheduled', 'ResolutionProposed', 'ResolutionPassed', 'ActionAssigned', 'ActionCompleted'] as const;

/** A small, realistic payload (about 200 bytes of JSON). */
export function payload(n: number): Record<string, unknown> {
  return {
    committeeId: `committee-${n % 17}`,
    title: `Agenda item ${n}: review of the quarterly action list`,
    ordinal: n,
    assignee: { id: `officer-${n % 31}`, name: 'A. Officer' },
    tags: ['bench', n % 2 === 0 ? 'even' : 'odd'],
  };
}

export function newEvent(n: number): NewEvent {
  return {
    eventId: randomUUID(),
    type: EVENT_TYPES[n % EVENT_TYPES.length] ?? 'MeetingScheduled',
    data: payload(n),
    metadata: { correlationId: randomUUID(), actor: { id: 'bench', roles: ['clerk'] } },
  };
}

export function newEvents(count: number, first: number): NewEvent[] {
  return Array.from({ length: count }, (_, i) => newEvent(first + i));
}
