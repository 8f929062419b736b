import type { SqlEventStore } from '#event-store';
import { CommandLoad, ORDINARY_STATUSES } from './support/command-load.js';
import { dropScenarioSchema, openScenarioStore, scenarioSchema } from './support/database.js';
import { LocalIdentityProvider } from './support/identity-provider.js';
import type { LoadReport } from './support/load-report.js';
import { Random } from './support/random.js';
import { untilProjectionsAtHead } from './support/read-model-checks.js';
import { RssSampler, type RssTrend } from './support/rss-sampler.js';
import { ServiceProcess } from './support/service-process.js';
import { auditStore, type StoreAudit } from './support/store-checks.js';
import { recordScenario, say } from './support/summary.js';
import { seedWorld } from './support/world.js';

const SCENARIO = 'memory-soak';
/** RESILIENCE_SOAK_FULL=1 (npm run test:resilience:soak) soaks for the full ten minutes; CI runs a shorter soak. */
const FULL = process.env.RESILIENCE_SOAK_FULL === '1';
const SOAK_MS = Number(process.env.RESILIENCE_SOAK_MS ?? (FULL ? 600_000 : 120_000));
const WARM_UP_MS = Math.min(60_000, Math.round(SOAK_MS / 4));
const RATE_PER_SECOND = Number(process.env.RESILIENCE_SOAK_RATE ?? 40);
const MAX_GROWTH = 0.2;

describe(`memory: ${SOAK_MS / 1_000} s at ${RATE_PER_SECOND} requests/s against an api and a projector, RSS sampled every second`, () => {
  const schema = scenarioSchema('soak');
  const random = Random.fromEnvironment();
  let idp: LocalIdentityProvider;
  let api: ServiceProcess;
  let projector: ServiceProcess;
  let store: SqlEventStore;
  let report: LoadReport;
  let storeAudit: StoreAudit;
  let trends: RssTrend[];

  beforeAll(async () => {
    say(
      SCENARIO,
      `seed ${random.seed}; ${FULL ? 'full length' : 'CI length (RESILIENCE_SOAK_FULL=1 for ten minutes)'}; warm-up ${WARM_UP_MS / 1_000} s`,
    );
    idp = await LocalIdentityProvider.start();
    api = await ServiceProcess.create({ kind: 'api', name: 'res-soak-api', schema, env: { ...idp.environment, PROJECTIONS: 'off' } });
    projector = await ServiceProcess.create({ kind: 'projector', name: 'res-soak-projector', schema });
    await api.start();
    await projector.start();
    const world = await seedWorld(api.port, idp, 4);
    const load = new CommandLoad({
      idp,
      world,
      random,
      ports: () => [api.port],
      concurrency: 8,
      ratePerSecond: RATE_PER_SECOND,
      maxRequests: Math.ceil((RATE_PER_SECOND * SOAK_MS) / 1_000),
      durationMs: SOAK_MS,
      actions: [],
      maxActions: 5_000,
      readShare: 0.25,
    });
    const sampler = new RssSampler([api, projector]);
    report = await load.run();
    sampler.stop();
    trends = [api, projector].map((service) => sampler.trend(service, WARM_UP_MS));
    for (const trend of trends) {
      say(
        SCENARIO,
        `${trend.service}: peak ${trend.peakMiB} MiB; ${trend.afterWarmUpMiB} MiB after warm-up, ${trend.atEndMiB} MiB at the end ` +
          `(${(trend.growth * 100).toFixed(1)}%); trend ${trend.slopeMiBPerMinute} MiB/min over ${trend.samples} samples`,
      );
    }
    store = await openScenarioStore(schema);
    await untilProjectionsAtHead(store, 60_000, [projector]);
    storeAudit = await auditStore(store, report.acknowledged);
    say(
      SCENARIO,
      `${report.requests} requests, ${storeAudit.acknowledged} acknowledged, ${storeAudit.stored} stored; statuses ${JSON.stringify(report.statuses)}`,
    );
    recordScenario({
      scenario: SCENARIO,
      requests: report.requests,
      acknowledged: storeAudit.acknowledged,
      stored: storeAudit.stored,
      serverErrors: report.serverErrors,
      unavailable: report.unavailable,
      recovery: `n/a; RSS ${trends.map((trend) => `${trend.service.replace('res-soak-', '')} peak ${trend.peakMiB} MiB ${trend.growth >= 0 ? '+' : ''}${(trend.growth * 100).toFixed(1)}%`).join(', ')}`,
    });
  }, SOAK_MS + 180_000);

  afterAll(async () => {
    await api?.stop();
    await projector?.stop();
    await store?.close();
    await idp?.close();
    await dropScenarioSchema(schema);
  });

  it('held the steady rate with only ordinary answers', () => {
    expect(report.requests).toBeGreaterThan(0.8 * RATE_PER_SECOND * (SOAK_MS / 1_000));
    expect(report.unexpectedStatuses([...ORDINARY_STATUSES])).toEqual({});
    expect(report.violations).toEqual([]);
    expect(report.serverErrors).toBe(0);
    expect(report.unanswered).toBe(0);
  });

  it(`grew neither process's resident memory by more than ${MAX_GROWTH * 100}% after the warm-up`, () => {
    expect(trends.every((trend) => trend.samples >= SOAK_MS / 1_000 - 5)).toBe(true);
    expect(trends.filter((trend) => trend.growth > MAX_GROWTH)).toEqual([]);
  });

  it('stored every acknowledged command, and neither process exited', () => {
    expect(storeAudit.missing).toEqual([]);
    expect(storeAudit.stored).toBe(storeAudit.acknowledged);
    expect(storeAudit.verify).toMatchObject({ ok: true, checkedEvents: storeAudit.events });
    expect([...api.unexpectedExits, ...projector.unexpectedExits]).toEqual([]);
  });
});
