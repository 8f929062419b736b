import { allProjections } from '#projections';
import type { SqlEventStore } from '#event-store';
import { CommandLoad, ORDINARY_STATUSES, type TrackedAction } from './support/command-load.js';
import { dropScenarioSchema, openScenarioStore, scenarioSchema } from './support/database.js';
import { jsonOf } from './support/http-client.js';
import { LocalIdentityProvider } from './support/identity-provider.js';
import type { LoadReport } from './support/load-report.js';
import { Random } from './support/random.js';
import { auditReadModels, noDifferences, untilProjectionsAtHead, type ReadModelAudit } from './support/read-model-checks.js';
import { ServiceProcess } from './support/service-process.js';
import { auditStore, type StoreAudit } from './support/store-checks.js';
import { recordScenario, say } from './support/summary.js';
import { newActionBody, postCommand, seedWorld, STAFF, type CommandAck } from './support/world.js';

const SCENARIO = 'several-instances';
const LOAD_MS = 45_000;
const KILL_AT_MS = 15_000;
/** Few actions for many commands: both apis keep writing to the same streams. */
const SHARED_ACTIONS = 12;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(what: string, condition: () => boolean, timeoutMs: number): Promise<number> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error(`no ${what} within ${timeoutMs} ms`);
    await sleep(50);
  }
  return Date.now() - started;
}

describe('several instances: two apis and two projectors on one database, the leading projector SIGKILLed mid-run', () => {
  const schema = scenarioSchema('multi');
  const random = Random.fromEnvironment();
  const projectionNames = allProjections.map((projection) => projection.name);
  let idp: LocalIdentityProvider;
  let apis: ServiceProcess[];
  let projectors: ServiceProcess[];
  let killed: ServiceProcess;
  let survivor: ServiceProcess;
  let store: SqlEventStore;
  let report: LoadReport;
  let storeAudit: StoreAudit;
  let readModels: ReadModelAudit;
  let takeoverMs = 0;

  beforeAll(async () => {
    say(SCENARIO, `seed ${random.seed}`);
    idp = await LocalIdentityProvider.start();
    apis = await Promise.all(
      ['a', 'b'].map((n) =>
        ServiceProcess.create({ kind: 'api', name: `res-multi-api-${n}`, schema, env: { ...idp.environment, PROJECTIONS: 'off' } }),
      ),
    );
    // Batches that linger before they commit make it likely that the kill lands inside one.
    projectors = await Promise.all(
      ['a', 'b'].map((n) =>
        ServiceProcess.create({ kind: 'projector', name: `res-multi-projector-${n}`, schema, env: { PROJECTION_BATCH_DELAY_MS: '25' } }),
      ),
    );
    // One first, so it creates the tables alone; the rest together.
    await apis[0]!.start();
    await Promise.all([apis[1]!.start(), ...projectors.map((projector) => projector.start())]);
    const world = await seedWorld(apis[0]!.port, idp, 2);
    const actions: TrackedAction[] = [];
    for (let n = 0; n < SHARED_ACTIONS; n++) {
      const holder = world.holders[n % world.holders.length]!;
      const body = newActionBody(world, holder, n);
      const answer = await postCommand(apis[n % 2]!.port, idp, STAFF, '/actions', body);
      const ack = answer.kind === 'answer' ? jsonOf<CommandAck>(answer) : undefined;
      if (!ack) throw new Error('could not assign the shared actions');
      actions.push({ id: String(body.id), holder, knownVersion: ack.version, knownPosition: ack.position });
    }
    const load = new CommandLoad({
      idp,
      world,
      random,
      ports: () => apis.map((api) => api.port),
      concurrency: 16,
      maxRequests: 30_000,
      durationMs: LOAD_MS,
      actions,
      maxActions: SHARED_ACTIONS + 8,
      conditionalShare: 0.3,
      readShare: 0.1,
    });
    const started = Date.now();
    const running = load.run();
    await sleep(started + KILL_AT_MS - Date.now());
    killed = projectors.find((projector) => projector.leading.has('records')) ?? projectors[0]!;
    survivor = projectors.find((projector) => projector !== killed)!;
    say(
      SCENARIO,
      `${killed.name} leads ${[...killed.leading].join(', ')}; ${survivor.name} leads ${[...survivor.leading].join(', ') || 'nothing'}; SIGKILL ${killed.name}`,
    );
    const killedAt = Date.now();
    await killed.kill();
    takeoverMs = await until(`takeover by ${survivor.name}`, () => projectionNames.every((name) => survivor.leading.has(name)), 20_000);
    say(SCENARIO, `${survivor.name} leads every projection ${Date.now() - killedAt} ms after the kill`);
    report = await running;
    store = await openScenarioStore(schema);
    const catchUpMs = await untilProjectionsAtHead(store, 60_000, [survivor]);
    storeAudit = await auditStore(store, report.acknowledged);
    readModels = await auditReadModels(store);
    say(
      SCENARIO,
      `${report.requests} requests over ${apis.length} apis, ${storeAudit.acknowledged} acknowledged, ${storeAudit.stored} stored; ` +
        `read models at the head ${catchUpMs} ms after the load; statuses ${JSON.stringify(report.statuses)}`,
    );
    recordScenario({
      scenario: SCENARIO,
      requests: report.requests,
      acknowledged: storeAudit.acknowledged,
      stored: storeAudit.stored,
      serverErrors: report.serverErrors,
      unavailable: report.unavailable,
      recovery: `projector takeover ${takeoverMs} ms`,
    });
  }, 300_000);

  afterAll(async () => {
    await Promise.all([...(apis ?? []), ...(projectors ?? [])].map((service) => service.stop()));
    await store?.close();
    await idp?.close();
    await dropScenarioSchema(schema);
  });

  it('spread contended commands over both apis: races lost (409) and If-Match misses (412), never a 5xx', () => {
    const { ['read 503']: _behindDuringTakeover, ...unexpected } = report.unexpectedStatuses([...ORDINARY_STATUSES]);
    expect(unexpected).toEqual({});
    expect(report.violations).toEqual([]);
    expect(report.unanswered).toBe(0);
    expect(report.statuses['progress-if-match 412']).toBeGreaterThan(0);
    expect(report.statuses['progress-if-match 200']).toBeGreaterThan(0);
  });

  it('lost no update: every acknowledged command stored at its version, versions contiguous per stream, chains verify', () => {
    expect(storeAudit.missing).toEqual([]);
    expect(storeAudit.stored).toBe(storeAudit.acknowledged);
    expect(storeAudit.acknowledged).toBeGreaterThan(1_000);
    expect(storeAudit.gaps).toEqual([]);
    expect(storeAudit.verify).toMatchObject({ ok: true, checkedEvents: storeAudit.events });
  });

  it('let the surviving projector take over every projection', () => {
    expect(takeoverMs).toBeLessThan(20_000);
    expect(killed.running).toBe(false);
    expect(survivor.unexpectedExits).toEqual([]);
  });

  it('applied every event exactly once: chase counts and updates match the events, one audit row per event', () => {
    expect(readModels.facts.actionMismatches).toEqual([]);
    expect(readModels.facts.actionsChecked).toBeGreaterThanOrEqual(SHARED_ACTIONS);
    expect(readModels.facts.auditRows).toBe(storeAudit.events);
    expect(readModels.facts.distinctAuditPositions).toBe(storeAudit.events);
  });

  it('left every read model equal to a rebuild from zero', () => {
    expect(readModels.differences).toEqual(noDifferences());
  });

  it('kept both apis up throughout', () => {
    expect(apis.flatMap((api) => api.unexpectedExits)).toEqual([]);
  });
});
