import type { SqlEventStore } from '#event-store';
import type { KnownIds } from './fuzz/body-cases.js';
import { fuzzCase, type FuzzTarget } from './fuzz/fuzz-requests.js';
import { judge, runFuzz, type FuzzReport } from './fuzz/fuzz-run.js';
import { slowBodies } from './fuzz/slow-bodies.js';
import { operationsOf, type OpenApiDocument, type Operation } from './fuzz/openapi-operations.js';
import { dropScenarioSchema, openScenarioStore, scenarioSchema } from './support/database.js';
import { jsonOf, send } from './support/http-client.js';
import { LocalIdentityProvider } from './support/identity-provider.js';
import { Random } from './support/random.js';
import { auditReadModels, noDifferences, untilProjectionsAtHead, type ReadModelAudit } from './support/read-model-checks.js';
import { ServiceProcess } from './support/service-process.js';
import { auditStore, type StoreAudit } from './support/store-checks.js';
import { allEvents } from '../system/projections/support/read-model-facts.js';
import { corruptValuesStored } from './fuzz/stored-values.js';
import { recordScenario, say } from './support/summary.js';
import { MONITOR, newActionBody, postCommand, seedWorld, STAFF, type CommandAck, type World } from './support/world.js';

const SCENARIO = 'hostile-input';
const REQUESTS = Number(process.env.RESILIENCE_FUZZ_REQUESTS ?? 10_500);

async function knownIds(port: number, idp: LocalIdentityProvider, world: World): Promise<KnownIds> {
  const actions: string[] = [];
  for (let n = 0; n < 4; n++) {
    const body = newActionBody(world, world.holders[n % world.holders.length] ?? world.holders[0]!, n);
    const answer = await postCommand(port, idp, STAFF, '/actions', body);
    if (answer.kind === 'answer' && answer.status === 201) actions.push(String(body.id));
  }
  const snapshot = await postCommand(port, idp, STAFF, '/metric-snapshots', {
    subject: "Children's Services",
    asOf: '2017-01-16',
    source: 'HR',
    values: [{ metric: 'vacancy-rate', value: 23.5, unit: '%' }],
  });
  return {
    action: actions,
    resolution: [world.resolutionId],
    meeting: [world.meetingId, world.laterMeetingId],
    committee: [world.committeeId],
    post: world.holders.map((holder) => holder.postId),
    person: world.holders.map((holder) => holder.officer.sub),
    snapshot: snapshot.kind === 'answer' ? [String(jsonOf<CommandAck>(snapshot)?.id)] : [],
  };
}

describe(`hostile input: ${REQUESTS} fuzzed requests generated from /docs-json, with valid tokens of each role and refused ones`, () => {
  const schema = scenarioSchema('fuzz');
  const random = Random.fromEnvironment();
  let idp: LocalIdentityProvider;
  let api: ServiceProcess;
  let store: SqlEventStore;
  let operations: Operation[];
  let report: FuzzReport;
  let healthAtEnd = 0;
  let storeAudit: StoreAudit;
  let readModels: ReadModelAudit;
  let corrupt: string[];

  beforeAll(async () => {
    say(SCENARIO, `seed ${random.seed}: RESILIENCE_SEED=${random.seed} replays every request (each is numbered: #index)`);
    idp = await LocalIdentityProvider.start();
    // Refused tokens count against the client address; from one loopback address the limit would soon refuse everything.
    api = await ServiceProcess.create({
      kind: 'api',
      name: 'res-fuzz-api',
      schema,
      env: { ...idp.environment, AUTH_FAILURES_PER_MINUTE: '1000000' },
    });
    await api.start();
    const world = await seedWorld(api.port, idp, 3);
    const docs = await send(api.port, { method: 'GET', path: '/docs-json' });
    if (docs.kind !== 'answer' || docs.status !== 200) throw new Error('GET /docs-json failed');
    operations = operationsOf(JSON.parse(docs.text) as OpenApiDocument);
    const holder = world.holders[0]!;
    const target: FuzzTarget = {
      operations,
      ids: await knownIds(api.port, idp, world),
      validAuthorizations: [
        await idp.bearer(STAFF),
        await idp.bearer(STAFF),
        await idp.bearer(holder.officer),
        await idp.bearer(holder.officer),
        await idp.bearer(MONITOR),
        await idp.bearer({ sub: 'res-member', name: 'Councillor Green', roles: ['member'] }),
        await idp.bearer({ sub: 'res-stranger', name: 'Another Officer', roles: ['officer'] }),
      ],
      refusedAuthorizations: [undefined, undefined, ...(await idp.refusedAuthorizations())],
    };
    const started = Date.now();
    const slow = slowBodies(api.port, await idp.bearer(holder.officer), target.ids.action[0] ?? random.uuid());
    report = await runFuzz(api.port, REQUESTS, 8, (index) => fuzzCase(target, random.seed, index), random.seed);
    for (const [fuzz, outcome] of await slow) judge(report, fuzz, outcome, random.seed);
    say(
      SCENARIO,
      `${report.requests} requests in ${Date.now() - started} ms; by category ${JSON.stringify(report.byCategory)}; by status ${JSON.stringify(report.byStatus)}`,
    );
    for (const violation of report.violations.slice(0, 40))
      say(SCENARIO, `VIOLATION ${violation.replace(/Bearer [\w.-]{40,}/g, 'Bearer …').slice(0, 500)}`);
    const health = await send(api.port, { method: 'GET', path: '/health' });
    healthAtEnd = health.kind === 'answer' ? health.status : 0;
    store = await openScenarioStore(schema);
    await untilProjectionsAtHead(store, 60_000);
    storeAudit = await auditStore(store, report.acknowledged);
    readModels = await auditReadModels(store);
    corrupt = corruptValuesStored(await allEvents(store));
    recordScenario({
      scenario: SCENARIO,
      requests: report.requests,
      acknowledged: storeAudit.acknowledged,
      stored: storeAudit.stored,
      serverErrors: report.serverErrors,
      unavailable: report.contracted503,
      recovery: 'n/a (no fault injected)',
    });
  }, 600_000);

  afterAll(async () => {
    await api?.stop();
    await store?.close();
    await idp?.close();
    await dropScenarioSchema(schema);
  });

  it('covered every path and method of the OpenAPI document', () => {
    expect(operations.length).toBeGreaterThanOrEqual(30);
    expect(report.requests).toBeGreaterThanOrEqual(10_000);
  });

  it('answered everything: no 5xx, no hang, and every error as application/problem+json', () => {
    expect(report.violations.slice(0, 15)).toEqual([]);
    expect({ serverErrors: report.serverErrors, notProblem: report.notProblem, noAnswer: report.noAnswer }).toEqual({
      serverErrors: 0,
      notProblem: 0,
      noAnswer: 0,
    });
  });

  it('is still alive and ready, and its store still verifies with every acknowledged command in it', () => {
    expect({
      exits: api.unexpectedExits,
      running: api.running,
      health: healthAtEnd,
      verify: storeAudit.verify,
      gaps: storeAudit.gaps,
      missing: storeAudit.missing,
    }).toEqual({
      exits: [],
      running: true,
      health: 200,
      verify: expect.objectContaining({ ok: true, checkedEvents: storeAudit.events }),
      gaps: [],
      missing: [],
    });
  });

  it('let no impossible date, NUL, lone surrogate or prototype key into the record', () => {
    expect(corrupt.slice(0, 20)).toEqual([]);
  });

  it('projected whatever hostile text it accepted exactly as a rebuild from zero does', () => {
    expect(readModels.differences).toEqual(noDifferences());
    expect(readModels.facts.auditRows).toBe(storeAudit.events);
  });
});
