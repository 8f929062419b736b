import type { SqlEventStore } from '#event-store';
import { CommandLoad, ORDINARY_STATUSES } from './support/command-load.js';
import { dropScenarioSchema, openScenarioStore, scenarioSchema } from './support/database.js';
import { dropIdleConnections } from './support/http-client.js';
import { LocalIdentityProvider } from './support/identity-provider.js';
import type { LoadReport } from './support/load-report.js';
import { Random } from './support/random.js';
import { auditReadModels, noDifferences, untilProjectionsAtHead, type ReadModelAudit } from './support/read-model-checks.js';
import { ServiceProcess } from './support/service-process.js';
import { auditStore, type StoreAudit } from './support/store-checks.js';
import { recordScenario, say } from './support/summary.js';
import { seedWorld } from './support/world.js';

const SCENARIO = 'crash-under-load';
const LOAD_MS = 40_000;
/** Two SIGKILLs, each while the load is running flat out. */
const KILL_AT_MS = [12_000, 26_000];

interface Crash {
  readonly killedAt: number;
  /** From SIGKILL until the new process serves. */
  readonly restartMs: number;
  /** From SIGKILL until the first command was acknowledged again. */
  recoveryMs?: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('crash under load: the api (projections in-process) is SIGKILLed twice mid-run and started again', () => {
  const schema = scenarioSchema('crash');
  const random = Random.fromEnvironment();
  const crashes: Crash[] = [];
  let idp: LocalIdentityProvider;
  let api: ServiceProcess;
  let store: SqlEventStore;
  let report: LoadReport;
  let storeAudit: StoreAudit;
  let readModels: ReadModelAudit;

  beforeAll(async () => {
    say(SCENARIO, `seed ${random.seed} (RESILIENCE_SEED=${random.seed} replays the command mix)`);
    idp = await LocalIdentityProvider.start();
    api = await ServiceProcess.create({ kind: 'api', name: 'res-crash-api', schema, env: idp.environment });
    await api.start();
    const world = await seedWorld(api.port, idp, 3);
    const load = new CommandLoad({
      idp,
      world,
      random,
      ports: () => [api.port],
      concurrency: 16,
      maxRequests: 25_000,
      durationMs: LOAD_MS,
      actions: [],
      maxActions: 150,
    });
    const started = Date.now();
    const running = load.run();
    for (const at of KILL_AT_MS) {
      await sleep(started + at - Date.now());
      const killedAt = Date.now();
      await api.kill();
      dropIdleConnections();
      await api.start();
      crashes.push({ killedAt, restartMs: Date.now() - killedAt });
      say(SCENARIO, `SIGKILL at ${killedAt - started} ms; serving again after ${Date.now() - killedAt} ms`);
    }
    report = await running;
    for (const crash of crashes) crash.recoveryMs = report.firstSuccessAfter(crash.killedAt);
    store = await openScenarioStore(schema);
    await untilProjectionsAtHead(store, 60_000);
    storeAudit = await auditStore(store, report.acknowledged);
    readModels = await auditReadModels(store);
    say(
      SCENARIO,
      `${report.requests} requests, ${storeAudit.acknowledged} acknowledged, ${storeAudit.stored} stored, ` +
        `${report.unanswered} unanswered (sent while the api was down or in flight at the kill); statuses ${JSON.stringify(report.statuses)}`,
    );
    recordScenario({
      scenario: SCENARIO,
      requests: report.requests,
      acknowledged: storeAudit.acknowledged,
      stored: storeAudit.stored,
      serverErrors: report.serverErrors,
      unavailable: report.unavailable,
      recovery: crashes.map((crash) => `${crash.recoveryMs ?? '∞'} ms`).join(', '),
    });
  }, 240_000);

  afterAll(async () => {
    await api?.stop();
    await store?.close();
    await idp?.close();
    await dropScenarioSchema(schema);
  });

  it('kept acknowledging commands before, between and after the crashes', () => {
    const [first, second] = crashes;
    expect(crashes).toHaveLength(2);
    const windows = [
      report.acknowledgedBetween(0, first?.killedAt ?? 0),
      report.acknowledgedBetween(first?.killedAt ?? 0, second?.killedAt ?? 0),
      report.acknowledgedBetween(second?.killedAt ?? 0, Number.MAX_SAFE_INTEGER),
    ];
    expect(windows.every((count) => count > 50)).toBe(true);
    for (const crash of crashes) expect(crash.recoveryMs).toBeLessThan(30_000);
  });

  it('answered only success, 409 and 412 (no 5xx, no hang, no refused token) and problem+json for every error', () => {
    expect(report.unexpectedStatuses([...ORDINARY_STATUSES])).toEqual({});
    expect(report.violations).toEqual([]);
    expect(report.serverErrors).toBe(0);
    expect(report.timeouts).toBe(0);
  });

  it('stored every acknowledged command at the version and position it was answered with, with no half-written event', () => {
    expect(storeAudit.missing).toEqual([]);
    expect(storeAudit.stored).toBe(storeAudit.acknowledged);
    expect(storeAudit.acknowledged).toBeGreaterThan(500);
    expect(storeAudit.verify).toMatchObject({ ok: true, checkedEvents: storeAudit.events });
    expect(storeAudit.gaps).toEqual([]);
  });

  it('left read models equal to a rebuild from zero, each event counted once', () => {
    expect(readModels.differences).toEqual(noDifferences());
    expect(readModels.facts.actionMismatches).toEqual([]);
    expect(readModels.facts.auditRows).toBe(storeAudit.events);
    expect(readModels.facts.distinctAuditPositions).toBe(storeAudit.events);
  });

  it('did not crash by itself', () => {
    expect(api.unexpectedExits).toEqual([]);
  });
});
