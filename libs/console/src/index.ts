/** The web console: GOV.UK pages served beside the API, over a gateway the serving app provides. */
export { consoleMiddleware, type ConsoleMiddleware, type ConsoleOptions } from './console.js';
export {
  CONSOLE_GATEWAY,
  CONSOLE_PAGE_SIZE,
  type ActionHistoryEntry,
  type ActionPage,
  type CommandResult,
  type CompletionInput,
  type ConsoleCaller,
  type ConsoleGateway,
  type ConsolePerson,
  type DirectoryEntry,
  type FieldProblem,
  type MyQueue,
  type ProgressInput,
  type QueueItem,
  type Read,
  type Refusal,
} from './console-gateway.js';
/** The renderer, the pagination links and the log's statuses, for the web benchmark to time a page's render alone. */
export { createRenderer, type Renderer } from './render.js';
export { paginationOf, type Pagination } from './pagination.js';
export { LOG_STATUSES } from './pages/scrutiny.js';
export { ABSOLUTE_TIMEOUT_MS, IDLE_TIMEOUT_MS, SESSION_COOKIE, sessionCookie, SessionStore } from './sessions.js';
export type { Account, AccountGateway, CalendarFeedAddress, EmailPreferences } from './account-gateway.js';
export type {
  AuditEntriesPage,
  AuditEntry,
  AuditGateway,
  AuditSearch,
  AuditSearchResult,
  RecordAsOf,
  StreamEntries,
  VerifyOutcome,
} from './audit-gateway.js';
export { actionLogDocx, ACTION_LOG_COLUMNS, type ActionLogDocument, type ActionLogLine } from './action-log-docx.js';
export type {
  ActionLogCsv,
  ActionLogFilters,
  ActionLogPage,
  ActionLogPageRequest,
  ActionLogView,
  ChaseListEntry,
  ChaseListView,
  CommitteeEntry,
  CommitteeEscalationEntry,
  CommitteeMeetingEntry,
  CommitteePage,
  EscalationInput,
  ScrutinyGateway,
} from './scrutiny-gateway.js';
export {
  openIdConnectSignIn,
  SignInRefusedError,
  type OidcSignIn,
  type OidcSignInSettings,
  type PendingSignIn,
  type SignedInIdentity,
} from './sign-in/oidc-sign-in.js';
export type {
  ActionArisingInput,
  AttendeeInput,
  CommitteeInput,
  CreateResult,
  ItemInput,
  MeetingAction,
  MeetingInput,
  MeetingPage,
  MeetingResolution,
  PartInput,
  PostOption,
  RecordingGateway,
  RecordingVocabulary,
  ResolutionInput,
} from './recording-gateway.js';
export type { SignInGateway } from './sign-in/sign-in-gateway.js';
export type { ActionFigures, AskedMetric, FiguresInput, MetricsGateway, RecordedFigures } from './metrics-gateway.js';
export type {
  DueChange,
  ListPage,
  MeetingOption,
  NewPerson,
  NewPost,
  PersonEntry,
  PostDetail,
  PostEntry,
  StaffGateway,
} from './staff-gateway.js';
export { NAVIGATION, navigationFor, type NavigationLink } from './navigation.js';
export type {
  CallInInput,
  CycleVocabulary,
  DecisionInput,
  DecisionMakerInput,
  DecisionPage,
  DecisionRegisterPage,
  DecisionStepInput,
  FilteredRead,
  RecommendationOption,
  RecommendationPage,
  RecommendationStepInput,
  RecommendationsTrackerPage,
  RegisteredDecisionRow,
  ResponseInput,
  ScrutinyCycleGateway,
  TrackerCsv,
  TrackerFilters,
  TrackerRow,
} from './scrutiny-cycle-gateway.js';
