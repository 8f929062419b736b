import type { SqlEventStore } from '#event-store';
import { CommandLoad, ORDINARY_STATUSES, readYourWritesDelays } from './support/command-load.js';
import { bringDatabaseBack, dropScenarioSchema, openScenarioStore, scenarioSchema, takeDatabaseDown } from './support/database.js';
import { HealthWatch } from './support/health-watch.js';
import { LocalIdentityProvider } from './support/identity-provider.js';
import type { LoadReport } from './support/load-report.js';
import { Random } from './support/random.js';
import { auditReadModels, noDifferences, untilProjectionsAtHead, type ReadModelAudit } from './support/read-model-checks.js';
import { ServiceProcess } from './support/service-process.js';
import { auditStore, type StoreAudit } from './support/store-checks.js';
import { recordScenario, say } from './support/summary.js';
import { seedWorld } from './support/world.js';

const SCENARIO = 'database-outage';
const LOAD_MS = 40_000;
const DOWN_AT_MS = 10_000;
const OUTAGE_MS = 10_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('database outage: connections refused and cut for 10 s under load, then allowed again', () => {
  const schema = scenarioSchema('outage');
  const random = Random.fromEnvironment();
  let idp: LocalIdentityProvider;
  let api: ServiceProcess;
  let projector: ServiceProcess;
  let health: HealthWatch;
  let store: SqlEventStore;
  let report: LoadReport;
  let storeAudit: StoreAudit;
  let readModels: ReadModelAudit;
  let downAt = 0;
  let backAt = 0;
  let catchUpMs = 0;
  let freshnessBefore: number[] = [];
  let freshness: number[] = [];

  beforeAll(async () => {
    say(SCENARIO, `seed ${random.seed}`);
    idp = await LocalIdentityProvider.start();
    api = await ServiceProcess.create({ kind: 'api', name: 'res-outage-api', schema, env: { ...idp.environment, PROJECTIONS: 'off' } });
    // Batches that linger before they commit make it likely that the cut finds a transaction between statements.
    projector = await ServiceProcess.create({
      kind: 'projector',
      name: 'res-outage-projector',
      schema,
      env: { PROJECTION_BATCH_DELAY_MS: '50' },
    });
    await api.start();
    await projector.start();
    const world = await seedWorld(api.port, idp, 3);
    freshnessBefore = await readYourWritesDelays(api.port, idp, world, 4);
    const load = new CommandLoad({
      idp,
      world,
      random,
      ports: () => [api.port],
      concurrency: 8,
      maxRequests: 20_000,
      durationMs: LOAD_MS,
      actions: [],
      maxActions: 100,
      readShare: 0.2,
    });
    health = new HealthWatch(api.port);
    const started = Date.now();
    const running = load.run();
    await sleep(started + DOWN_AT_MS - Date.now());
    downAt = Date.now();
    const cut = await takeDatabaseDown();
    say(SCENARIO, `database closed at ${downAt - started} ms; ${cut} connections cut`);
    await sleep(downAt + OUTAGE_MS - Date.now());
    await bringDatabaseBack();
    backAt = Date.now();
    say(SCENARIO, `database open again at ${backAt - started} ms`);
    report = await running;
    await health.stop();
    store = await openScenarioStore(schema);
    catchUpMs = await untilProjectionsAtHead(store, 60_000, [projector]);
    freshness = await readYourWritesDelays(api.port, idp, world, 6);
    storeAudit = await auditStore(store, report.acknowledged);
    readModels = await auditReadModels(store);
    const commandsBackMs = report.firstSuccessAfter(backAt);
    const healthBackMs = health.firstAfter(backAt, 200);
    say(
      SCENARIO,
      `${report.requests} requests, ${storeAudit.acknowledged} acknowledged, ${storeAudit.stored} stored, ${report.unavailable} × 503; ` +
        `after the database came back: commands in ${commandsBackMs} ms, /health ok in ${healthBackMs} ms, ` +
        `read-your-writes in ${freshness.join(', ')} ms (before: ${freshnessBefore.join(', ')} ms); statuses ${JSON.stringify(report.statuses)}`,
    );
    recordScenario({
      scenario: SCENARIO,
      requests: report.requests,
      acknowledged: storeAudit.acknowledged,
      stored: storeAudit.stored,
      serverErrors: report.serverErrors,
      unavailable: report.unavailable,
      recovery: `commands ${commandsBackMs ?? '∞'} ms, health ${healthBackMs ?? '∞'} ms`,
    });
  }, 240_000);

  afterAll(async () => {
    await bringDatabaseBack();
    await health?.stop();
    await api?.stop();
    await projector?.stop();
    await store?.close();
    await idp?.close();
    await dropScenarioSchema(schema);
  });

  it('answered 503 with Retry-After while the database was down: no 500, no hang', () => {
    expect(report.unexpectedStatuses([...ORDINARY_STATUSES, 503])).toEqual({});
    expect(report.violations).toEqual([]);
    expect(report.serverErrors).toBe(0);
    expect(report.unanswered).toBe(0);
    const during = report.samples.filter((sample) => sample.sentAt >= downAt + 500 && sample.at < backAt);
    expect(during.length).toBeGreaterThan(20);
    expect(during.every((sample) => sample.status === 503)).toBe(true);
  });

  it('turned GET /health not-ready (503 with Retry-After) during the outage and ready again after', () => {
    const during = health.between(downAt + 1_000, backAt);
    expect(during.length).toBeGreaterThan(5);
    expect(during.every((sample) => sample.status === 503 && sample.retryAfter)).toBe(true);
    expect(health.samples.every((sample) => sample.ms < 5_000)).toBe(true);
    expect(health.firstAfter(backAt, 200)).toBeLessThan(10_000);
    expect(health.samples.at(-1)?.status).toBe(200);
  });

  it('recovered by itself: commands acknowledged again soon after, and the projector caught up to the head', () => {
    expect(report.firstSuccessAfter(backAt)).toBeLessThan(10_000);
    expect(report.acknowledgedBetween(backAt, Number.MAX_SAFE_INTEGER)).toBeGreaterThan(50);
    expect(catchUpMs).toBeLessThan(60_000);
    // Woken by NOTIFY again, not left to poll: the projector's listener came back too.
    expect([...freshness].sort((a, b) => a - b)[Math.floor(freshness.length / 2)]).toBeLessThan(300);
    expect(api.unexpectedExits).toEqual([]);
    expect(projector.unexpectedExits).toEqual([]);
  });

  it('lost nothing: every acknowledged command stored, chains verify, versions contiguous', () => {
    expect(storeAudit.missing).toEqual([]);
    expect(storeAudit.stored).toBe(storeAudit.acknowledged);
    expect(storeAudit.verify).toMatchObject({ ok: true, checkedEvents: storeAudit.events });
    expect(storeAudit.gaps).toEqual([]);
  });

  it('left read models equal to a rebuild from zero', () => {
    expect(readModels.differences).toEqual(noDifferences());
    expect(readModels.facts.actionMismatches).toEqual([]);
    expect(readModels.facts.auditRows).toBe(storeAudit.events);
  });
});
