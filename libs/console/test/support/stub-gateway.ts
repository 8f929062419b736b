import type { ConsoleGateway } from '../../src/index.js';

/** Every part of the gateway answering "nothing here"; a spec overrides what its pages need. */
const NOTHING: ConsoleGateway = {
  grantableRoles: ['officer'],
  directory: async () => [{ personId: 'p-1', name: 'Tony Fitzgerald', posts: [] }],
  myQueue: async () => ({ kind: 'ok', value: { posts: [], actions: [], nextCursor: null } }),
  action: async () => ({ kind: 'not-found' }),
  reportProgress: async () => ({ kind: 'not-found' }),
  completeAction: async () => ({ kind: 'not-found' }),
  searchAudit: async () => ({ kind: 'not-found' }),
  streamEntries: async () => ({ kind: 'not-found' }),
  recordAsOf: async () => ({ kind: 'not-found' }),
  mayVerify: async () => ({ kind: 'not-found' }),
  verifyLog: async () => ({ kind: 'not-found' }),
  committees: async () => ({ kind: 'ok', value: [] }),
  committee: async () => ({ kind: 'not-found' }),
  actionLog: async () => ({ kind: 'not-found' }),
  actionLogCsv: async () => ({ kind: 'not-found' }),
  chaseList: async () => ({ kind: 'ok', value: { asOf: '2017-02-21', actions: [], nextCursor: null } }),
  mayChaseAndSignOff: async () => false,
  chaseAction: async () => ({ kind: 'not-found' }),
  signOffAction: async () => ({ kind: 'not-found' }),
  personSignedIn: async () => undefined,
  // Paging the long lists (console-bench): the whole log for the Word document.
  wholeActionLog: async () => ({ kind: 'not-found' }),
};

export function stubGateway(overrides: Partial<ConsoleGateway> = {}): ConsoleGateway {
  return { ...NOTHING, ...overrides };
}
