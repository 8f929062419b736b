/**
 * The resilience suite (npm run test:resilience): real api and projector processes on the PostgreSQL server,
 * one scenario at a time (they measure the machine), in a database of its own. `npm test` never runs it.
 */
import base from './jest.config.js';

const { displayName: _name, testMatch: _match, ...common } = base.projects[0];

export default {
  ...common,
  displayName: 'resilience',
  testMatch: ['<rootDir>/test/resilience/**/*.resilience.spec.ts'],
  maxWorkers: 1,
  testTimeout: 300_000,
  globalSetup: '<rootDir>/test/resilience/global-setup.js',
  globalTeardown: '<rootDir>/test/resilience/global-teardown.js',
};
