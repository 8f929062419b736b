import type { SqlEventStore } from '#event-store';
import { allProjections, checkpointNameOf, recordsProjection } from '#projections';
import { GenerationBusyError, rebuildProjection, verifyProjection, type RebuildResult } from '#projections';
import { startFeatureApp, type FeatureApp } from '../../../apps/api/test/features/support/feature-app.js';
import { describeWithPostgres, dropSchema, uniqueSchema } from '../../support/postgres.js';
import { readContinuously, writeContinuously } from './support/background-traffic.js';
import { openPostgresStore, startCommandApp } from './support/command-app.js';
import { runMixedWorkload, type WorkloadResult } from './support/mixed-workload.js';
import { checkpoints, leastCheckpoint, projectionFacts, waitUntil } from './support/read-model-facts.js';

interface Setting {
  /** The app, with its projections running in-process: the live runners. */
  readonly app: () => FeatureApp;
  /** The store the rebuild uses: its own connections on PostgreSQL (as the CLI would), the app's on PGlite (one process). */
  readonly rebuildStore: () => SqlEventStore;
  /** Small enough that the rebuild takes several batches, between which the views and writes get their turn. */
  readonly batchSize: number;
}

async function tableIds(f: FeatureApp): Promise<Record<string, string>> {
  const { rows } = await f.store.db.query<{ name: string; id: string }>(
    `SELECT relname AS name, oid::text AS id FROM pg_class WHERE relnamespace = current_schema()::regnamespace AND relkind = 'r' AND relname LIKE 'rm\\_%'`,
  );
  return Object.fromEntries(rows.map((row) => [row.name, row.id]));
}

/** Every index of the live read-model tables, by name and definition. */
async function liveIndexes(f: FeatureApp): Promise<string[]> {
  const { rows } = await f.store.db.query<{ name: string; definition: string }>(
    `SELECT indexname AS name, regexp_replace(indexdef, ' ON \\S+\\.', ' ON ') AS definition FROM pg_indexes
      WHERE schemaname = current_schema() AND tablename LIKE 'rm\\_%' ORDER BY indexname`,
  );
  return rows.map((row) => `${row.name}: ${row.definition}`);
}

async function caughtUp(f: FeatureApp): Promise<void> {
  await waitUntil('the live runners reach the head', async () => (await leastCheckpoint(f.store.db)) >= (await f.store.headPosition()));
}

function rebuildWhileServing(setting: Setting, workloadSize: { actions: number; commands: number }): void {
  let workload: WorkloadResult;

  beforeAll(async () => {
    workload = await runMixedWorkload(setting.app(), { ...workloadSize, concurrency: 8 });
    await caughtUp(setting.app());
  });

  it('rebuilds every projection while views read and commands write, swaps, and the live runners carry on', async () => {
    const f = setting.app();
    const before = await tableIds(f);
    const indexesBefore = await liveIndexes(f);
    const readers = readContinuously(f, f.store.db);
    const writers = writeContinuously(f, workload.actionIds);
    const results: RebuildResult[] = [];
    try {
      for (const projection of allProjections) {
        results.push(
          await rebuildProjection({
            store: setting.rebuildStore(),
            db: setting.rebuildStore().db,
            projection,
            batchSize: setting.batchSize,
          }),
        );
      }
    } finally {
      await writers.stop();
      await readers.stop();
    }
    expect(readers.log.failures).toEqual([]);
    expect(readers.log.regressions).toEqual([]);
    expect(readers.log.reads).toBeGreaterThan(0);
    expect(writers.written()).toBeGreaterThan(0);
    expect(results.map((r) => r.projection)).toEqual(allProjections.map((p) => p.name));
    for (const result of results) expect(result.eventsApplied).toBeGreaterThan(0);
    // Every live table is a new one: the rebuilt tables took their place.
    const after = await tableIds(f);
    expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
    for (const [table, id] of Object.entries(after)) expect(id).not.toBe(before[table]);
    // Built after the load rather than kept up row by row, the rebuilt tables' indexes are the live ones, by name too.
    expect(indexesBefore.some((index) => index.startsWith('rm_actions_owner_post_id_due_on_action_id_idx: CREATE INDEX'))).toBe(true);
    expect(await liveIndexes(f)).toEqual(indexesBefore);

    // The live runners carry on from the swapped checkpoints: new commands reach the new tables.
    const chased = await f.http().post(`/api/v1/actions/${workload.actionIds[0]}/chase`).send({ note: 'after the rebuild' });
    expect(chased.status).toBe(200);
    await caughtUp(f);
    const facts = await projectionFacts(f.store, f.store.db);
    expect(facts.actionMismatches).toEqual([]);
    expect(facts.auditRows).toBe(facts.events);
    expect(facts.distinctAuditPositions).toBe(facts.events);
    expect(Object.keys(await checkpoints(f.store.db)).filter((name) => name.endsWith(':rebuild'))).toEqual([]);
    for (const projection of allProjections) {
      expect(facts.checkpoints[checkpointNameOf(projection)]).toBe(facts.head);
      const verified = await verifyProjection({ store: f.store, db: f.store.db, projection });
      expect({ projection: projection.name, differences: verified.differences }).toEqual({ projection: projection.name, differences: [] });
    }
  });

  it('refuses a second rebuild or verify of a projection while one is under way', async () => {
    const f = setting.app();
    let reportStarted: () => void = () => undefined;
    const started = new Promise<void>((resolve) => {
      reportStarted = resolve;
    });
    const first = verifyProjection({
      store: setting.rebuildStore(),
      db: setting.rebuildStore().db,
      projection: recordsProjection,
      batchSize: 10,
      onProgress: () => reportStarted(),
    });
    await started;
    await expect(rebuildProjection({ store: f.store, db: f.store.db, projection: recordsProjection })).rejects.toBeInstanceOf(
      GenerationBusyError,
    );
    expect((await first).ok).toBe(true);
    expect((await rebuildProjection({ store: f.store, db: f.store.db, projection: recordsProjection })).projection).toBe('records');
  });
}

await describeWithPostgres('rebuilding while the api serves (PostgreSQL)', () => {
  const schema = uniqueSchema('serve');
  let f: FeatureApp;
  let rebuildStore: SqlEventStore;
  beforeAll(async () => {
    f = await startCommandApp(await openPostgresStore(schema), 'in-process');
    rebuildStore = await openPostgresStore(schema, 5);
  });
  afterAll(async () => {
    await rebuildStore?.close();
    await f?.close();
    await dropSchema(schema);
  });
  rebuildWhileServing({ app: () => f, rebuildStore: () => rebuildStore, batchSize: 100 }, { actions: 20, commands: 300 });
});

describe('rebuilding while the api serves (PGlite, in one process)', () => {
  let f: FeatureApp;
  beforeAll(async () => {
    f = await startFeatureApp();
  });
  afterAll(() => f.close());
  rebuildWhileServing({ app: () => f, rebuildStore: () => f.store, batchSize: 20 }, { actions: 8, commands: 80 });
});
