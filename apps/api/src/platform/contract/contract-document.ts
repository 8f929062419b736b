import type { OpenAPIObject } from '@nestjs/swagger';
import { honoursIdempotencyKey } from '../idempotency/idempotency.interceptor.js';
import { recordNameOf } from '../validation/uuid-param.js';
import { exampleProblem, PROBLEM_SCHEMA } from './problem-catalogue.js';
import type { RouteFacts } from './route-facts.js';
import { refusalsOf } from './sends.js';

type Json = Record<string, unknown>;
type Operation = Json & {
  operationId?: string;
  parameters?: Json[];
  requestBody?: Json;
  responses: Record<string, Json>;
  security?: Json[];
};

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;
const PROBLEM_REF = { $ref: '#/components/schemas/Problem' };
const EXAMPLE_UUID = '0b6f1c2e-8d4a-4f3b-9c1d-2e5f7a9b0c3d';

export const IDEMPOTENCY_KEY_PARAMETER = {
  name: 'Idempotency-Key',
  in: 'header',
  required: false,
  description:
    'Runs this POST at most once per caller and key: a retry with the same body gets the first answer again (with ' +
    '`Idempotent-Replay: true`) and writes nothing; the same key with another body is 422 idempotency-key-reused',
  schema: { type: 'string', minLength: 1, maxLength: 255 },
  example: '7f7d0a52-1c4e-4d8e-9a57-2b8f3c6e1d90',
};

export const IF_MATCH_PARAMETER = {
  name: 'If-Match',
  in: 'header',
  required: false,
  description: 'Apply only at this version (the ETag of the resource, or the `version` a command answered); 412 when it moved',
  schema: { type: 'string' },
  example: '"3"',
};

const ETAG_HEADER = { description: 'The version of the resource, as If-Match takes it', schema: { type: 'string', example: '"3"' } };
const REPLAY_HEADER = {
  description: '`true` when the answer is a replay of an earlier request with the same Idempotency-Key',
  schema: { type: 'string', example: 'true' },
};

interface ErrorResponse {
  readonly status: number;
  readonly description: string;
  readonly codes: readonly string[];
}

/**
 * Completes the document Nest builds from the decorators with what the platform does for every route, read from
 * each route's own declarations (route-facts.ts): the Idempotency-Key and If-Match headers where they are honoured,
 * ETag where it is answered, UUID path parameters, who may call, and each error response with its problem types.
 */
export function describeContract(document: OpenAPIObject, facts: ReadonlyMap<string, RouteFacts>): OpenAPIObject {
  const schemas = (document.components ??= {}).schemas ?? {};
  document.components.schemas = { ...schemas, Problem: PROBLEM_SCHEMA as unknown as Json };
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const operation = (item as Record<string, Operation | undefined>)[method];
      const route = operation?.operationId ? facts.get(operation.operationId) : undefined;
      if (operation && route) describeOperation(document, path, method, operation, route);
    }
  }
  return document;
}

function describeOperation(document: OpenAPIObject, path: string, method: string, operation: Operation, route: RouteFacts): void {
  const parameters = (operation.parameters ??= []);
  const idempotent = honoursIdempotencyKey(method, path);
  for (const { name, record } of route.uuidParams) {
    const parameter = parameters.find((candidate) => candidate.in === 'path' && candidate.name === name);
    if (!parameter) continue;
    parameter.schema = { type: 'string', format: 'uuid' };
    parameter.example = EXAMPLE_UUID;
    parameter.description ??= `The ${record.replace(/-/g, ' ')}'s id (a UUID)`;
  }
  if (idempotent) upsertHeader(parameters, IDEMPOTENCY_KEY_PARAMETER);
  if (route.readsIfMatch) upsertHeader(parameters, IF_MATCH_PARAMETER);
  if (route.access.kind === 'public') operation.security = [{}, { bearer: [] }];
  const callers = whoMayCall(route);
  operation['x-roles'] = route.access.kind === 'restricted' ? [...route.access.roles] : [];
  operation.description = [operation.description, `Who may call: ${callers}.`].filter(Boolean).join('\n\n');

  for (const [status, response] of Object.entries(operation.responses)) {
    if (!status.startsWith('2')) continue;
    const headers = (response.headers ??= {}) as Json;
    if (route.answersETag) headers.ETag = ETAG_HEADER;
    if (idempotent) headers['Idempotent-Replay'] = REPLAY_HEADER;
    if (Object.keys(headers).length === 0) delete response.headers;
  }
  for (const error of errorResponsesOf(document, path, method, operation, route)) {
    if (operation.responses[error.status] !== undefined) continue;
    operation.responses[error.status] = {
      description: error.description,
      content: {
        'application/problem+json': {
          schema: PROBLEM_REF,
          ...(error.codes.length > 0
            ? { examples: Object.fromEntries(error.codes.map((code) => [code, { value: exampleProblem(error.status, code) }])) }
            : {}),
        },
      },
    };
  }
}

/**
 * The errors a route can answer, by what it declares: the platform's own types, and the refusals of the commands it
 * sends (@Sends). A not-found refusal is 404 when it names the record in the path, else 422, as problem-mapping does.
 */
function errorResponsesOf(document: OpenAPIObject, path: string, method: string, operation: Operation, route: RouteFacts): ErrorResponse[] {
  const isApi = path.startsWith('/api/');
  const command = method !== 'get';
  const idempotent = honoursIdempotencyKey(method, path);
  const query = (operation.parameters ?? []).filter((parameter) => parameter.in === 'query');
  const readsPosition = query.some((parameter) => parameter.name === 'minPosition');
  const pathIds = (operation.parameters ?? []).filter((parameter) => parameter.in === 'path').map((parameter) => String(parameter.name));
  const notFoundCodes = pathIds.filter((name) => name.endsWith('Id')).map((name) => `${recordOf(route, name)}-not-found`);
  const references = [
    ...bodyReferencesOf(document, operation),
    ...query.filter(isUuidParameter).map((parameter) => String(parameter.name)),
  ];
  const isPublic = route.access.kind === 'public';
  const refusals = refusalsOf(route.sends);
  const missingReferences = refusals['not-found'].filter((code) => !notFoundCodes.includes(code));

  const badRequest = [
    ...(route.hasBody || query.length > 0 || route.uuidParams.length > 0 ? ['validation-failed'] : []),
    ...(route.hasBody ? ['malformed-json'] : []),
    ...(route.readsIfMatch ? ['invalid-if-match'] : []),
    ...(idempotent ? ['invalid-idempotency-key'] : []),
    ...(readsPosition ? ['position-not-written'] : []),
  ];
  const responses: (ErrorResponse | false)[] = [
    badRequest.length > 0 && {
      status: 400,
      description: 'The request is malformed: `errors` names each field (a missing one "is required") or the path parameter',
      codes: badRequest,
    },
    {
      status: 401,
      description: isPublic
        ? 'A token was sent and does not verify (no token is needed here)'
        : 'No token, or one that does not verify; WWW-Authenticate says why',
      codes: ['unauthorized'],
    },
    !isPublic && {
      status: 403,
      description: 'The token verifies but its roles (or post) may not do this, or not with these values',
      codes: ['forbidden', ...refusals.forbidden],
    },
    notFoundCodes.length > 0 && {
      status: 404,
      description: 'The id in the path names no record',
      codes: [...new Set(notFoundCodes)],
    },
    command && {
      status: 409,
      description:
        'The record is not in a state that allows this (the type names the rule; each this route can answer is an example), ' +
        'or it changed concurrently and retries ran out',
      codes: [...refusals.conflict, 'concurrency-conflict', ...(idempotent ? ['idempotency-in-progress'] : [])],
    },
    route.readsIfMatch && {
      status: 412,
      description: 'If-Match named a version the record has moved past',
      codes: ['precondition-failed'],
    },
    route.hasBody && { status: 413, description: 'The body is larger than 256 KiB', codes: ['payload-too-large'] },
    route.hasBody && { status: 415, description: 'The body is not JSON', codes: ['unsupported-media-type'] },
    (command || references.length > 0) && {
      status: 422,
      description:
        (references.length > 0 ? `A reference names no record (${references.join(', ')}): the type is \`<record>-not-found\`; ` : '') +
        'or the request breaks a rule of the record (the type names the rule, `details` its facts; each this route can ' +
        'answer is an example)',
      codes: [...refusals.invalid, ...missingReferences, ...(idempotent ? ['idempotency-key-reused'] : [])],
    },
    {
      status: 429,
      description: 'Too many refused tokens from this address; Retry-After says when to try again',
      codes: ['too-many-failed-authentications'],
    },
    {
      status: 503,
      description: 'A dependency cannot answer now; Retry-After says when to try again',
      codes: [...(isApi ? ['store-unavailable'] : []), ...(readsPosition ? ['projection-behind'] : []), 'authentication-unavailable'],
    },
  ];
  return responses.filter((response): response is ErrorResponse => response !== false);
}

function whoMayCall({ access }: RouteFacts): string {
  switch (access.kind) {
    case 'public':
      return 'anyone, without a token';
    case 'undeclared':
      return 'nobody (the route declares no access rule)';
    case 'restricted': {
      const owner = access.ownerOfAction
        ? [
            access.ownerOfAction.in === 'metric-snapshot'
              ? "an officer holding the post that owns the snapshot's action"
              : 'an officer holding the post that owns the action',
          ]
        : [];
      return [...access.roles, ...owner].join(', ');
    }
  }
}

function recordOf(route: RouteFacts, name: string): string {
  return route.uuidParams.find((param) => param.name === name)?.record ?? recordNameOf(name);
}

/** The body's fields (nested too) that hold the id of another record: `format: uuid`, other than the new record's own `id`. */
function bodyReferencesOf(document: OpenAPIObject, operation: Operation): string[] {
  const content = (operation.requestBody?.content ?? {}) as Record<string, { schema?: Json }>;
  const found = new Set<string>();
  const seen = new Set<unknown>();
  const visit = (schema: Json | undefined): void => {
    if (!schema || seen.has(schema)) return;
    seen.add(schema);
    const ref = schema.$ref;
    if (typeof ref === 'string') return visit(resolve(document, ref));
    for (const [name, property] of Object.entries((schema.properties ?? {}) as Record<string, Json>)) {
      if (property.format === 'uuid' && name !== 'id') found.add(name);
      visit(property);
    }
    visit(schema.items as Json | undefined);
  };
  for (const media of Object.values(content)) visit(media.schema);
  return [...found];
}

function resolve(document: OpenAPIObject, ref: string): Json | undefined {
  const name = ref.replace('#/components/schemas/', '');
  return document.components?.schemas?.[name] as Json | undefined;
}

function isUuidParameter(parameter: Json): boolean {
  return (parameter.schema as Json | undefined)?.format === 'uuid';
}

function upsertHeader(parameters: Json[], header: Json): void {
  const at = parameters.findIndex(
    (parameter) => parameter.in === 'header' && String(parameter.name).toLowerCase() === String(header.name).toLowerCase(),
  );
  if (at >= 0) parameters[at] = header;
  else parameters.push(header);
}
