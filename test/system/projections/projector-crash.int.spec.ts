import { PostgresDatabase } from '#event-store';
import { allProjections, checkpointNameOf } from '#projections';
import { verifyProjection } from '#projections';
import type { FeatureApp } from '../../../apps/api/test/features/support/feature-app.js';
import { describeWithPostgres, dropSchema, uniqueSchema } from '../../support/postgres.js';
import { readableCommittedHead } from '../../support/readable-committed-head.js';
import { openPostgresStore, startCommandApp } from './support/command-app.js';
import { runMixedWorkload } from './support/mixed-workload.js';
import { ProjectorProcess } from './support/projector-process.js';
import { hasOpenTransaction } from './support/projector-observation.js';
import { checkpoints, everyProjectionAt, liveCheckpointsAt, projectionFacts, waitUntil } from './support/read-model-facts.js';

const RECORDS = checkpointNameOf('records');

await describeWithPostgres('a projector process killed in the middle of a batch (PostgreSQL)', () => {
  const schema = uniqueSchema('crash');
  let f: FeatureApp;
  let db: PostgresDatabase;
  const processes: ProjectorProcess[] = [];
  const spawnProjector = (name: string, batchDelayMs: number) => {
    const child = new ProjectorProcess({ schema, name: `${schema}_${name}`, batchSize: 10, batchDelayMs });
    processes.push(child);
    return child;
  };

  beforeAll(async () => {
    f = await startCommandApp(await openPostgresStore(schema), 'off');
    db = f.store.db as PostgresDatabase;
    await runMixedWorkload(f, { actions: 25, commands: 350, concurrency: 8 });
  }, 120_000);

  afterAll(async () => {
    await Promise.all(processes.map((child) => child.ensureStopped()));
    await f?.close();
    await dropSchema(schema);
  });

  it('loses the open batch only, and a restarted projector applies every event exactly once', async () => {
    const head = await readableCommittedHead(f.store);
    const first = spawnProjector('first', 150);
    await first.waitForLine('start', (line) => line.message === 'projector started');
    // Mid-batch: its checkpoint has moved at least once, events remain, and a batch transaction is open now.
    await waitUntil(
      'a batch is open after the first commit',
      async () => {
        const position = (await checkpoints(db))[RECORDS] ?? 0;
        return position > 0 && position < head && (await hasOpenTransaction(db, first.name));
      },
      30_000,
      10,
    );
    first.kill('SIGKILL');
    expect(await first.exited).toEqual({ code: null, signal: 'SIGKILL' });

    const atCrash = await checkpoints(db);
    expect(atCrash[RECORDS]).toBeGreaterThan(0);
    expect(atCrash[RECORDS]).toBeLessThan(head);
    // What the dead process committed is whole: no row holds an event past its projection's checkpoint.
    const {
      rows: [audit],
    } = await db.query<{ beyond: number; below: number }>(
      'SELECT count(*) FILTER (WHERE global_position > $1)::int AS beyond, count(*) FILTER (WHERE global_position <= $1)::int AS below FROM rm_audit_events',
      [atCrash[checkpointNameOf('audit-log')] ?? 0],
    );
    const eventsUpToAuditCheckpoint = (await f.store.readAll(0, 100_000)).events.filter(
      (e) => e.globalPosition <= (atCrash[checkpointNameOf('audit-log')] ?? 0),
    ).length;
    expect(audit).toEqual({ beyond: 0, below: eventsUpToAuditCheckpoint });

    const second = spawnProjector('second', 0);
    await waitUntil(
      'the restarted projector reaches the head',
      async () => {
        const known = await checkpoints(db);
        return allProjections.every((p) => (known[checkpointNameOf(p)] ?? 0) >= head);
      },
      60_000,
    );
    const facts = await projectionFacts(f.store, db);
    expect(liveCheckpointsAt(facts)).toEqual(everyProjectionAt(facts.head));
    expect(facts.head).toBe(head);
    expect(facts.actionMismatches).toEqual([]);
    expect(facts.actionsChecked).toBe(25);
    expect({ auditRows: facts.auditRows, distinct: facts.distinctAuditPositions }).toEqual({
      auditRows: facts.events,
      distinct: facts.events,
    });
    for (const projection of allProjections) {
      expect((await verifyProjection({ store: f.store, db, projection })).differences).toEqual([]);
    }

    second.kill('SIGTERM');
    expect(await second.exited).toEqual({ code: 0, signal: null });
    expect(second.lines.map((line) => line.message)).toEqual(expect.arrayContaining(['stopping', 'stopped']));
  }, 120_000);
});
