export * from './metric-snapshot.events.js';
export * from './metric-snapshot.commands.js';
export * from './metric-snapshot.state.js';
export * from './metric-snapshot.decider.js';
