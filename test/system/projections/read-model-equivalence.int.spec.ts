import type { SqlDatabase, SqlEventStore } from '#event-store';
import { allProjections, checkpointNameOf } from '#projections';
import { verifyProjection, type VerifyResult } from '#projections';
import type { FeatureApp } from '../../../apps/api/test/features/support/feature-app.js';
import { describeWithPostgres, dropSchema, uniqueSchema } from '../../support/postgres.js';
import { openPostgresStore, startCommandApp } from './support/command-app.js';
import { runMixedWorkload, type WorkloadResult } from './support/mixed-workload.js';
import { leastCheckpoint, projectionFacts, waitUntil } from './support/read-model-facts.js';
import { runRebuildCli } from './support/rebuild-cli-process.js';

const verifyAll = async (store: SqlEventStore, db: SqlDatabase): Promise<VerifyResult[]> => {
  const results: VerifyResult[] = [];
  for (const projection of allProjections) results.push(await verifyProjection({ store, db, projection, batchSize: 250 }));
  return results;
};

const differencesOf = (results: readonly VerifyResult[]) =>
  Object.fromEntries(
    results.map((r) => [
      r.projection,
      r.differences.map((d) => ({ table: d.table, onlyInLive: d.onlyInLive, onlyInRebuilt: d.onlyInRebuilt })),
    ]),
  );

await describeWithPostgres('read models equal a rebuild from zero after a concurrent mixed workload (PostgreSQL)', () => {
  const schema = uniqueSchema('equiv');
  let f: FeatureApp;
  let workload: WorkloadResult;

  const caughtUp = () =>
    waitUntil('the live runners reach the head', async () => (await leastCheckpoint(f.store.db)) >= (await f.store.headPosition()));

  beforeAll(async () => {
    f = await startCommandApp(await openPostgresStore(schema, 30), 'in-process');
    workload = await runMixedWorkload(f, { actions: 40, commands: 1_200, concurrency: 16 });
    await caughtUp();
  }, 180_000);

  afterAll(async () => {
    await f?.close();
    await dropSchema(schema);
  });

  it('ran a workload of every kind of command, with conflicts', () => {
    expect(Object.keys(workload.accepted).sort()).toEqual([
      'attendance',
      'chase',
      'completion',
      'due-date',
      'item',
      'metric-correction',
      'metrics',
      'progress',
      'reassignment',
      'reopen',
      'resolution-correction',
      'sign-off',
      'withdrawal',
    ]);
    expect(workload.refused).toBeGreaterThan(0);
  });

  it('finds no difference between any read model and a rebuild from zero, and counts every event once', async () => {
    const results = await verifyAll(f.store, f.store.db);
    expect(differencesOf(results)).toEqual({ records: [], 'metric-series': [], 'audit-log': [] });
    const facts = await projectionFacts(f.store, f.store.db);
    const compared = Object.fromEntries(results.flatMap((r) => r.tables.map((t) => [t.table, t.liveRows])));
    expect(compared.rm_actions).toBe(workload.actionIds.length);
    expect(compared.rm_audit_events).toBe(facts.events);
    expect(compared.rm_metric_points).toBeGreaterThan(0);
    expect(facts.actionMismatches).toEqual([]);
    for (const result of results) expect(result.position).toBe(facts.checkpoints[checkpointNameOf(result.projection)]);
  });

  it('still finds none while commands keep the live runners busy: it compares at exactly the live checkpoint', async () => {
    const more = runMixedWorkload(f, { actions: 5, commands: 300, concurrency: 6, seed: 7 });
    const results = await verifyAll(f.store, f.store.db);
    await more;
    expect(differencesOf(results)).toEqual({ records: [], 'metric-series': [], 'audit-log': [] });
    await caughtUp();
  }, 120_000);

  it('reports deliberately corrupted rows, with their keys, and the CLI exits 1', async () => {
    const db = f.store.db;
    const actionId = workload.actionIds[3] as string;
    const {
      rows: [audited],
    } = await db.query<{ position: string }>(
      'SELECT global_position::text AS position FROM rm_audit_events ORDER BY global_position OFFSET 10 LIMIT 1',
    );
    const {
      rows: [point],
    } = await db.query<{ id: string }>('SELECT point_id AS id FROM rm_metric_points ORDER BY point_id LIMIT 1');
    await db.query('UPDATE rm_actions SET chase_count = chase_count + 1 WHERE action_id = $1', [actionId]);
    await db.query('DELETE FROM rm_audit_events WHERE global_position = $1', [audited?.position]);
    await db.query(`UPDATE rm_metric_points SET corrections = corrections || '[{"value": 0}]'::jsonb WHERE point_id = $1`, [point?.id]);

    const results = await verifyAll(f.store, db);
    expect(differencesOf(results)).toEqual({
      records: [
        { table: 'rm_actions', onlyInLive: { count: 1, sampleKeys: [actionId] }, onlyInRebuilt: { count: 1, sampleKeys: [actionId] } },
      ],
      'metric-series': [
        {
          table: 'rm_metric_points',
          onlyInLive: { count: 1, sampleKeys: [point?.id] },
          onlyInRebuilt: { count: 1, sampleKeys: [point?.id] },
        },
      ],
      'audit-log': [
        {
          table: 'rm_audit_events',
          onlyInLive: { count: 0, sampleKeys: [] },
          onlyInRebuilt: { count: 1, sampleKeys: [audited?.position] },
        },
      ],
    });

    const cli = await runRebuildCli(schema, ['--all', '--verify']);
    expect(cli.code).toBe(1);
    expect(cli.stdout).toContain(`rm_actions: 1 live rows not in the rebuild (keys ${actionId})`);
    expect(cli.stdout).toContain(
      `rm_audit_events: 0 live rows not in the rebuild (keys -); 1 rebuilt rows not live (keys ${audited?.position})`,
    );
    expect(cli.stderr).toMatch(/records\s+\S+\s+\[[█░]+\]\s+\d+%\s+[\d,]+ \/ [\d,]+ events/);
  }, 120_000);

  it('repairs them with a rebuild through the CLI, after which verify exits 0', async () => {
    const rebuilt = await runRebuildCli(schema, ['records', 'metric-series', 'audit-log']);
    expect({ code: rebuilt.code, stderr: rebuilt.code === 0 ? '' : rebuilt.stderr }).toEqual({ code: 0, stderr: '' });
    expect(rebuilt.stdout).toMatch(/records: rebuilt from \d+ events and swapped in at position \d+/);
    const verified = await runRebuildCli(schema, ['--all', '--verify']);
    expect(verified.code).toBe(0);
    expect(verified.stdout.match(/no differences/g)).toHaveLength(3);
    const facts = await projectionFacts(f.store, f.store.db);
    expect(facts.actionMismatches).toEqual([]);
    expect(facts.auditRows).toBe(facts.events);
  }, 120_000);

  it('exits 2 with the usage on a bad argument', async () => {
    const cli = await runRebuildCli(schema, ['--everything']);
    expect(cli.code).toBe(2);
    expect(cli.stderr).toContain('Unknown option --everything');
    expect(cli.stderr).toContain('Usage: npm run projections:rebuild');
  });
});
