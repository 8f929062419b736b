import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { commandRefusals, type Refusals } from '#domain';
import type request from 'supertest';
import { routeFactsOf, type RouteFacts } from '../../src/platform/contract/route-facts.js';
import { honoursIdempotencyKey } from '../../src/platform/idempotency/idempotency.interceptor.js';
import { problemType } from '../../src/platform/problems/problem.js';
import { isCalendarDate, isInstant } from '../../src/features/shared/validators.js';
import { bearer } from '../support/auth.js';
import { startFeatureApp, type FeatureApp } from '../features/support/feature-app.js';
import { ENDPOINTS, type MatrixEndpoint, type MatrixRequest } from '../auth/support/role-matrix.table.js';
import { MATRIX_PEOPLE, seedMatrixWorld, Setup, type MatrixWorld } from '../auth/support/role-matrix.world.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the document is walked as the untyped JSON it is
type Json = Record<string, any>;

interface DocumentedOperation {
  readonly key: string;
  readonly method: string;
  readonly path: string;
  readonly operation: Json;
  readonly route: RouteFacts;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const UUID_INSIDE = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
const ADMIN = bearer(MATRIX_PEOPLE.admin, ['admin']);

const headerParameter = (op: Json, name: string): Json | undefined =>
  (op.parameters ?? []).find((p: Json) => p.in === 'header' && String(p.name).toLowerCase() === name.toLowerCase());
const successOf = (op: Json): Json => Object.entries(op.responses as Json).find(([status]) => status.startsWith('2'))![1];
const documentsETag = (op: Json): boolean => successOf(op).headers?.ETag !== undefined;
const problemExamples = (op: Json, status: number): string[] =>
  Object.keys(op.responses[String(status)]?.content?.['application/problem+json']?.examples ?? {});

/**
 * Walks /docs-json and checks each operation against what the platform does for that route: the expectations
 * come from the routes' own declarations (route-facts.ts) and, for headers and errors, from real requests.
 */
describe('the OpenAPI document is the contract', () => {
  let f: FeatureApp;
  let setup: Setup;
  let w: MatrixWorld;
  let doc: Json;
  let operations: DocumentedOperation[];

  beforeAll(async () => {
    f = await startFeatureApp({ env: { PUBLIC_ACTION_LOG: 'true', AUTH_FAILURES_PER_MINUTE: '100000' } });
    setup = new Setup(f);
    w = await seedMatrixWorld(f, setup);
    await f
      .http()
      .get(`/api/v1/posts/${w.postId}`)
      .query({ minPosition: String(w.position) })
      .expect(200);
    doc = (await f.anonymous().get('/docs-json').expect(200)).body;
    const facts = routeFactsOf(f.app);
    operations = Object.entries(doc.paths as Json).flatMap(([path, item]) =>
      Object.entries(item as Json)
        .filter(([method]) => ['get', 'post', 'put', 'patch', 'delete'].includes(method))
        .map(([method, operation]) => ({
          key: `${method.toUpperCase()} ${path}`,
          method,
          path,
          operation: operation as Json,
          route: facts.get((operation as Json).operationId)!,
        })),
    );
  });
  afterAll(() => f?.close());

  /** The operations for which `broken` says something, with what it says: expected to be none. */
  const violations = (broken: (o: DocumentedOperation) => string | false | undefined): string[] =>
    operations.flatMap((o) => {
      const why = broken(o);
      return why ? [`${o.key}: ${why}`] : [];
    });

  it('documents every route of the application, each operation naming its route', () => {
    expect(violations((o) => o.route === undefined && `operationId ${o.operation.operationId} is no route`)).toEqual([]);
    const documented = new Set(operations.map((o) => o.operation.operationId));
    expect([...routeFactsOf(f.app).keys()].filter((id) => !documented.has(id))).toEqual([]);
  });

  it('documents Idempotency-Key on exactly the operations the idempotency interceptor honours', () => {
    expect(
      violations(
        (o) =>
          (headerParameter(o.operation, 'Idempotency-Key') !== undefined) !== honoursIdempotencyKey(o.method, o.path) && 'Idempotency-Key',
      ),
    ).toEqual([]);
  });

  it('documents If-Match and 412 on exactly the operations whose route reads If-Match', () => {
    expect(
      violations((o) => {
        const documented = headerParameter(o.operation, 'If-Match') !== undefined && o.operation.responses['412'] !== undefined;
        return documented !== o.route.readsIfMatch && `If-Match documented ${documented}, read ${o.route.readsIfMatch}`;
      }),
    ).toEqual([]);
  });

  it('documents ETag on the answer of exactly the operations whose route answers one', () => {
    expect(violations((o) => documentsETag(o.operation) !== o.route.answersETag && 'ETag')).toEqual([]);
  });

  it('documents the error responses each operation can answer, as application/problem+json', () => {
    expect(
      violations((o) => {
        const isPublic = o.route.access.kind === 'public';
        const pathIds = (o.operation.parameters ?? []).filter((p: Json) => p.in === 'path' && /Id$/.test(p.name));
        const expected: [number, boolean][] = [
          [400, o.route.hasBody || o.route.uuidParams.length > 0],
          [401, true],
          [403, !isPublic],
          [404, pathIds.length > 0],
          [409, o.method !== 'get'],
          [412, o.route.readsIfMatch],
          [413, o.route.hasBody],
          [422, o.route.hasBody],
          [429, true],
          [503, true],
        ];
        const missing = expected.filter(([status, applies]) => applies && o.operation.responses[String(status)] === undefined);
        const surplus = [403, 412].filter((status) => !expected.find(([s]) => s === status)![1] && o.operation.responses[String(status)]);
        return (missing.length > 0 || surplus.length > 0) && `missing ${missing.map(([s]) => s).join(',')} surplus ${surplus.join(',')}`;
      }),
    ).toEqual([]);
  });

  it('gives every error response the Problem schema and examples whose type and status are its own', () => {
    expect(
      violations((o) => {
        const wrong = Object.entries(o.operation.responses as Json)
          .filter(([status]) => Number(status) >= 400)
          .filter(([status, response]) => {
            const media = response.content?.['application/problem+json'];
            if (o.path === '/health' && status === '503') return false; // the readiness report itself, not a problem
            if (media?.schema?.$ref !== '#/components/schemas/Problem') return true;
            return Object.entries((media.examples ?? {}) as Json).some(
              ([code, example]) => example.value.type !== problemType(code) || example.value.status !== Number(status),
            );
          });
        return wrong.length > 0 && `bad problem responses ${wrong.map(([s]) => s).join(',')}`;
      }),
    ).toEqual([]);
  });

  it('documents each UUID path parameter as a UUID, and public operations as callable without a token', () => {
    expect(
      violations((o) =>
        o.route.uuidParams
          .filter(
            ({ name }) => (o.operation.parameters as Json[]).find((p) => p.in === 'path' && p.name === name)?.schema?.format !== 'uuid',
          )
          .map(({ name }) => name)
          .join(','),
      ),
    ).toEqual([]);
    expect(
      violations(
        (o) =>
          (o.route.access.kind === 'public') !== (o.operation.security ?? []).some((s: Json) => Object.keys(s).length === 0) && 'security',
      ),
    ).toEqual([]);
  });

  it('declares the domain commands each command route sends, and some route sends each command but the notice recorder', () => {
    const commands = operations.filter((o) => o.method !== 'get' && o.path.startsWith('/api/'));
    expect(violations((o) => commands.includes(o) && (o.route.sends?.commands ?? []).length === 0 && 'sends no command')).toEqual([]);
    const sent = new Set(commands.flatMap((o) => o.route.sends?.commands ?? []));
    expect(Object.keys(commandRefusals).filter((type) => !sent.has(type as keyof typeof commandRefusals))).toEqual(['RecordActionNotice']);
  });

  it("lists each refusal of the commands a route sends: conflicts under 409, rules and references under 422, as the route's own", () => {
    expect(
      violations((o) => {
        const refusals: Refusals[] = [
          ...(o.route.sends?.commands ?? []).map((type) => commandRefusals[type]),
          o.route.sends?.alsoRefuses ?? {},
        ];
        const of = (kind: keyof Refusals): string[] => refusals.flatMap((r) => r[kind] ?? []);
        const unlisted = [
          ...of('conflict')
            .filter((code) => !problemExamples(o.operation, 409).includes(code))
            .map((code) => `409 ${code}`),
          ...of('invalid')
            .filter((code) => !problemExamples(o.operation, 422).includes(code))
            .map((code) => `422 ${code}`),
          ...of('forbidden')
            .filter((code) => !problemExamples(o.operation, 403).includes(code))
            .map((code) => `403 ${code}`),
          ...of('not-found')
            .filter((code) => !problemExamples(o.operation, 404).includes(code) && !problemExamples(o.operation, 422).includes(code))
            .map((code) => `404/422 ${code}`),
        ];
        return unlisted.length > 0 && `unlisted ${unlisted.join(', ')}`;
      }),
    ).toEqual([]);
  });

  it('lists each refusal a command handler raises itself under its status on some route', () => {
    const features = fileURLToPath(new URL('../../src/features', import.meta.url));
    const handlers = readdirSync(features, { recursive: true, encoding: 'utf8' }).filter((file) => /\.commands?\.ts$/.test(file));
    const raised = handlers.flatMap((file) =>
      [...readFileSync(join(features, file), 'utf8').matchAll(/\b(conflict|invalid)\(\s*'([a-z0-9-]+)'/g)].map(
        ([, kind, code]) => `${kind === 'conflict' ? 409 : 422} ${code}`,
      ),
    );
    const listed = new Set(
      operations.flatMap((o) => [409, 422].flatMap((status) => problemExamples(o.operation, status).map((code) => `${status} ${code}`))),
    );
    expect(raised).toContain('422 recommendation-source-required');
    expect(raised.filter((refusal) => !listed.has(refusal))).toEqual([]);
  });

  it('names who may call each operation: its roles, or anyone without a token', () => {
    expect(
      violations((o) => {
        const description = String(o.operation.description ?? '');
        if (o.route.access.kind === 'public') return !description.includes('Who may call: anyone, without a token') && 'public not said';
        if (o.route.access.kind !== 'restricted') return 'no access rule';
        const roles = o.route.access.roles;
        const unnamed = roles.filter((role) => !description.includes(role));
        return (
          (unnamed.length > 0 || JSON.stringify(o.operation['x-roles']) !== JSON.stringify(roles)) && `roles ${unnamed.join(',')} unnamed`
        );
      }),
    ).toEqual([]);
  });

  it('describes /health, /health/live and /metrics', () => {
    for (const path of ['/health', '/health/live', '/metrics']) {
      const operation = doc.paths[path]?.get;
      expect({ path, summary: typeof operation?.summary }).toEqual({ path, summary: 'string' });
      expect(Object.keys(operation.responses['200'].content ?? {})).not.toHaveLength(0);
    }
  });

  it('gives only valid values as examples: UUIDs for ids, real dates and instants', () => {
    const bad: string[] = [];
    const check = (node: unknown, where: string, name?: string): void => {
      if (Array.isArray(node)) return node.forEach((item, i) => check(item, `${where}/${i}`));
      if (typeof node !== 'object' || node === null) return;
      const value = node as Json;
      const format = value.format ?? value.schema?.format;
      const label = name ?? value.name;
      if ('example' in value && typeof value.example === 'string') {
        const example = value.example;
        if (format === 'uuid' && !UUID.test(example)) bad.push(`${where}: ${example} is not a UUID`);
        if (format === 'date' && !isCalendarDate(example)) bad.push(`${where}: ${example} is not a date`);
        if (format === 'date-time' && !isInstant(example)) bad.push(`${where}: ${example} is not an instant`);
        if (typeof label === 'string' && /(^id|Id)$/.test(label) && !UUID_INSIDE.test(example))
          bad.push(`${where}: ${example} holds no UUID`);
      }
      for (const [key, child] of Object.entries(value)) {
        if (key === 'properties')
          for (const [property, schema] of Object.entries(child as Json)) check(schema, `${where}/${property}`, property);
        else if (key !== 'example') check(child, `${where}/${key}`);
      }
    };
    check(doc, '#');
    expect(bad).toEqual([]);
  });

  describe('what the platform does, for every endpoint of the role matrix', () => {
    const send = (endpoint: MatrixEndpoint, req: MatrixRequest, headers: Record<string, string>): Promise<request.Response> => {
      let call = f.anonymous()[endpoint.method](req.path).set(headers);
      if (req.query) call = call.query(req.query);
      return req.body === undefined ? call : call.send(req.body);
    };
    const documented = (endpoint: MatrixEndpoint): DocumentedOperation =>
      operations.find((o) => o.method === endpoint.method && o.path === endpoint.path)!;
    /** The path with each `{name}` of the template replaced. */
    const pathWith = (template: string, actual: string, name: string, value: string): string => {
      const at = template.split('/').indexOf(`{${name}}`);
      return actual
        .split('/')
        .map((segment, i) => (i === at ? value : segment))
        .join('/');
    };

    it.each(ENDPOINTS.map((e) => [`${e.method.toUpperCase()} ${e.path}`, e] as const))(
      '%s answers ETag exactly when documented, with a documented status',
      async (_key, endpoint) => {
        const res = await send(endpoint, await endpoint.request(w, setup, ADMIN), ADMIN);
        const o = documented(endpoint);
        expect({
          status: res.status,
          documented: o.operation.responses[String(res.status)] !== undefined,
          etag: res.headers.etag !== undefined,
        }).toEqual({
          status: endpoint.success,
          documented: true,
          etag: documentsETag(o.operation),
        });
      },
    );

    it.each(ENDPOINTS.filter((e) => e.method !== 'get').map((e) => [`${e.method.toUpperCase()} ${e.path}`, e] as const))(
      '%s reads If-Match and Idempotency-Key exactly when documented',
      async (_key, endpoint) => {
        const o = documented(endpoint);
        const ifMatch = await send(endpoint, await endpoint.request(w, setup, ADMIN), { ...ADMIN, 'If-Match': 'not a version' });
        const key = await send(endpoint, await endpoint.request(w, setup, ADMIN), { ...ADMIN, 'Idempotency-Key': 'k'.repeat(300) });
        expect({
          ifMatch: ifMatch.body.type === problemType('invalid-if-match'),
          key: key.body.type === problemType('invalid-idempotency-key'),
        }).toEqual({
          ifMatch: headerParameter(o.operation, 'If-Match') !== undefined,
          key: headerParameter(o.operation, 'Idempotency-Key') !== undefined,
        });
      },
    );

    /** Whether the document lists the answer: its success, or its problem type under its status. */
    const listsAnswer = (o: DocumentedOperation, res: request.Response): boolean =>
      res.status < 300
        ? o.operation.responses[String(res.status)] !== undefined
        : problemExamples(o.operation, res.status).map(problemType).includes(res.body.type);

    it.each(ENDPOINTS.filter((e) => e.method !== 'get').map((e) => [`${e.method.toUpperCase()} ${e.path}`, e] as const))(
      '%s answers the same request again with its success or a refusal the document lists under that status',
      async (_key, endpoint) => {
        const req = await endpoint.request(w, setup, ADMIN);
        const first = await send(endpoint, req, ADMIN);
        const again = await send(endpoint, req, ADMIN);
        const listed = listsAnswer(documented(endpoint), again);
        expect({ first: first.status, listed: listed || `${again.status} ${String(again.body?.type)}` }).toEqual({
          first: endpoint.success,
          listed: true,
        });
      },
    );

    const post = (path: string, body: object): request.Test => f.anonymous().post(`/api/v1${path}`).set(ADMIN).send(body);
    const REFUSALS: readonly (readonly [route: string, status: number, code: string, refused: () => Promise<request.Response>])[] = [
      [
        '/actions/{actionId}/completion',
        409,
        'action-not-open',
        async () => post(`/actions/${await setup.completedAction(w)}/completion`, { outcome: 'Again' }),
      ],
      [
        '/actions/{actionId}/reopen',
        409,
        'action-not-reopenable',
        async () => post(`/actions/${await setup.action(w)}/reopen`, { reason: 'Disputed' }),
      ],
      [
        '/recommendations/{recommendationId}/response-publication',
        409,
        'recommendation-not-responded',
        async () => post(`/recommendations/${await setup.recommendation(w, 'sent')}/response-publication`, { publishedOn: '2017-02-02' }),
      ],
      [
        '/recommendations/{recommendationId}/sending',
        422,
        'received-on-before-date-made',
        async () => post(`/recommendations/${await setup.recommendation(w, 'made')}/sending`, { receivedOn: '2017-01-02' }),
      ],
      [
        '/recommendations',
        422,
        'committee-not-found',
        () =>
          post('/recommendations', {
            committeeId: randomUUID(),
            reportRef: 'Ref: 8',
            reference: randomUUID().slice(0, 8),
            text: 'That the Executive fund it',
            decisionMaker: { kind: 'executive', name: 'the Executive' },
            madeOn: '2017-01-16',
          }),
      ],
      [
        '/actions',
        422,
        'owner-post-not-found',
        () =>
          post('/actions', {
            resolutionId: w.resolutionId,
            partLabel: '(ii)',
            title: 'Collate',
            ownerPostId: randomUUID(),
            dueDate: '2017-02-15',
          }),
      ],
    ];

    it.each(REFUSALS)('POST %s answers %d %s, and the document lists that type under that status', async (route, status, code, refused) => {
      const res = await refused();
      const o = operations.find((candidate) => candidate.method === 'post' && candidate.path === `/api/v1${route}`)!;
      expect({ status: res.status, type: res.body.type, listed: problemExamples(o.operation, status).includes(code) }).toEqual({
        status,
        type: problemType(code),
        listed: true,
      });
    });

    const withUuidParams = () => ENDPOINTS.filter((e) => /\{\w+Id\}/.test(e.path) && e.path !== '/api/v1/audit/streams/{streamId}');

    it.each(withUuidParams().map((e) => [`${e.method.toUpperCase()} ${e.path}`, e] as const))(
      '%s answers 404 with a documented type for an unknown path id, and 400 naming a malformed one',
      async (_key, endpoint) => {
        const o = documented(endpoint);
        const names = [...endpoint.path.matchAll(/\{(\w+Id)\}/g)].map((match) => match[1]!);
        expect(o.route.uuidParams.map((param) => param.name).sort()).toEqual([...names].sort());
        for (const name of names) {
          const req = await endpoint.request(w, setup, ADMIN);
          const unknown = await send(endpoint, { ...req, path: pathWith(endpoint.path, req.path, name, randomUUID()) }, ADMIN);
          expect({
            name,
            status: unknown.status,
            documented: problemExamples(o.operation, 404).map(problemType).includes(unknown.body.type),
          }).toEqual({
            name,
            status: 404,
            documented: true,
          });
          const malformed = await send(endpoint, { ...req, path: pathWith(endpoint.path, req.path, name, 'not-a-uuid') }, ADMIN);
          expect({ status: malformed.status, errors: malformed.body.errors }).toEqual({
            status: 400,
            errors: [{ field: name, message: `${name} must be a UUID` }],
          });
        }
      },
    );
  });
});
