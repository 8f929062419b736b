import { CheckpointMovedError, PostgresDatabase, type SqlEventStore } from '#event-store';
import { checkpointNameOf, ProjectionRunner, recordsProjection } from '#projections';
import { rebuildProjection, verifyProjection } from '#projections';
import type { FeatureApp } from '../../../apps/api/test/features/support/feature-app.js';
import { describeWithPostgres, dropSchema, uniqueSchema } from '../../support/postgres.js';
import { openPostgresStore, startCommandApp } from './support/command-app.js';
import { runMixedWorkload, type WorkloadResult } from './support/mixed-workload.js';
import { checkpoints, projectionFacts, waitUntil } from './support/read-model-facts.js';

/** Lock requests on the schema's live read-model tables that are waiting. */
async function waitingLockRequests(db: PostgresDatabase): Promise<number> {
  const { rows } = await db.query<{ waiting: string }>(
    `SELECT count(*)::text AS waiting FROM pg_locks l JOIN pg_class c ON c.oid = l.relation
     WHERE NOT l.granted AND c.relnamespace = current_schema()::regnamespace AND c.relname LIKE 'rm\\_%' AND c.relname NOT LIKE '%\\_\\_%'`,
  );
  return Number(rows[0]?.waiting ?? 0);
}

/** A read queued behind the swap's lock request would wait until the batch ends, which this test never lets happen on its own. */
const READ_BOUND_MS = 2_000;

async function answeredWithin<T>(ms: number, answer: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`a view read waited over ${ms} ms: it queued behind the swap`)), ms);
  });
  try {
    return await Promise.race([answer, late]);
  } finally {
    clearTimeout(timer);
  }
}

await describeWithPostgres('a rebuild swapping tables under a live runner (PostgreSQL)', () => {
  const schema = uniqueSchema('swap');
  let f: FeatureApp;
  let store: SqlEventStore;
  /** The rebuild's own connections, as the CLI in another process would have. */
  let rebuildStore: SqlEventStore;
  let workload: WorkloadResult;
  let live: ProjectionRunner;

  const chase = async (actionId: string) => {
    const res = await f.http().post(`/api/v1/actions/${actionId}/chase`).send({ note: 'chased during the swap' });
    expect(res.status).toBe(200);
    return res.body.position as number;
  };

  beforeAll(async () => {
    store = await openPostgresStore(schema);
    f = await startCommandApp(store, 'off');
    rebuildStore = await openPostgresStore(schema, 5);
    workload = await runMixedWorkload(f, { actions: 6, commands: 80, concurrency: 6 });
    live = new ProjectionRunner({ store, db: store.db, projection: recordsProjection, batchSize: 50 });
    await live.prepare();
    await live.catchUp();
  });

  afterAll(async () => {
    await live.stop();
    await rebuildStore.close();
    await f.close();
    await dropSchema(schema);
  });

  it('rolls back a live batch that waited on the swap, which then resumes from the new checkpoint', async () => {
    const actionId = workload.actionIds[0] as string;
    const db = store.db as PostgresDatabase;
    const before = await checkpoints(db);
    // Taking ACCESS EXCLUSIVE locks gives the swap a transaction id, and readers stop below it: the live
    // runner can only be caught in the swap with events committed before it began.
    const chasedAt = await chase(actionId);
    await waitUntil('the chase is readable', async () => (await store.readAll(chasedAt - 1, 1)).events.length > 0);
    let blockedBatch: Promise<unknown> | undefined;
    const rebuilt = await rebuildProjection({
      store: rebuildStore,
      db: rebuildStore.db,
      projection: recordsProjection,
      batchSize: 40,
      afterLiveTablesLocked: async () => {
        blockedBatch = live.catchUp().then(
          () => 'committed',
          (error: unknown) => error,
        );
        await waitUntil('the live batch waits on the locked tables', async () => (await waitingLockRequests(db)) > 0, 10_000);
      },
    });
    expect(rebuilt.position).toBeGreaterThanOrEqual(chasedAt);
    expect(rebuilt.position).toBeGreaterThan(before[checkpointNameOf(recordsProjection)] ?? 0);
    // The waiting batch applied the chase to the swapped-in rows, which had it already: its checkpoint no longer matched.
    expect(await blockedBatch).toBeInstanceOf(CheckpointMovedError);
    // Rolled back: the chase is in the swapped-in rows once, and the checkpoint is the rebuild's, not the batch's.
    const afterRollback = await projectionFacts(store, db);
    expect(afterRollback.actionMismatches).toEqual([]);
    expect(afterRollback.checkpoints[checkpointNameOf(recordsProjection)]).toBe(rebuilt.position);
    // Resumes from the new checkpoint: the next chase is applied once, and nothing before it again.
    const nextChase = await chase(actionId);
    await waitUntil('the next chase is readable', async () => (await store.readAll(nextChase - 1, 1)).events.length > 0);
    await live.catchUp();
    const facts = await projectionFacts(store, db);
    expect(facts.actionMismatches).toEqual([]);
    expect(facts.checkpoints[checkpointNameOf(recordsProjection)]).toBe(facts.head);
    expect(facts.head).toBeGreaterThanOrEqual(nextChase);
    expect(facts.checkpoints[checkpointNameOf(recordsProjection, 'rebuild')]).toBeUndefined();
    expect((await verifyProjection({ store, db, projection: recordsProjection })).differences).toEqual([]);
  });

  it('waits for a live batch that holds the tables, without queueing readers behind it, then swaps', async () => {
    const db = store.db as PostgresDatabase;
    let inBatch = false;
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const slow = new ProjectionRunner({
      store,
      db,
      projection: recordsProjection,
      beforeCommit: async () => {
        inBatch = true;
        await held;
      },
    });
    await chase(workload.actionIds[1] as string);
    const slowBatch = slow.catchUp();
    await waitUntil('the slow batch holds the live tables', async () => inBatch);
    let phase = '';
    let swapped = false;
    const rebuild = rebuildProjection({
      store: rebuildStore,
      db: rebuildStore.db,
      projection: recordsProjection,
      onProgress: (progress) => {
        phase = progress.phase;
      },
    }).finally(() => {
      swapped = true;
    });
    await waitUntil('the rebuild is swapping', async () => phase === 'swapping');
    // The swap keeps trying while the batch holds the tables, and views still read them: nobody waits behind it.
    for (let read = 0; read < 5; read++) {
      const { rows } = await answeredWithin(READ_BOUND_MS, db.query<{ count: string }>('SELECT count(*)::text AS count FROM rm_actions'));
      expect(Number(rows[0]?.count)).toBe(workload.actionIds.length);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(swapped).toBe(false);
    expect(await waitingLockRequests(db)).toBe(0);
    release();
    await slowBatch;
    const rebuilt = await rebuild;
    expect(swapped).toBe(true);
    await live.catchUp().catch((error: unknown) => expect(error).toBeInstanceOf(CheckpointMovedError));
    await live.catchUp();
    expect(rebuilt.position).toBe((await projectionFacts(store, db)).head);
    const facts = await projectionFacts(store, db);
    expect(facts.actionMismatches).toEqual([]);
    expect((await verifyProjection({ store, db, projection: recordsProjection })).ok).toBe(true);
    const { rows } = await db.query<{ name: string }>(
      `SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema() AND tablename LIKE '%\\_\\_%'`,
    );
    expect(rows).toEqual([]);
  });
});
