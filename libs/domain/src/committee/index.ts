export * from './committee.events.js';
export * from './committee.commands.js';
export * from './committee.decider.js';
