import { performance } from 'node:perf_hooks';
import { checkpointNameOf, ProjectionRunner, recordsProjection } from '#projections';
import { openEmbeddedTarget, openPostgresTarget, type BenchTarget } from './adapters.js';
import { probe, type Row } from './measure.js';
import { seedDomainLog } from './projections/domain-seed.js';
import { scenarioE } from './read-scenarios.js';

/**
 * E with a real projection: the counter of E and the records projection (the read models behind the views),
 * each caught up from zero over the same log of domain events (the bench log's events are not domain events),
 * in a store of their own of the same kind and size, so their rates stand side by side.
 */
export async function scenarioERecords(kind: BenchTarget['name'], scale: number, events: number): Promise<Row[]> {
  const t = kind === 'postgres' ? await openPostgresTarget(scale) : await openEmbeddedTarget(scale);
  try {
    const seed = await seedDomainLog(t.store, events);
    const counter = await scenarioE(t, seed.events, "E' counter, domain log");
    const p = probe();
    // Per batch: from one batch's commit to the next (the runner catches up in one call).
    let mark = 0;
    const runner = new ProjectionRunner({
      store: t.store,
      db: t.store.db,
      projection: recordsProjection,
      batchSize: 1_000,
      beforeCommit: async () => {
        const now = performance.now();
        p.latencies.push(now - mark);
        mark = now;
      },
    });
    await runner.prepare();
    mark = performance.now();
    await runner.catchUp();
    p.stop();
    const [{ actions, checkpoint } = { actions: '0', checkpoint: null }] = await t.rawQuery<{ actions: string; checkpoint: string | null }>(
      `SELECT (SELECT count(*) FROM rm_actions)::text AS actions, (SELECT position::text FROM checkpoints WHERE name = $1) AS checkpoint`,
      [checkpointNameOf(recordsProjection)],
    );
    const head = await t.store.headPosition();
    const ok = Number(actions) === seed.actions && Number(checkpoint) === head;
    const note = `${actions} actions of ${seed.actions}, checkpoint ${Number(checkpoint) === head ? '= head' : '!= head'}: ${ok ? 'OK' : 'FAILED'}`;
    const records = p.row(t.name, "E' records projection", seed.events, { note });
    records.note = `${note}; ${Math.round((records.eventsPerSec / counter.eventsPerSec) * 100)}% of the counter's rate`;
    return [counter, records];
  } finally {
    await t.dispose();
  }
}
