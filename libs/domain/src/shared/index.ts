export * from './decider.js';
export * from './errors.js';
export * from './lookup.js';
export * from './rules.js';
export * from './time.js';
export * from './business-time.js';
export * from './refusals.js';
