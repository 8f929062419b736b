export * from './meeting.events.js';
export * from './meeting.commands.js';
export * from './meeting.state.js';
export * from './meeting.decider.js';
