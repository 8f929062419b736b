export * from './generations.js';
export * from './transaction-events.js';
export * from './rebuild-progress.js';
export * from './retry.js';
export * from './swap-generation.js';
export * from './rebuild-projection.js';
export * from './compare-generations.js';
export * from './verify-projection.js';
