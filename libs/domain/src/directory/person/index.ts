export * from './person.events.js';
export * from './person.commands.js';
export * from './person.decider.js';
