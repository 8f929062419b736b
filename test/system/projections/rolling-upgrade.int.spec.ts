import type { SqlEventStore } from '#event-store';
import { auditLogProjection, checkpointNameOf, ProjectionRunner, recordsProjection, type Projection } from '#projections';
import { verifyProjection } from '#projections';
import type { FeatureApp } from '../../../apps/api/test/features/support/feature-app.js';
import { describeWithPostgres, dropSchema, uniqueSchema } from '../../support/postgres.js';
import { writeContinuously } from './support/background-traffic.js';
import { openPostgresStore, startCommandApp } from './support/command-app.js';
import { runMixedWorkload, type WorkloadResult } from './support/mixed-workload.js';
import { checkpoints, projectionFacts, waitUntil } from './support/read-model-facts.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const upgraded: readonly Projection[] = [recordsProjection, auditLogProjection];
const nextVersionOf = (projection: Projection): Projection => ({ ...projection, version: projection.version + 1 });

/** A process's runners of the upgraded projections, on connections of its own, at the old or the new version. */
async function startProcess(
  schema: string,
  version: 'old' | 'new',
  errors: unknown[],
): Promise<{ store: SqlEventStore; runners: ProjectionRunner[] }> {
  const store = await openPostgresStore(schema, 4);
  const runners = upgraded.map(
    (projection) =>
      new ProjectionRunner({
        store,
        db: store.db,
        projection: version === 'new' ? nextVersionOf(projection) : projection,
        batchSize: 20,
        idleWaitMs: 50,
        onError: (error) => errors.push(error),
      }),
  );
  for (const runner of runners) await runner.prepare();
  for (const runner of runners) runner.start();
  return { store, runners };
}

const stopped = new WeakSet<SqlEventStore>();

async function stopProcess(process: { store: SqlEventStore; runners: ProjectionRunner[] }): Promise<void> {
  if (stopped.has(process.store)) return;
  stopped.add(process.store);
  await Promise.all(process.runners.map((runner) => runner.stop()));
  await process.store.close();
}

const nextVersions = Object.fromEntries(upgraded.map((p) => [p.name, p.version + 1]));

async function versions(f: FeatureApp): Promise<Record<string, number>> {
  const { rows } = await f.store.db.query<{ name: string; version: number }>('SELECT name, version FROM projection_versions');
  return Object.fromEntries(rows.filter((row) => upgraded.some((p) => p.name === row.name)).map((row) => [row.name, Number(row.version)]));
}

const liveCheckpoints = async (f: FeatureApp) => {
  const known = await checkpoints(f.store.db);
  return upgraded.map((p) => known[checkpointNameOf(p)] ?? 0);
};

await describeWithPostgres('a projection upgraded during a rolling deploy (PostgreSQL)', () => {
  const schema = uniqueSchema('upgrade');
  let store: SqlEventStore;
  let f: FeatureApp;
  let workload: WorkloadResult;

  beforeAll(async () => {
    store = await openPostgresStore(schema);
    f = await startCommandApp(store, 'off');
    workload = await runMixedWorkload(f, { actions: 8, commands: 120, concurrency: 6 });
  });

  afterAll(async () => {
    await f.close();
    await dropSchema(schema);
  });

  /** The read models equal a fold of the whole log at the new version: every action, one audit row per event, every table both ways. */
  async function expectFoldOfTheLog(): Promise<void> {
    const facts = await projectionFacts(store, store.db);
    expect(facts.actionMismatches).toEqual([]);
    expect({ auditRows: facts.auditRows, distinct: facts.distinctAuditPositions }).toEqual({
      auditRows: facts.events,
      distinct: facts.events,
    });
    for (const projection of upgraded) {
      expect((await verifyProjection({ store, db: store.db, projection: nextVersionOf(projection) })).differences).toEqual([]);
    }
  }

  it('old- and new-version runners on one database while commands write: the new tables equal a fold of the whole log, and a late old runner stands down', async () => {
    const errors: unknown[] = [];
    const caughtUp = async () => Math.min(...(await liveCheckpoints(f))) >= (await store.headPosition());
    const processes: Awaited<ReturnType<typeof startProcess>>[] = [];
    const start = async (version: 'old' | 'new') => {
      const started = await startProcess(schema, version, errors);
      processes.push(started);
      return started;
    };
    try {
      const oldProcess = await start('old');
      await waitUntil('the old runners reach the head', caughtUp);
      let writers = writeContinuously(f, workload.actionIds);
      // Given the new version starting while the old one leads and applies the traffic
      const newProcess = await start('new');
      await sleep(1_500);
      // When the old process exits, the new one takes the lead and upgrades
      await stopProcess(oldProcess);
      await waitUntil('the new version is swapped in', async () => {
        const now = await versions(f);
        return upgraded.every((p) => now[p.name] === nextVersions[p.name]);
      });
      await sleep(500);
      await writers.stop();
      await waitUntil('the new runners reach the head', caughtUp);
      // Then the new tables hold the whole log, the part the old runner applied while both ran included
      await expectFoldOfTheLog();

      // Given an old process starting late, and commands writing
      const laggingOld = await start('old');
      writers = writeContinuously(f, workload.actionIds);
      // When the new process dies, the old one may take the lock, but stands down and writes nothing
      await stopProcess(newProcess);
      const afterNewStopped = await liveCheckpoints(f);
      await sleep(2_500);
      expect(await liveCheckpoints(f)).toEqual(afterNewStopped);
      expect(laggingOld.runners.map((runner) => runner.isLeader)).toEqual([false, false]);
      // Then a new process carries on, and the tables are still a fold of the whole log
      await start('new');
      await sleep(500);
      await writers.stop();
      await waitUntil('the restarted new runners reach the head', caughtUp);
      await expectFoldOfTheLog();
      expect(await versions(f)).toEqual(nextVersions);
      expect(errors.map((error) => (error as Error).message)).toEqual([]);
    } finally {
      await Promise.all(processes.map((process) => stopProcess(process)));
    }
  });
});
