/**
 * API benchmark: `npm run bench:api`. Starts the real app in this process on PostgreSQL and on the embedded
 * store, drives a mixed command workload over HTTP with autocannon (in a child process) and prints requests/s,
 * latency, non-2xx answers and peak RSS beside the store's raw append rate. Exits 0 unless the bench crashed.
 * BENCH_ONLY=postgres|embedded runs one store; BENCH_API_SECONDS sets the measured time per store (default 15).
 */
import 'reflect-metadata';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { formatVerdicts } from './report.js';
import { formatApiTable, formatDiagnostics, postgresTarget } from './api/report.js';
import { runOnStore, type RunOutcome, type Settings } from './api/scenario.js';
import type { StoreName } from './api/stores.js';
import { MIX } from './api/workload.js';

function settings(): { stores: StoreName[]; settings: Settings } {
  const seconds = Number(process.env.BENCH_API_SECONDS ?? '15');
  if (!Number.isFinite(seconds) || seconds <= 0) throw new Error(`BENCH_API_SECONDS must be a positive number, not ${process.env.BENCH_API_SECONDS}`);
  const only = process.env.BENCH_ONLY;
  if (only !== undefined && only !== '' && only !== 'postgres' && only !== 'embedded') {
    throw new Error(`BENCH_ONLY must be postgres or embedded, not ${only}`);
  }
  return {
    stores: only ? [only] : ['postgres', 'embedded'],
    settings: { connections: 32, seconds, warmUpSeconds: 3, maxRequests: 50_000, actionPool: 500, rawSeconds: 4 },
  };
}

const t0 = performance.now();
function progress(message: string): void {
  process.stderr.write(`[bench:api ${((performance.now() - t0) / 1000).toFixed(1).padStart(6)}s] ${message}\n`);
}

const load = () => loadavg().map((l) => l.toFixed(2)).join(' ');
const percent = (share: number) => `${Math.round(share * 100)}%`;

async function main(): Promise<void> {
  const { stores, settings: s } = settings();
  const loadAtStart = load();
  progress(`stores: ${stores.join(', ')}; ${s.seconds} s per store at c=${s.connections}`);
  const runs: RunOutcome[] = [];
  for (const name of stores) runs.push(await runOnStore(name, s, progress));

  const mix = Object.entries(MIX).map(([kind, share]) => `${kind} ${percent(share)}`).join(', ');
  const out = [
    '',
    `API benchmark (${new Date().toISOString()}; node ${process.version})`,
    `Workload: POST commands over HTTP/1.1 keep-alive, ${s.connections} connections, ${s.seconds} s (at most ${s.maxRequests.toLocaleString('en-US')} requests)`
      + ` per store after a ${s.warmUpSeconds} s warm-up; mix ${mix}.`,
    `  Progress and chases go to ${s.actionPool} pre-created actions; completions to actions created in the run, each once`
      + ' (with none waiting, a create is sent instead).',
    '  The load generator is a child process; latency is per request as autocannon measured it, percentiles over every response.',
    'Peak RSS: the app\'s process (the app, the pg driver, and PGlite when embedded), sampled every 50 ms; the PostgreSQL server is not included.',
    `Machine: load average (1/5/15 min) at start ${loadAtStart}, at end ${load()}; the load generator and PostgreSQL share its cores.`,
    ...runs.map((r) => `  ${r.store}: ${r.where}`),
    '',
    formatApiTable(runs),
    '',
    'Where the time goes (measured load only):',
    ...runs.map(formatDiagnostics),
    '',
    formatVerdicts('Target:', [postgresTarget(runs.find((r) => r.store === 'postgres'))]),
    '',
    `Total time ${((performance.now() - t0) / 1000).toFixed(1)}s`,
  ];
  process.stdout.write(`${out.join('\n')}\n`);
}

main().then(
  () => {
    process.exitCode = 0;
  },
  (error: unknown) => {
    process.stderr.write(`bench:api crashed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  },
);
