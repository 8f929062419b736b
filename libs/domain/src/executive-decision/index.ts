export * from './decision.events.js';
export * from './decision.commands.js';
export * from './decision.state.js';
export * from './decision.decider.js';
