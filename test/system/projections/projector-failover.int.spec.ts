import { PostgresDatabase } from '#event-store';
import { allProjections, checkpointNameOf } from '#projections';
import { verifyProjection } from '#projections';
import type { FeatureApp } from '../../../apps/api/test/features/support/feature-app.js';
import { describeWithPostgres, dropSchema, uniqueSchema } from '../../support/postgres.js';
import { readableCommittedHead } from '../../support/readable-committed-head.js';
import { openPostgresStore, startCommandApp } from './support/command-app.js';
import { runMixedWorkload, type WorkloadResult } from './support/mixed-workload.js';
import { ProjectorProcess } from './support/projector-process.js';
import { advisoryLocksByProcess, hasOpenTransaction } from './support/projector-observation.js';
import { checkpoints, everyProjectionAt, liveCheckpointsAt, projectionFacts, waitUntil } from './support/read-model-facts.js';

const ALL = allProjections.map((p) => p.name).sort();
/** The standby retries the leader locks every second; a few seconds leaves room for a busy machine. */
const TAKEOVER_LIMIT_MS = 5_000;

await describeWithPostgres('two projector processes on one schema, the active one killed (PostgreSQL)', () => {
  const schema = uniqueSchema('failover');
  let f: FeatureApp;
  let db: PostgresDatabase;
  let workload: WorkloadResult;
  const processes: ProjectorProcess[] = [];
  const spawnProjector = (name: string) => {
    const child = new ProjectorProcess({ schema, name: `${schema}_${name}`, batchSize: 10, batchDelayMs: 300 });
    processes.push(child);
    return child;
  };

  beforeAll(async () => {
    f = await startCommandApp(await openPostgresStore(schema), 'off');
    db = f.store.db as PostgresDatabase;
    workload = await runMixedWorkload(f, { actions: 20, commands: 300, concurrency: 8 });
  }, 120_000);

  afterAll(async () => {
    await Promise.all(processes.map((child) => child.ensureStopped()));
    await f?.close();
    await dropSchema(schema);
  });

  it('the standby takes over within seconds, projects new events, and nothing is applied twice', async () => {
    const headBefore = await readableCommittedHead(f.store);
    const active = spawnProjector('a');
    await waitUntil('the first process leads every projection', async () => [...active.leading()].sort().join() === ALL.join(), 20_000);
    const standby = spawnProjector('b');
    await standby.waitForLine('start', (line) => line.message === 'projector started');
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(standby.leading().size).toBe(0);
    expect(await advisoryLocksByProcess(db, [active.name, standby.name])).toEqual({ [active.name]: ALL.length, [standby.name]: 0 });

    await waitUntil(
      'the active process is mid-batch with events left',
      async () => {
        const position = (await checkpoints(db))[checkpointNameOf('records')] ?? 0;
        return position > 0 && position < headBefore && (await hasOpenTransaction(db, active.name));
      },
      30_000,
      10,
    );
    active.kill('SIGKILL');
    const killedAt = Date.now();
    await active.exited;

    // Commands go on while nobody projects; their events must reach the read models through the standby.
    const chased = await f.http().post(`/api/v1/actions/${workload.actionIds[0]}/chase`).send({ note: 'after the failover' });
    expect(chased.status).toBe(200);
    const newPosition = chased.body.position as number;

    await waitUntil(
      'the standby leads every projection',
      async () => [...standby.leading()].sort().join() === ALL.join(),
      TAKEOVER_LIMIT_MS + 5_000,
    );
    const tookOverMs = Date.now() - killedAt;
    expect(tookOverMs).toBeLessThan(TAKEOVER_LIMIT_MS);
    expect(await advisoryLocksByProcess(db, [active.name, standby.name])).toEqual({ [active.name]: 0, [standby.name]: ALL.length });

    await waitUntil(
      'the new event is projected',
      async () => {
        const { rows } = await db.query<{ found: boolean }>(
          'SELECT count(*) > 0 AS found FROM rm_audit_events WHERE global_position = $1',
          [newPosition],
        );
        return rows[0]?.found === true;
      },
      60_000,
    );
    const head = await readableCommittedHead(f.store);
    await waitUntil(
      'the standby reaches the head',
      async () => {
        const known = await checkpoints(db);
        return allProjections.every((p) => (known[checkpointNameOf(p)] ?? 0) >= head);
      },
      60_000,
    );

    const facts = await projectionFacts(f.store, db);
    expect(liveCheckpointsAt(facts)).toEqual(everyProjectionAt(facts.head));
    expect(facts.actionMismatches).toEqual([]);
    expect({ auditRows: facts.auditRows, distinct: facts.distinctAuditPositions }).toEqual({
      auditRows: facts.events,
      distinct: facts.events,
    });
    const {
      rows: [chases],
    } = await db.query<{ notes: string[] }>(
      `SELECT array_agg(c->>'note') FILTER (WHERE c->>'note' = 'after the failover') AS notes FROM rm_actions, jsonb_array_elements(chases) c WHERE action_id = $1`,
      [workload.actionIds[0]],
    );
    expect(chases?.notes).toEqual(['after the failover']);
    for (const projection of allProjections) {
      expect((await verifyProjection({ store: f.store, db, projection })).differences).toEqual([]);
    }
    standby.kill('SIGTERM');
    expect(await standby.exited).toEqual({ code: 0, signal: null });
  }, 120_000);
});
