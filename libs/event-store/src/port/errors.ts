import type { ExpectedVersion } from './event-store.port.js';

export class EventStoreError extends Error {}

/** The stream was not at the version the writer expected. */
export class ConcurrencyError extends EventStoreError {
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedVersion,
    readonly actual: number,
  ) {
    super(`Stream ${streamId} is at version ${actual}, expected ${String(expected)}`);
    this.name = 'ConcurrencyError';
  }
}

/** An event id was reused for different content: an idempotent retry must resend the same events. */
export class DuplicateEventIdError extends EventStoreError {
  constructor(readonly eventId: string) {
    super(`Event ${eventId} was already stored with different content`);
    this.name = 'DuplicateEventIdError';
  }
}

export class InvalidAppendError extends EventStoreError {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidAppendError';
  }
}

/** The store could not be reached; callers answer 503 and retry later. */
export class StoreUnavailableError extends EventStoreError {
  constructor(cause: unknown) {
    super('The event store is unavailable');
    this.name = 'StoreUnavailableError';
    this.cause = cause;
  }
}
