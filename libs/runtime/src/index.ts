export * from './config/app-config.js';
export * from './health/health.registry.js';
export * from './logging/json-logger.js';
export * from './logging/fatal-line.js';
export * from './stores/event-store.module.js';
export * from './stores/foreign-event-metrics.js';
export * from './tokens.js';
export * from './metrics/metrics-server.js';
