export * from './decision-maker.js';
export * from './business-dates.js';
export * from './recommendation.events.js';
export * from './recommendation.commands.js';
export * from './recommendation.state.js';
export * from './recommendation.decider.js';
