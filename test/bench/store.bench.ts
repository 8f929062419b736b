/**
 * Event-store benchmark: `npm run bench:store`. Runs scenarios A-E against PostgreSQL and the embedded
 * PGlite adapter, prints one aligned table and the targets. Exits 0 unless the bench itself crashed.
 * BENCH_SCALE multiplies every count (default 1); BENCH_ONLY=postgres|embedded runs one adapter.
 */
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { openEmbeddedTarget, openPostgresTarget, type BenchTarget } from './adapters.js';
import type { Row } from './measure.js';
import { scenarioERecords } from './catch-up-projection.js';
import { scenarioD, scenarioDAnalyzed, scenarioE } from './read-scenarios.js';
import { formatTable, formatVerdicts, postgresTargets, type Verdict } from './report.js';
import { scenarioA, scenarioB, scenarioC, seedLog, warmUp } from './write-scenarios.js';

type AdapterName = BenchTarget['name'];

function settings(): { scale: number; adapters: AdapterName[] } {
  const scale = Number(process.env.BENCH_SCALE ?? '1');
  if (!Number.isFinite(scale) || scale <= 0) throw new Error(`BENCH_SCALE must be a positive number, not ${process.env.BENCH_SCALE}`);
  const only = process.env.BENCH_ONLY;
  if (only !== undefined && only !== '' && only !== 'postgres' && only !== 'embedded') {
    throw new Error(`BENCH_ONLY must be postgres or embedded, not ${only}`);
  }
  return { scale, adapters: only ? [only] : ['postgres', 'embedded'] };
}

const t0 = performance.now();
function progress(message: string): void {
  process.stderr.write(`[bench ${((performance.now() - t0) / 1000).toFixed(1).padStart(6)}s] ${message}\n`);
}

async function runAdapter(t: BenchTarget, scale: number, rows: Row[], checks: Verdict[]): Promise<void> {
  const { sizes } = t;
  const step = (label: string, added: readonly Row[]) => {
    rows.push(...added);
    progress(`${t.name}: ${label} done`);
  };
  await warmUp(t, 200);
  step('warm-up (200 appends + 200 of each bare insert, not measured)', []);
  step('A c=1', await scenarioA(t, 1, sizes.appendsC1));
  step('A c=16', await scenarioA(t, 16, sizes.appendsC16));
  const bNote = sizes.streamsB === 2_000 ? undefined : `scaled: ${sizes.streamsB} streams, not 2,000`;
  step('B', await scenarioB(t, sizes.streamsB, bNote));
  const c = await scenarioC(t, sizes.perWriterC);
  checks.push({ label: `${t.name}: C versions 1..n, no gap or duplicate`, pass: c.ok, detail: c.rows[0]?.note ?? '' });
  step('C', c.rows);
  const seed = await seedLog(t, sizes.logForReads);
  step(`seed to ${sizes.logForReads} events`, seed ? [seed] : []);
  const d = await scenarioD(t);
  step('D', d.rows);
  const e = await scenarioE(t, d.events);
  checks.push({ label: `${t.name}: E read model and checkpoint`, pass: e.note?.endsWith('OK') ?? false, detail: e.note ?? '' });
  step('E', [e]);
  const withRecords = await scenarioERecords(t.name, scale, sizes.logForReads);
  for (const row of withRecords)
    checks.push({
      label: `${t.name}: ${row.scenario} read model and checkpoint`,
      pass: row.note?.includes(': OK') ?? false,
      detail: row.note ?? '',
    });
  step("E' (the counter and the records projection over a domain log)", withRecords);
  step("D' (diagnostic: readAll after ANALYZE events)", [await scenarioDAnalyzed(t)]);
}

const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

async function main(): Promise<void> {
  const { scale, adapters } = settings();
  const loadAtStart = load();
  progress(`BENCH_SCALE=${scale}, adapters: ${adapters.join(', ')}`);
  const rows: Row[] = [];
  const checks: Verdict[] = [];
  const notes: string[] = [];
  for (const name of adapters) {
    const opened = performance.now();
    const t = name === 'postgres' ? await openPostgresTarget(scale) : await openEmbeddedTarget(scale);
    progress(`${name}: opened in ${((performance.now() - opened) / 1000).toFixed(1)}s`);
    notes.push(`${name}: ${t.baselineNote}`);
    try {
      await runAdapter(t, scale, rows, checks);
    } finally {
      await t.dispose();
    }
  }
  const table = formatTable(rows);
  const out = [
    '',
    `Event store benchmark (BENCH_SCALE=${scale}; ${new Date().toISOString()}; node ${process.version})`,
    'Latency: per append for A/B/C (C: per attempt, conflicts included), per page for D, per batch for E.',
    'Peak RSS: this Node process (PGlite runs inside it; the PostgreSQL server does not), sampled every 50 ms.',
    `Machine load average (1/5/15 min) at start: ${loadAtStart}, at end: ${load()} (other work here skews figures).`,
    ...notes.map((n) => `  ${n}`),
    '',
    table,
    '',
    adapters.includes('postgres')
      ? formatVerdicts('Targets (PostgreSQL):', postgresTargets(rows))
      : 'Targets (PostgreSQL): not run (BENCH_ONLY=embedded)',
    '',
    formatVerdicts('Checks:', checks),
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
    process.stderr.write(`bench crashed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  },
);
