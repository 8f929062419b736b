import { CatchUpSubscription, type StoredEvent } from '#event-store';
import type { BenchTarget } from './adapters.js';
import { probe, type Row } from './measure.js';

const PAGE = 1_000;
const RAW_PAGE = `SELECT * FROM events WHERE global_position > $1 ORDER BY global_position LIMIT ${PAGE}`;

export interface ReadAllResult {
  readonly rows: Row[];
  readonly events: number;
}

/** Whether the planner has statistics for `events` (autovacuum on PostgreSQL; never by itself on PGlite). */
async function plannerStats(t: BenchTarget): Promise<string> {
  const { rows } = await t.store.db.query<{ analyzed: boolean }>(
    `SELECT (last_analyze IS NOT NULL OR last_autoanalyze IS NOT NULL) AS analyzed
     FROM pg_stat_user_tables WHERE relid = 'events'::regclass`,
  );
  return rows[0]?.analyzed ? 'events analyzed' : 'events never analyzed';
}

async function readWholeLog(t: BenchTarget, label: string, note: string): Promise<{ row: Row; events: number }> {
  const ours = probe();
  let after = 0;
  let events = 0;
  for (;;) {
    const page = await ours.time(() => t.store.readAll(after, PAGE));
    if (page.events.length === 0) break;
    events += page.events.length;
    after = page.lastPosition;
  }
  ours.latencies.pop(); // the last, empty page only confirms the end
  return { row: ours.row(t.name, label, events, { note }), events };
}

/** D: the whole global log through readAll(after, 1000), then the same pages as plain SQL. */
export async function scenarioD(t: BenchTarget): Promise<ReadAllResult> {
  const { row: oursRow, events } = await readWholeLog(t, 'D readAll, 1000/page', await plannerStats(t));

  const raw = probe();
  let rawAfter = '0';
  let rawEvents = 0;
  for (;;) {
    const rows = await raw.time(() => t.rawQuery<{ global_position: string | number }>(RAW_PAGE, [rawAfter]));
    const last = rows.at(-1);
    if (!last) break;
    rawEvents += rows.length;
    rawAfter = String(last.global_position);
  }
  raw.latencies.pop();
  const rawRow = raw.row(
    t.name,
    '  plain: SELECT pages',
    rawEvents,
    rawEvents === events ? {} : { note: `MISMATCH: readAll saw ${events}` },
  );
  oursRow.ratio = oursRow.eventsPerSec / rawRow.eventsPerSec;
  return { rows: [oursRow, rawRow], events };
}

const READ_MODEL = `CREATE TABLE IF NOT EXISTS bench_type_counts (type text PRIMARY KEY, events bigint NOT NULL)`;
const UPSERT = `
  INSERT INTO bench_type_counts (type, events)
  SELECT type, n FROM jsonb_to_recordset($1::jsonb) AS x(type text, n bigint)
  ON CONFLICT (type) DO UPDATE SET events = bench_type_counts.events + EXCLUDED.events`;

/** E: a catch-up subscription from zero to the head, keeping per-type counts with one upsert per batch. */
export async function scenarioE(t: BenchTarget, expectedEvents: number, label = 'E catch-up, batch 1000'): Promise<Row> {
  const db = t.store.db;
  await db.query(READ_MODEL);
  const subscription = new CatchUpSubscription({
    name: 'bench-type-counts',
    store: t.store,
    checkpoints: db,
    batchSize: 1_000,
    handle: async (events: readonly StoredEvent[], tx) => {
      const counts = new Map<string, number>();
      for (const e of events) counts.set(e.type, (counts.get(e.type) ?? 0) + 1);
      const rows = [...counts].map(([type, n]) => ({ type, n }));
      await tx.query(UPSERT, [JSON.stringify(rows)]);
    },
  });
  const p = probe();
  let applied = 0;
  for (;;) {
    const n = await p.time(() => subscription.runOnce());
    if (n === 0) break;
    applied += n;
  }
  p.latencies.pop(); // the last, empty poll only confirms the head: it is no batch
  p.stop();
  const { rows } = await db.query<{ total: string | null }>('SELECT sum(events)::text AS total FROM bench_type_counts');
  const head = await t.store.headPosition();
  const total = Number(rows[0]?.total ?? 0);
  const ok = total === expectedEvents && applied === expectedEvents && subscription.checkpoint === head;
  const note = `read model ${total} events, checkpoint ${subscription.checkpoint === head ? '= head' : '!= head'}: ${ok ? 'OK' : 'FAILED'}`;
  return p.row(t.name, label, applied, { note });
}

/**
 * Diagnostic, not a target: D again once `events` has planner statistics. Without them the planner
 * misjudges readAll's range (its upper bound is an expression) and sorts the whole rest of the log per page.
 */
export async function scenarioDAnalyzed(t: BenchTarget): Promise<Row> {
  await t.store.db.query('ANALYZE events');
  const { row } = await readWholeLog(t, "D' readAll after ANALYZE", 'diagnostic only, not the target');
  return row;
}
