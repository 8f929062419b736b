import { problemType, titleFor, type ProblemBody } from '../problems/problem.js';

/** What each problem type the platform itself answers means; a rule's own types are named by the domain. */
const PLATFORM_DETAILS: Readonly<Record<string, string>> = {
  'validation-failed': 'title is required',
  'malformed-json': 'The request body is not valid JSON (a top-level object or array is required)',
  'invalid-if-match': 'If-Match must be one entity tag holding a version, like "3"',
  'invalid-idempotency-key': 'Idempotency-Key must be 1-255 printable ASCII characters, sent once',
  'position-not-written': 'No event has been written at position 90 (the last is at 42); pass the position a command answered',
  unauthorized: 'Send Authorization: Bearer <token>',
  forbidden: 'Only scrutiny, admin may do this',
  'concurrency-conflict': 'The resource was changed concurrently; it is now at version 4',
  'idempotency-in-progress': 'A request with this Idempotency-Key is still being processed; retry shortly',
  'duplicate-event-id': 'An event with this id was already recorded with different content',
  'precondition-failed': 'If-Match did not match: the resource is at version 4',
  'payload-too-large': 'The request body is larger than the 256 KiB limit',
  'unsupported-media-type': 'Send the body as application/json (got "text/plain")',
  'idempotency-key-reused': 'This Idempotency-Key was already used for a different request',
  'too-many-failed-authentications': 'Too many refused tokens from this address; try again in 30 s',
  'store-unavailable': 'The event store is unavailable; try again shortly',
  'projection-behind': 'The read models have not reached position 90 yet; retry shortly',
  'authentication-unavailable': "The identity provider's signing keys could not be fetched; try again shortly",
};

/** An example body of this type, as the problem filter would send it. */
export function exampleProblem(status: number, code: string, detail?: string): ProblemBody {
  return {
    type: problemType(code),
    title: titleFor(code),
    status,
    detail: detail ?? PLATFORM_DETAILS[code] ?? titleFor(code),
    ...(code === 'validation-failed' ? { errors: [{ field: 'title', message: 'title is required' }] } : {}),
  };
}

/** components.schemas.Problem: RFC 9457 with this service's extension members. */
export const PROBLEM_SCHEMA = {
  type: 'object',
  description: 'RFC 9457 problem details; `type` ends with the rule that refused (https://actiontrail.dev/problems/<rule>)',
  required: ['type', 'title', 'status', 'detail'],
  properties: {
    type: { type: 'string', format: 'uri', example: problemType('validation-failed') },
    title: { type: 'string', example: titleFor('validation-failed') },
    status: { type: 'integer', example: 400 },
    detail: { type: 'string', description: 'What to fix', example: 'title is required' },
    errors: {
      type: 'array',
      description: 'One entry per field that failed validation',
      items: {
        type: 'object',
        required: ['field', 'message'],
        properties: {
          field: { type: 'string', example: 'parts.0.text' },
          message: { type: 'string', example: 'parts.0.text is required' },
        },
      },
    },
    details: { type: 'object', additionalProperties: true, description: "The rule's facts, e.g. the id that names no record" },
    currentVersion: { type: 'integer', description: 'With 409 concurrency-conflict and 412 precondition-failed' },
    reason: { type: 'string', description: 'With 401: why the token was refused' },
  },
} as const;
