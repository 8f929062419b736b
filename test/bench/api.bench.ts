/**
 * API benchmark: `npm run bench:api`. Starts the real app in this process on PostgreSQL and on the embedded
 * store, drives a mixed command workload over HTTP with autocannon (in a child process) and prints requests/s,
 * latency, non-2xx answers and peak RSS beside the store's raw append rate. Exits 0 unless the bench crashed.
 * BENCH_ONLY=postgres|embedded runs one store; BENCH_API_SECONDS sets the measured time per store (default 15);
 * BENCH_API_PROJECTIONS=off runs the app without its in-process projections (default in-process, as `npm start`);
 * BENCH_API_CPU_PROFILE=<dir> writes a CPU profile of the app during each measured load and summarises it;
 * BENCH_API_GROWTH_COMMANDS sets the commands timed per stream size of the stream-growth curve (default 100, 0 skips it).
 */
import 'reflect-metadata';
import { availableParallelism } from 'node:os';
import { performance } from 'node:perf_hooks';
import { machineLoad } from './machine-load.js';
import { formatVerdicts } from './report.js';
import { formatApiTable, formatDiagnostics, formatGrowth, growthTarget, postgresTarget, rawShareTarget } from './api/report.js';
import { runOnStore, type RunOutcome, type Settings } from './api/scenario.js';
import type { StoreName } from './api/stores.js';
import { MIX } from './api/workload.js';

function settings(): { stores: StoreName[]; settings: Settings } {
  const seconds = Number(process.env.BENCH_API_SECONDS ?? '15');
  if (!Number.isFinite(seconds) || seconds <= 0)
    throw new Error(`BENCH_API_SECONDS must be a positive number, not ${process.env.BENCH_API_SECONDS}`);
  const only = process.env.BENCH_ONLY;
  if (only !== undefined && only !== '' && only !== 'postgres' && only !== 'embedded') {
    throw new Error(`BENCH_ONLY must be postgres or embedded, not ${only}`);
  }
  const growthCommands = Number(process.env.BENCH_API_GROWTH_COMMANDS ?? '100');
  if (!Number.isInteger(growthCommands) || growthCommands < 0)
    throw new Error(`BENCH_API_GROWTH_COMMANDS must be a whole number, not ${process.env.BENCH_API_GROWTH_COMMANDS}`);
  const projections = process.env.BENCH_API_PROJECTIONS ?? 'in-process';
  if (projections !== 'in-process' && projections !== 'off')
    throw new Error(`BENCH_API_PROJECTIONS must be in-process or off, not ${projections}`);
  return {
    stores: only ? [only] : ['postgres', 'embedded'],
    settings: {
      connections: 32,
      seconds,
      warmUpSeconds: 3,
      maxRequests: 50_000,
      actionPool: { postgres: 500, embedded: 200 },
      rawSeconds: 4,
      projections,
      cpuProfileDir: process.env.BENCH_API_CPU_PROFILE || undefined,
      growthCommands,
    },
  };
}

const t0 = performance.now();
function progress(message: string): void {
  process.stderr.write(`[bench:api ${((performance.now() - t0) / 1000).toFixed(1).padStart(6)}s] ${message}\n`);
}

const percent = (share: number) => `${Math.round(share * 100)}%`;

async function main(): Promise<void> {
  const { stores, settings: s } = settings();
  const loadAtStart = machineLoad();
  progress(`stores: ${stores.join(', ')}; ${s.seconds} s per store at c=${s.connections}`);
  const runs: RunOutcome[] = [];
  for (const name of stores) runs.push(await runOnStore(name, s, progress));

  const mix = Object.entries(MIX)
    .map(([kind, share]) => `${kind} ${percent(share)}`)
    .join(', ');
  const out = [
    '',
    `API benchmark (${new Date().toISOString()}; node ${process.version})`,
    `Workload: POST commands over HTTP/1.1 keep-alive, ${s.connections} connections, ${s.seconds} s (at most ${s.maxRequests.toLocaleString('en-US')} requests)` +
      ` per store after a ${s.warmUpSeconds} s warm-up; mix ${mix}.`,
    `  Projections: ${s.projections === 'in-process' ? 'running inside the app, as npm start runs them' : 'off (BENCH_API_PROJECTIONS=off)'}.`,
    `  Progress and chases go to pre-created actions (${Object.entries(s.actionPool)
      .map(([store, n]) => `${store} ${n}`)
      .join(', ')});` +
      ' completions to actions created in the run, each once' +
      ' (with none waiting, a create is sent instead).',
    '  The load generator is a child process; latency is per request as autocannon measured it, percentiles over every response.',
    "Peak RSS: the app's process (the app, the pg driver, and PGlite when embedded), sampled every 50 ms; the PostgreSQL server is not included.",
    `Machine: ${availableParallelism()} cores, shared by the app, the load generator and PostgreSQL; load average (1/5/15 min)` +
      ` at start ${loadAtStart}, at end ${machineLoad()}.`,
    ...runs.map((r) => `  ${r.store}: ${r.where}`),
    '',
    formatApiTable(runs),
    '',
    'Where the time goes (measured load only):',
    ...runs.map(formatDiagnostics),
    '',
    `A command as its stream grows: ${s.growthCommands} officer progress reports one at a time (c=1) on actions holding 1 (new), 10, 1,000 and 10,000 events:`,
    ...runs.map(formatGrowth),
    '',
    formatVerdicts('Target:', [
      postgresTarget(runs.find((r) => r.store === 'postgres')),
      ...runs.map(rawShareTarget),
      ...runs.map(growthTarget),
    ]),
    `  Note: the load is a closed loop of ${s.connections} connections, so mean latency = ${s.connections} / throughput (Little's law):` +
      ` 500/s means ${Math.round((s.connections / 500) * 1000)} ms on average, and p99 < 50 ms needs more than ${Math.round(s.connections / 0.05)}/s.`,
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
