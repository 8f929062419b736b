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
  // The officer's figures (metric snapshots).
  actionFigures: async () => ({ kind: 'ok', value: { asked: [], recorded: [], mayRecord: false } }),
  recordFigures: async () => ({ kind: 'not-found' }),
  // The staff's management pages (StaffGateway).
  mayManageActions: async () => false,
  dueMeetingOptions: async () => ({ kind: 'not-found' }),
  reopenAction: async () => ({ kind: 'not-found' }),
  changeActionDue: async () => ({ kind: 'not-found' }),
  reassignAction: async () => ({ kind: 'not-found' }),
  withdrawAction: async () => ({ kind: 'not-found' }),
  mayManageDirectory: async () => false,
  posts: async () => ({ kind: 'ok', value: { items: [], nextAfter: null } }),
  post: async () => ({ kind: 'not-found' }),
  createPost: async () => ({ kind: 'not-found' }),
  appointPostHolder: async () => ({ kind: 'not-found' }),
  vacatePost: async () => ({ kind: 'not-found' }),
  people: async () => ({ kind: 'ok', value: { items: [], nextAfter: null } }),
  registerPerson: async () => ({ kind: 'not-found' }),
  // Recording meetings (recording-gateway.ts)
  recordingVocabulary: { committeeKinds: ['scrutiny'], resolutionPartKinds: ['noted'] },
  mayRecord: async () => false,
  createCommittee: async () => ({ kind: 'forbidden', detail: 'stub' }),
  scheduleMeeting: async () => ({ kind: 'not-found' }),
  meeting: async () => ({ kind: 'not-found' }),
  recordAttendance: async () => ({ kind: 'not-found' }),
  addItem: async () => ({ kind: 'not-found' }),
  passResolution: async () => ({ kind: 'not-found' }),
  postOptions: async () => ({ kind: 'ok', value: [] }),
  assignAction: async () => ({ kind: 'not-found' }),
  approveMinutes: async () => ({ kind: 'not-found' }),
  correctResolution: async () => ({ kind: 'not-found' }),
  // Paging the long lists (console-bench): the whole log for the Word document.
  wholeActionLog: async () => ({ kind: 'not-found' }),
};

export function stubGateway(overrides: Partial<ConsoleGateway> = {}): ConsoleGateway {
  return { ...NOTHING, ...overrides };
}
