import type { HttpRequest } from '../support/http-client.js';
import { Random } from '../support/random.js';
import { BODY_MUTATIONS, bodyText, idFor, malformedBody, validValue, type KnownIds } from './body-cases.js';
import { anyHostile, encodeSegment, HOSTILE_DATES, HOSTILE_NUMBERS, HOSTILE_TEXT, hostileUuids } from './hostile-values.js';
import type { Operation } from './openapi-operations.js';

export interface FuzzTarget {
  readonly operations: readonly Operation[];
  readonly ids: KnownIds;
  /** Bearer tokens of every role, some holding the post that owns the known actions. */
  readonly validAuthorizations: readonly string[];
  /** Authorization headers that must not get through (undefined: none at all). */
  readonly refusedAuthorizations: readonly (string | undefined)[];
}

export interface FuzzCase {
  readonly index: number;
  readonly category: string;
  readonly request: HttpRequest;
}

const CATEGORIES = [
  'valid',
  'body',
  'body',
  'body',
  'malformed-body',
  'content-type',
  'path-param',
  'query',
  'query',
  'headers',
  'method',
] as const;
const CONTENT_TYPES = [
  undefined,
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/json; charset=latin1',
  'application/json; charset=utf-16',
  'application/merge-patch+json',
  'application/problem+json',
  'APPLICATION/JSON',
  'application/jsonx',
  'application/json, text/plain',
  '*/*',
  'application/xml',
];
const IF_MATCH = [
  '"abc"',
  '*',
  'W/"1"',
  '"-1"',
  '"1e308"',
  '"99999999999999999999"',
  '"1", "2"',
  '""',
  '"0"',
  '"3.5"',
  'garbage',
  `"${'9'.repeat(5_000)}"`,
];
const IDEMPOTENCY_KEYS = [
  '',
  ' ',
  'k'.repeat(256),
  'k'.repeat(8_000),
  'caf\u00e9',
  'key\twith tab',
  'resilience-shared-key',
  'resilience-shared-key',
];
const ODD_PATHS = [
  '/api/v1/nope',
  '/api/v2/actions',
  '/api/v1/actions/',
  '//api/v1/actions',
  '/api/v1/actions/%2e%2e/committees',
  '/api/v1/../health',
  '/api/v1/actions/%00',
  '/api/v1/%ED%A0%80',
  '/docs-json',
  '/docs',
  '/metrics',
  '/health/live',
  '/api/v1',
  '/',
  '/api/v1/actions?%zz=1',
];

/** The request numbered `index` of the run seeded `seed`: each one replays on its own from (seed, index). */
export function fuzzCase(target: FuzzTarget, seed: number, index: number): FuzzCase {
  const random = new Random((seed + index * 7_919) >>> 0 || 1);
  const operation = random.pick(target.operations);
  const category = random.pick(CATEGORIES);
  // Mostly valid tokens, or the requests would mostly test authentication, not what lies behind it.
  const authorization = random.chance(0.75) ? random.pick(target.validAuthorizations) : random.pick(target.refusedAuthorizations);
  const headers: Record<string, string> = authorization === undefined ? {} : { Authorization: authorization };
  const path = (hostileParam?: string) =>
    operation.path.replace(/\{([^}]+)\}/g, (_whole, name: string) =>
      encodeSegment(hostileParam !== undefined && name === operation.pathParams.at(-1) ? hostileParam : idFor(name, target.ids, random)),
    );
  const withBody = (body: string | Buffer, contentType: string | undefined = 'application/json'): HttpRequest => ({
    method: operation.method,
    path: path(),
    body,
    headers: { ...headers, ...(contentType ? { 'Content-Type': contentType } : {}) },
  });
  const plain = (method = operation.method, url = path()): HttpRequest => ({ method, path: url, headers });
  const request = ((): HttpRequest => {
    switch (category) {
      case 'valid':
        return operation.body
          ? withBody(bodyText(operation.body, 'valid', target.ids, random))
          : plain(operation.method, `${path()}${query(operation, target, random, false)}`);
      case 'body':
        return operation.body
          ? withBody(bodyText(operation.body, random.pick(BODY_MUTATIONS), target.ids, random))
          : withBody(JSON.stringify(anyHostile(random) ?? {}));
      case 'malformed-body':
        return withBody(malformedBody(operation.body ?? {}, target.ids, random));
      case 'content-type':
        return withBody(
          random.chance(0.5) ? bodyText(operation.body ?? {}, 'valid', target.ids, random) : 'note=hello&rag=red',
          random.pick(CONTENT_TYPES),
        );
      case 'path-param':
        return operation.pathParams.length > 0
          ? {
              ...plain(),
              path: path(random.pick([...hostileUuids(random), ...HOSTILE_TEXT.slice(0, 30), '..', '.', '%2F', 'a/b', 'x'.repeat(5_000)])),
            }
          : plain(operation.method, `${path()}/${encodeSegment(random.pick(HOSTILE_TEXT.slice(0, 30)))}`);
      case 'query':
        return {
          ...(operation.body ? withBody(bodyText(operation.body, 'valid', target.ids, random)) : plain()),
          path: `${path()}${query(operation, target, random, true)}`,
        };
      case 'headers': {
        const extra = random.pick<Record<string, string>>([
          { 'If-Match': random.pick(IF_MATCH) },
          { 'Idempotency-Key': random.pick(IDEMPOTENCY_KEYS) },
          { Accept: random.pick(['text/csv', 'application/xml', '*/*;q=0', 'text/csv;q=0.5, application/json']) },
          { 'X-Actor': '{"id":"intruder","roles":["admin"]}' },
          { 'X-Forwarded-For': '10.0.0.1, 127.0.0.1' },
          { Origin: 'https://evil.example' },
        ]);
        const base = operation.body ? withBody(bodyText(operation.body, 'valid', target.ids, random)) : plain();
        return { ...base, headers: { ...base.headers, ...extra } };
      }
      case 'method':
        return random.chance(0.5)
          ? plain(random.pick(['PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS', 'GET', 'POST']))
          : plain(random.pick(['GET', 'POST', 'DELETE']), random.pick(ODD_PATHS));
    }
  })();
  return { index, category, request };
}

/** A query string: valid values, hostile ones, repeated keys, bracket nesting, unknown names. */
function query(operation: Operation, target: FuzzTarget, random: Random, hostile: boolean): string {
  const pairs: string[] = [];
  for (const parameter of operation.query) {
    if (!random.chance(hostile ? 0.6 : 0.4)) continue;
    const name = encodeSegment(parameter.name);
    if (parameter.name === 'minPosition' && !(hostile && random.chance(0.02))) {
      pairs.push(`${name}=${random.pick(['0', '1', hostile ? '-1' : '0', hostile ? 'abc' : '1'])}`);
      continue;
    }
    if (!hostile) {
      const value = validValue(parameter.schema ?? {}, parameter.name, target.ids, random);
      pairs.push(`${name}=${encodeSegment(String(parameter.name === 'limit' ? 10 : parameter.name === 'after' ? 0 : value))}`);
      continue;
    }
    const value = String(
      random.pick<unknown>([...HOSTILE_TEXT.slice(0, 32), ...HOSTILE_NUMBERS, ...HOSTILE_DATES, ...hostileUuids(random), '99999999999999']),
    );
    switch (random.int(0, 4)) {
      case 0:
        pairs.push(`${name}=${encodeSegment(value)}&${name}=${encodeSegment(random.pick(HOSTILE_TEXT.slice(0, 10)))}`);
        break;
      case 1:
        pairs.push(`${name}[${encodeSegment(random.pick(['0', '__proto__', 'constructor', 'a']))}]=${encodeSegment(value)}`);
        break;
      case 2:
        pairs.push(name, `${name}=`);
        break;
      default:
        pairs.push(`${name}=${encodeSegment(value)}`);
    }
  }
  if (hostile && random.chance(0.2))
    pairs.push(`${encodeSegment(random.pick(['unknown', '__proto__', 'constructor[prototype][x]', '%']))}=1`);
  return pairs.length > 0 ? `?${pairs.join('&')}` : '';
}
