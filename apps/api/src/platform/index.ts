/** What feature modules use from the platform layer. */
export { APP_CONFIG, EVENT_STORE, SQL_DATABASE } from '#runtime';
export { EventStoreModule } from '#runtime';
export {
  currentRequestContext,
  eventMetadata,
  setCurrentActor,
  ROLES,
  type Actor,
  type RequestContext,
  type Role,
} from './request-context.js';
export { AnswersETag, expectedVersionFrom, IfMatchVersion, etagFor } from './if-match.js';
export { ProblemException, problemType, type FieldError, type Problem } from './problems/problem.js';
export { RequestValidationError } from './validation/request-validation.error.js';
export { HealthRegistry, type HealthCheck, type HealthCheckResult } from '#runtime';
export { API_PREFIX } from './http/api-prefix.js';
export type { HttpRequest, HttpResponse } from './http/http-types.js';
export { apiMigrations, API_MIGRATIONS_TABLE } from './database/api-migrations.js';
export { UuidParam } from './validation/uuid-param.js';
export { Sends } from './contract/sends.js';
