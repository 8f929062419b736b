export * from './kurrentdb-event-store.js';
export * from './open-kurrentdb-event-store.js';
export { UnrecognisedEventError } from './event-envelope.js';
export { MissingLogPositionError } from './log-position.js';
export { DEFAULT_CLAIM_STREAM_PREFIX } from './event-id-claim.js';
