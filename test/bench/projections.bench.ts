import { openEmbeddedTarget, openPostgresTarget, type BenchTarget } from './adapters.js';
import { seedDomainLog, type SeedResult } from './projections/domain-seed.js';
import { readWholeLog, rebuildEach, type RateFigure } from './projections/rebuild-rate.js';
import { VIEW_PAGE_SIZE, viewLatencies, type LatencyFigure } from './projections/view-latency.js';
import { formatVerdicts, type Verdict } from './report.js';

const REBUILD_TARGET_EPS = 20_000;
const REBUILD_TARGET_SHARE = 0.25;
const QUERY_TARGET_MS = 10;
const DEFAULT_EVENTS = { postgres: 1_000_000, embedded: 100_000 } as const;

type AdapterName = keyof typeof DEFAULT_EVENTS;

function eventsFor(adapter: AdapterName): number {
  const override = process.env.BENCH_PROJ_EVENTS;
  return override ? Number(override) : DEFAULT_EVENTS[adapter];
}

/** BENCH_PROJ_ADAPTERS=postgres or embedded runs one only; both by default. */
function adapters(): AdapterName[] {
  const wanted = (process.env.BENCH_PROJ_ADAPTERS ?? 'postgres,embedded').split(',').map((s) => s.trim());
  return (['postgres', 'embedded'] as const).filter((name) => wanted.includes(name));
}

const eps = (n: number) => `${Math.round(n).toLocaleString('en-US')} events/s`;
const pct = (n: number) => `${(n * 100).toFixed(0)}%`;

function rebuildTable(read: RateFigure, rebuilds: readonly RateFigure[], total: number): { lines: string[]; verdicts: Verdict[] } {
  const seconds = rebuilds.reduce((sum, r) => sum + r.seconds, 0);
  const overall: RateFigure = {
    name: 'all three, one after another',
    events: total,
    seconds,
    eventsPerSec: seconds > 0 ? total / seconds : 0,
  };
  const rows = [...rebuilds, overall];
  const lines = [
    `  ${'read / rebuild'.padEnd(36)} ${'events'.padStart(10)} ${'seconds'.padStart(8)} ${'events/s'.padStart(10)}  vs read`,
    `  ${read.name.padEnd(36)} ${String(read.events).padStart(10)} ${read.seconds.toFixed(1).padStart(8)} ${Math.round(read.eventsPerSec).toLocaleString('en-US').padStart(10)}`,
    ...rows.map(
      (r) =>
        `  ${`rebuild ${r.name}`.padEnd(36)} ${String(r.events).padStart(10)} ${r.seconds.toFixed(1).padStart(8)} ${Math.round(r.eventsPerSec).toLocaleString('en-US').padStart(10)}  ${pct(r.eventsPerSec / read.eventsPerSec).padStart(7)}`,
    ),
  ];
  const verdicts = rows.map((r) => ({
    label: `rebuild ${r.name} >= 20,000 events/s and >= 25% of read`,
    pass: r.eventsPerSec >= REBUILD_TARGET_EPS && r.eventsPerSec >= REBUILD_TARGET_SHARE * read.eventsPerSec,
    detail: `${eps(r.eventsPerSec)}, ${pct(r.eventsPerSec / read.eventsPerSec)} of ${eps(read.eventsPerSec)}`,
  }));
  return { lines, verdicts };
}

function latencyTable(figures: readonly LatencyFigure[]): { lines: string[]; verdicts: Verdict[] } {
  return {
    lines: figures.map(
      (f) =>
        `  ${f.name.padEnd(36)} p50 ${f.p50Ms.toFixed(2).padStart(7)} ms   p99 ${f.p99Ms.toFixed(2).padStart(7)} ms   (${f.rows} rows/page)`,
    ),
    verdicts: figures.map((f) => ({ label: `${f.name} p99 < 10 ms`, pass: f.p99Ms < QUERY_TARGET_MS, detail: `${f.p99Ms.toFixed(2)} ms` })),
  };
}

async function benchOne(adapter: AdapterName): Promise<Verdict[]> {
  const target: BenchTarget = adapter === 'postgres' ? await openPostgresTarget(1) : await openEmbeddedTarget(1);
  try {
    const wanted = eventsFor(adapter);
    console.log(`\n== ${adapter}: seeding ${wanted.toLocaleString('en-US')} events (100-event batches, concurrency 8) ==`);
    const seed: SeedResult = await seedDomainLog(target.store, wanted);
    console.log(
      `  seeded ${seed.events.toLocaleString('en-US')} events (${seed.actions.toLocaleString('en-US')} actions) in ${seed.seconds.toFixed(1)} s (${eps(seed.events / seed.seconds)})`,
    );
    const read = await readWholeLog(target.store);
    const rebuilds = await rebuildEach(target.store);
    const rebuild = rebuildTable(read, rebuilds, read.events);
    const [{ count } = { count: '0' }] = await target.rawQuery<{ count: string }>('SELECT count(*)::text AS count FROM rm_actions', []);
    console.log(rebuild.lines.join('\n'));
    console.log(
      `  views over ${Number(count).toLocaleString('en-US')} actions, page of ${VIEW_PAGE_SIZE} (the default), 500 runs each after 50 warm-up;` +
        ' HTTP = the app on loopback, bearer token and minPosition, one request at a time:',
    );
    const latency = latencyTable(await viewLatencies(target.store, seed.busiestPostId));
    console.log(latency.lines.join('\n'));
    return [...rebuild.verdicts, ...latency.verdicts].map((v) => ({ ...v, label: `${adapter}: ${v.label}` }));
  } finally {
    await target.dispose();
  }
}

async function main(): Promise<void> {
  const verdicts: Verdict[] = [];
  for (const adapter of adapters()) verdicts.push(...(await benchOne(adapter)));
  console.log(`\n${formatVerdicts('Targets (informative; the exit code is 0 unless the bench crashes):', verdicts)}`);
  console.log(`\npeak RSS: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
