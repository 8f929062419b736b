export * from './resolution.events.js';
export * from './resolution.commands.js';
export * from './resolution.state.js';
export * from './resolution.decider.js';
