/** Injection tokens of the platform layer; features inject these rather than concrete adapters. */
export const APP_CONFIG = Symbol('APP_CONFIG');
/** The EventStore port (libs/event-store). */
export const EVENT_STORE = Symbol('EVENT_STORE');
/** The SqlDatabase beside the store, for read models and idempotency keys. */
export const SQL_DATABASE = Symbol('SQL_DATABASE');
