import { availableParallelism } from 'node:os';
import { percentile, type Row } from '../measure.js';
import { formatColumns, type Verdict } from '../report.js';
import type { RunOutcome } from './scenario.js';
import type { KindSummary } from './workload.js';

const HEADERS = ['store', 'workload', 'answered', '2xx', 'non-2xx', 'req/s', '2xx/s', 'p50 ms', 'p99 ms', 'peak RSS MB', 'notes'] as const;
const NUMERIC = new Set([2, 3, 4, 5, 6, 7, 8, 9]);

const int = (n: number) => Math.round(n).toLocaleString('en-US');
const sorted = (values: readonly number[]) => [...values].sort((a, b) => a - b);
const failuresText = (failures: Record<string, number>) =>
  Object.entries(failures)
    .map(([status, count]) => `${status} x${count}`)
    .join(', ');

interface Totals {
  readonly answered: number;
  readonly ok: number;
  readonly failures: Record<string, number>;
  readonly latencies: number[];
}

function totals(kinds: readonly KindSummary[]): Totals {
  const failures: Record<string, number> = {};
  for (const k of kinds) for (const [status, count] of Object.entries(k.failures)) failures[status] = (failures[status] ?? 0) + count;
  const failed = Object.values(failures).reduce((a, b) => a + b, 0);
  const ok = kinds.reduce((a, k) => a + k.ok, 0);
  return { answered: ok + failed, ok, failures, latencies: sorted(kinds.flatMap((k) => k.latenciesMs)) };
}

export interface Headline {
  readonly okPerSec: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly non2xx: number;
}

export function headline(run: RunOutcome): Headline {
  const t = totals(run.load.result.kinds);
  return {
    okPerSec: t.ok / run.load.result.durationSec,
    p50Ms: percentile(t.latencies, 0.5),
    p99Ms: percentile(t.latencies, 0.99),
    non2xx: t.answered - t.ok,
  };
}

function httpRows(run: RunOutcome): string[][] {
  const { result, server } = run.load;
  const seconds = result.durationSec;
  const line = (label: string, t: Totals, rss: string, note: string) => {
    const failed = t.answered - t.ok;
    return [
      run.store,
      label,
      int(t.answered),
      int(t.ok),
      failed === 0 ? '0' : `${failed} (${failuresText(t.failures)})`,
      int(t.answered / seconds),
      int(t.ok / seconds),
      percentile(t.latencies, 0.5).toFixed(1),
      percentile(t.latencies, 0.99).toFixed(1),
      rss,
      note,
    ];
  };
  const all = totals(result.kinds);
  const unpaired = all.answered - all.latencies.length;
  const note =
    `${unpaired === 0 ? '' : `LATENCY MISSING FOR ${unpaired} ANSWERS; `}${seconds.toFixed(1)} s; app event loop busy ${(server.eventLoopUtilisation * 100).toFixed(0)}%, app CPU ${server.cpuCores.toFixed(2)} cores` +
    `; autocannon p50/p99 ${result.autocannonP50Ms}/${result.autocannonP99Ms} ms; conn errors ${result.errors}, timeouts ${result.timeouts}`;
  const rows = [line(`HTTP mixed commands, c=${run.connections}`, all, server.peakRssMb.toFixed(0), note)];
  for (const k of result.kinds) {
    const kindTotals = {
      answered: k.ok + Object.values(k.failures).reduce((a, b) => a + b, 0),
      ok: k.ok,
      failures: k.failures,
      latencies: sorted(k.latenciesMs),
    };
    rows.push(line(`  ${k.kind}`, kindTotals, '', ''));
  }
  return rows;
}

function rawRow(raw: Row, httpOkPerSec: number): string[] {
  const share = `HTTP 2xx/s is ${((httpOkPerSec / raw.eventsPerSec) * 100).toFixed(0)}% of this`;
  return [
    raw.adapter,
    raw.scenario,
    int(raw.events),
    int(raw.events),
    '0',
    int(raw.eventsPerSec),
    int(raw.eventsPerSec),
    raw.p50Ms.toFixed(1),
    raw.p99Ms.toFixed(1),
    raw.peakRssMb.toFixed(0),
    `${raw.seconds.toFixed(1)} s, 1 event per append; ${share}`,
  ];
}

export function formatApiTable(runs: readonly RunOutcome[]): string {
  const body: string[][] = [];
  const breaks = new Set<number>();
  for (const run of runs) {
    if (body.length > 0) breaks.add(body.length);
    body.push(...httpRows(run), rawRow(run.raw, headline(run).okPerSec));
  }
  return formatColumns(HEADERS, body, NUMERIC, breaks);
}

/**
 * CPU milliseconds per answered command, by process. Everything shares this machine's cores, so their sum
 * bounds the throughput whatever the concurrency: cores x 1000 / (ms per command).
 */
function cpuBudget(run: RunOutcome, commands: number): string {
  const { server, result } = run.load;
  const per = (ms: number) => (commands > 0 ? ms / commands : 0);
  const app = per(server.cpuMs);
  const client = per(result.cpuMs);
  const database = run.postgresCpu ? per(run.postgresCpu.cpuMs) : 0;
  const total = app + client + database;
  const cores = availableParallelism();
  const dbText = run.postgresCpu ? `, PostgreSQL backends ${database.toFixed(2)} ms (${run.postgresCpu.backends} backends)` : '';
  return (
    `  ${run.store}: CPU per command: app process ${app.toFixed(2)} ms${dbText}, load generator ${client.toFixed(2)} ms;` +
    ` total ${total.toFixed(2)} ms, so ${cores} cores cap this machine near ${int((cores * 1000) / total)} commands/s;` +
    ` the app's one event loop alone caps it near ${int(1000 / app)}/s`
  );
}

/** Where the time goes: CPU and round trips per command, and how long the database held each one. */
export function formatDiagnostics(run: RunOutcome): string {
  const { sql, poolWaits } = run;
  const commands = totals(run.load.result.kinds).answered;
  const per = (n: number) => (commands > 0 ? n / commands : 0).toFixed(2);
  const pool = poolWaits
    ? `; callers waiting for a pool connection: mean ${poolWaits.meanWaiting.toFixed(1)}, max ${poolWaits.maxWaiting}`
    : '';
  const top = Object.entries(sql.byStatement)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 8)
    .map(([statement, n]) => `      ${per(n).padStart(6)} x ${statement}`);
  return [
    cpuBudget(run, commands),
    `  ${run.store}: stream reads per command: ${per(sql.streamReads.whole)} whole streams,` +
      ` ${per(sql.streamReads.fromVersion)} from a later version (the tail past a cached state)`,
    `  ${run.store}: per command (projections included) ${per(sql.statements)} SQL statements in ${per(sql.transactions)} transactions;` +
      ` time inside database calls ${per(sql.busyMs)} ms (summed over callers, pool waits included;` +
      ` in transactions ${per(sql.transactionMs)} ms)${pool}`,
    '    most frequent statements, per command:',
    ...top,
    ...(run.cpuProfile ? [run.cpuProfile] : []),
  ].join('\n');
}

export function postgresTarget(run: RunOutcome | undefined): Verdict {
  if (!run) return { label: 'PostgreSQL: >= 500 commands/s with p99 < 50 ms', pass: undefined, detail: 'not run' };
  const h = headline(run);
  return {
    label: 'PostgreSQL: >= 500 commands/s with p99 < 50 ms',
    pass: h.okPerSec >= 500 && h.p99Ms < 50,
    detail: `${int(h.okPerSec)} commands/s (2xx), p99 ${h.p99Ms.toFixed(1)} ms, non-2xx ${h.non2xx}`,
  };
}

/** Within this many times the cost of a command on a new action, at 10,000 events. */
const FLAT_WITHIN = 1.5;

/** The cost of a command as its stream grows, against a new action's, as a curve. */
export function formatGrowth(run: RunOutcome): string {
  const base = run.growth[0];
  if (!base) return `  ${run.store}: not measured (BENCH_API_GROWTH_COMMANDS=0)`;
  const rows = run.growth.map((p) => {
    const ratio = base.p50Ms > 0 ? p.p50Ms / base.p50Ms : 0;
    const reads = `stream reads per command ${p.streamReads.whole.toFixed(2)} whole, ${p.streamReads.fromVersion.toFixed(2)} from a version`;
    return (
      `  ${run.store.padEnd(8)} ${int(p.events).padStart(6)} events: p50 ${p.p50Ms.toFixed(2).padStart(7)} ms,` +
      ` mean ${p.meanMs.toFixed(2).padStart(7)} ms, p99 ${p.p99Ms.toFixed(2).padStart(7)} ms;` +
      ` ${ratio.toFixed(2)}x a new action (p50) ${'#'.repeat(Math.min(60, Math.round(ratio * 10)))}; ${reads}`
    );
  });
  return rows.join('\n');
}

export function growthTarget(run: RunOutcome): Verdict {
  const label = `${run.store}: a command at 10,000 events within ${FLAT_WITHIN}x of one on a new action (p50)`;
  const base = run.growth[0];
  const largest = run.growth.at(-1);
  if (!base || !largest || largest === base) return { label, pass: undefined, detail: 'not measured' };
  const ratio = largest.p50Ms / base.p50Ms;
  return {
    label,
    pass: ratio <= FLAT_WITHIN,
    detail: `${ratio.toFixed(2)}x (${largest.p50Ms.toFixed(2)} ms at ${int(largest.events)} events, ${base.p50Ms.toFixed(2)} ms new)`,
  };
}

/** Issue 17, target 1: HTTP commands/s as a share of the raw append rate of the same run (and p99 < 50 ms on PostgreSQL). */
const RAW_SHARE: Readonly<Record<RunOutcome['store'], number>> = { postgres: 0.4, embedded: 0.3 };

export function rawShareTarget(run: RunOutcome): Verdict {
  const h = headline(run);
  const wanted = RAW_SHARE[run.store];
  const share = h.okPerSec / run.raw.eventsPerSec;
  const p99 = run.store === 'postgres' ? ' with p99 < 50 ms' : '';
  return {
    label: `${run.store}: HTTP commands/s >= ${Math.round(wanted * 100)}% of the raw append rate${p99}`,
    pass: share >= wanted && (run.store !== 'postgres' || h.p99Ms < 50),
    detail: `${Math.round(share * 100)}% (${int(h.okPerSec)}/s of ${int(run.raw.eventsPerSec)}/s), p99 ${h.p99Ms.toFixed(1)} ms`,
  };
}
