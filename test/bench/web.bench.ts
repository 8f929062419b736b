/**
 * Web console benchmark: `npm run bench:web`. On PostgreSQL (a fresh schema, dropped at the end), seeds about
 * 100,000 actions straight into the store, builds the read models, starts the real app (console included) and
 * times the server's answer over HTTP for three console pages (My actions, the chase list, a committee's action
 * log) beside the same view's JSON API, at concurrency 1 and 4, from a load client in a child process.
 * Prints the figures and the targets (page p99 < 50 ms, within 1.5x of the JSON view); asserts nothing.
 * BENCH_WEB_REQUESTS sets the measured requests per view and concurrency (default 400), BENCH_WEB_MAX_SECONDS
 * the time limit of each (default 20).
 */
import { availableParallelism, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { openStore } from './api/stores.js';
import { runGets, type GetFigure } from './web/run-gets.js';
import { timeSplit, type SplitFigure } from './web/time-split.js';
import { apiHeaders, consoleCookie, seedWebWorld, startWebServer, type WebWorld } from './web/web-world.js';

const CONCURRENCIES = [1, 4] as const;
const P99_TARGET_MS = 50;
const RATIO_TARGET = 1.5;

interface ViewTarget {
  readonly name: string;
  readonly page: { readonly path: string; readonly headers: Record<string, string> };
  readonly json: { readonly path: string; readonly headers: Record<string, string> };
}

interface ViewFigure {
  readonly view: string;
  readonly concurrency: number;
  readonly page: GetFigure;
  readonly json: GetFigure;
}

const t0 = performance.now();
function progress(message: string): void {
  process.stderr.write(`[bench:web ${((performance.now() - t0) / 1000).toFixed(1).padStart(6)}s] ${message}\n`);
}

function positive(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number, not ${process.env[name]}`);
  return value;
}

async function targetsOf(baseUrl: string, world: WebWorld): Promise<ViewTarget[]> {
  const officer = { Accept: 'text/html', Cookie: await consoleCookie(baseUrl, world.officerId, ['officer']) };
  const staff = { Accept: 'text/html', Cookie: await consoleCookie(baseUrl, world.staffId, ['scrutiny']) };
  return [
    {
      name: 'My actions',
      page: { path: '/', headers: officer },
      json: { path: '/api/v1/me/queue', headers: apiHeaders(world.officerId, ['officer']) },
    },
    {
      name: 'Chase list',
      page: { path: '/chase-list', headers: staff },
      json: { path: '/api/v1/overdue', headers: apiHeaders(world.staffId, ['scrutiny']) },
    },
    {
      name: 'Action log',
      page: { path: `/committees/${world.committeeId}/action-log`, headers: staff },
      json: { path: `/api/v1/committees/${world.committeeId}/action-log`, headers: apiHeaders(world.staffId, ['scrutiny']) },
    },
  ];
}

const ms = (n: number) => n.toFixed(1);
const kb = (bytes: number) => `${Math.round(bytes / 1024)} KB`;

function table(figures: readonly ViewFigure[]): string[] {
  const headers = [
    'view',
    'c',
    'page p50',
    'page p99',
    'JSON p50',
    'JSON p99',
    'p99 page/JSON',
    'page size',
    'JSON size',
    'requests',
    'app ELU',
  ];
  const rows = figures.map((f) => [
    f.view,
    String(f.concurrency),
    ms(f.page.p50Ms),
    ms(f.page.p99Ms),
    ms(f.json.p50Ms),
    ms(f.json.p99Ms),
    `${(f.page.p99Ms / f.json.p99Ms).toFixed(2)}x`,
    kb(f.page.bytes),
    kb(f.json.bytes),
    `${f.page.requests}/${f.json.requests}`,
    `${Math.round(f.page.eventLoopUtilisation * 100)}%/${Math.round(f.json.eventLoopUtilisation * 100)}%`,
  ]);
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join(' | ');
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('-+-'), ...rows.map(line)];
}

function verdicts(figures: readonly ViewFigure[]): string[] {
  return figures.map((f) => {
    const ratio = f.page.p99Ms / f.json.p99Ms;
    const p99 = f.page.p99Ms < P99_TARGET_MS ? 'met' : 'MISSED';
    const near = ratio <= RATIO_TARGET ? 'met' : 'MISSED';
    return `  ${f.view}, c=${f.concurrency}: page p99 < ${P99_TARGET_MS} ms ${p99} (${ms(f.page.p99Ms)} ms); within ${RATIO_TARGET}x of JSON ${near} (${ratio.toFixed(2)}x)`;
  });
}

async function main(): Promise<void> {
  const requests = positive('BENCH_WEB_REQUESTS', 400);
  const maxSeconds = positive('BENCH_WEB_MAX_SECONDS', 20);
  const loadAtStart = loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
  const opened = await openStore('postgres');
  try {
    progress(`seeding on ${opened.where}`);
    const world = await seedWebWorld(opened.store);
    progress(
      `seeded ${world.events} events (${world.actions} actions) in ${world.seedSeconds.toFixed(1)} s, read models in ${world.rebuildSeconds.toFixed(1)} s`,
    );
    const server = await startWebServer(opened.store);
    const figures: ViewFigure[] = [];
    let splits: SplitFigure[] = [];
    try {
      const targets = await targetsOf(server.baseUrl, world);
      for (const target of targets) {
        for (const concurrency of CONCURRENCIES) {
          const plan = (side: { path: string; headers: Record<string, string> }) => ({
            url: `${server.baseUrl}${side.path}`,
            headers: side.headers,
            concurrency,
            warmUp: 20,
            requests,
            maxSeconds,
          });
          progress(`${target.name}, c=${concurrency}: page`);
          const page = await runGets(plan(target.page));
          progress(`${target.name}, c=${concurrency}: JSON`);
          const json = await runGets(plan(target.json));
          figures.push({ view: target.name, concurrency, page, json });
        }
      }
      progress('where the time goes: the gateway and the render alone');
      splits = await timeSplit(server.gateway, world);
    } finally {
      await server.close();
    }
    const out = [
      '',
      `Web console benchmark (${new Date().toISOString()}; node ${process.version})`,
      `PostgreSQL ${opened.where}: ${world.actions.toLocaleString('en-US')} actions (${world.events.toLocaleString('en-US')} events) over 6 committees,` +
        ' 40 posts and 30 meetings, "today" 15 January 2018.',
      `  My actions: the holder of the busiest post (${world.officerActions.toLocaleString('en-US')} open or awaiting sign-off);` +
        ` chase list: ${world.overdueActions.toLocaleString('en-US')} overdue actions; action log: the biggest committee` +
        ` (${world.committeeActions.toLocaleString('en-US')} actions). JSON: the API's same view at its default page (100 rows).`,
      `  Each view and concurrency: up to ${requests} GETs (at most ${maxSeconds} s) after a warm-up, keep-alive, from a child process;` +
        ' latency from request to last byte; "app ELU" is the app event loop\'s busy share during the page/JSON run.',
      `Machine: ${availableParallelism()} cores shared by the app, the client and PostgreSQL (and other work); load average at start ${loadAtStart},` +
        ` at end ${loadavg()
          .map((l) => l.toFixed(2))
          .join(' ')}.`,
      '',
      ...table(figures),
      '',
      "Where a page's time goes (in the app's process, one at a time, 200 runs): the gateway call (access rule, query bus, SQL)" +
        ' and the Nunjucks render, each alone; the rest is Express, the session and the socket.',
      ...splits.map(
        (s) =>
          `  ${s.view.padEnd(10)}  gateway p50 ${ms(s.gatewayP50Ms).padStart(6)} ms, p99 ${ms(s.gatewayP99Ms).padStart(6)} ms;` +
          `  render p50 ${ms(s.renderP50Ms).padStart(6)} ms, p99 ${ms(s.renderP99Ms).padStart(6)} ms`,
      ),
      '',
      'Targets (informative, never asserted):',
      ...verdicts(figures),
      '',
      `Total time ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    ];
    process.stdout.write(`${out.join('\n')}\n`);
  } finally {
    await opened.dispose();
  }
}

main().then(
  () => {
    process.exitCode = 0;
  },
  (error: unknown) => {
    process.stderr.write(`bench:web crashed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  },
);
