/**
 * HTTP adapter benchmark: `npm run bench:http` (issue 17, target 1). Serves one small Nest module, the shape
 * of the api's request pipeline without its database (global ValidationPipe, bearer guard, interceptor,
 * exception filter), from two forked server processes, one on Express and one on Fastify, and drives each
 * with autocannon from a third process in alternating rounds. Prints requests/s, latency and the server
 * process's CPU per request, then Fastify as a ratio of Express. It measures, it does not assert: exits 0
 * unless it crashed. BENCH_HTTP_SECONDS sets each measured run (default 5, after a 1 s warm-up);
 * BENCH_HTTP_ROUNDS the rounds per adapter (default 3, at least 2).
 */
import { availableParallelism } from 'node:os';
import { performance } from 'node:perf_hooks';
import { ADAPTERS } from './http/bench-app.js';
import type { RouteName } from './http/bench-requests.js';
import { startServer, type BenchServer } from './http/bench-server.js';
import { measureRound, type Measurement, type Scenario, type Timing } from './http/measure-round.js';
import { checkPipeline } from './http/pipeline-check.js';
import { formatFailures, formatRatios, formatRuns } from './http/report.js';
import { machineLoad } from './machine-load.js';

const ROUTES: readonly RouteName[] = ['POST', 'GET'];
const CONNECTIONS = [1, 32] as const;
const SCENARIOS: readonly Scenario[] = ROUTES.flatMap((route) => CONNECTIONS.map((connections) => ({ route, connections })));

function settings(): Timing & { rounds: number } {
  const seconds = Number(process.env.BENCH_HTTP_SECONDS ?? '5');
  if (!Number.isFinite(seconds) || seconds <= 0)
    throw new Error(`BENCH_HTTP_SECONDS must be a positive number, not ${process.env.BENCH_HTTP_SECONDS}`);
  const rounds = Number(process.env.BENCH_HTTP_ROUNDS ?? '3');
  if (!Number.isInteger(rounds) || rounds < 2)
    throw new Error(`BENCH_HTTP_ROUNDS must be a whole number of at least 2, not ${process.env.BENCH_HTTP_ROUNDS}`);
  return { seconds, warmUpSeconds: 1, rounds };
}

const t0 = performance.now();
function progress(message: string): void {
  process.stderr.write(`[bench:http ${((performance.now() - t0) / 1000).toFixed(1).padStart(6)}s] ${message}\n`);
}

/** Round 1 of every scenario on Express, then on Fastify, then round 2 on each, so drift in the machine's load falls on both. */
async function runRounds(servers: readonly BenchServer[], s: Timing & { rounds: number }): Promise<Measurement[]> {
  const measurements: Measurement[] = [];
  for (let round = 1; round <= s.rounds; round++) {
    for (const server of servers) {
      for (const scenario of SCENARIOS) {
        const m = await measureRound(server, scenario, round, s);
        progress(`${server.adapter} round ${round} ${scenario.route} c=${scenario.connections}: ${Math.round(m.requestsPerSec)}/s`);
        measurements.push(m);
      }
    }
  }
  return measurements;
}

async function main(): Promise<void> {
  const s = settings();
  const loadAtStart = machineLoad();
  const servers = await Promise.all(ADAPTERS.map(startServer));
  try {
    const checks = await Promise.all(servers.map(checkPipeline));
    progress(`${s.rounds} rounds per adapter, ${SCENARIOS.length} scenarios each, ${s.seconds} s after a ${s.warmUpSeconds} s warm-up`);
    const measurements = await runRounds(servers, s);
    const failures = formatFailures(measurements);
    const out = [
      '',
      `HTTP adapter benchmark (${new Date().toISOString()}; node ${process.version})`,
      "One Nest module on each adapter: global ValidationPipe (the api's: whitelist, forbidNonWhitelisted, transform), a bearer-token guard,",
      '  a Server-Timing interceptor and a problem-body exception filter; POST /entries validates a 5-field JSON body and answers 201,',
      '  GET /entries answers a 2 KB JSON page. Each adapter keeps its default JSON body parser; Express without ETag or X-Powered-By, as the api.',
      `Load: autocannon in a child process, HTTP/1.1 keep-alive, ${s.seconds} s per run after a ${s.warmUpSeconds} s warm-up;` +
        ` rounds alternate ${ADAPTERS.join(', ')} (${s.rounds} each). Latency per request as autocannon measured it.`,
      "Server CPU: the server process's process.cpuUsage() (user + system) over the measured run, divided by the answers it gave;" +
        ' on a busy machine requests/s follows what other processes leave free, CPU per request much less so.',
      `Machine: ${availableParallelism()} cores, shared by both servers (one idle at a time), the load generator and anything else running;` +
        ` load average (1/5/15 min) at start ${loadAtStart}, at end ${machineLoad()}.`,
      'Pipeline check (before the load):',
      ...checks.map((c) => `  ${c.ok ? '' : '!!! '}${c.line}`),
      '',
      formatRuns(measurements),
      '',
      `${ADAPTERS[1]} as a ratio of ${ADAPTERS[0]} (median over the rounds, each round paired with the same round of the other; CPU/req below 1 is less work):`,
      formatRatios(measurements),
      '',
      ...(failures.length > 0
        ? ['NON-2XX ANSWERS OR FAILED REQUESTS: the figures above include them.', ...failures, '']
        : ['Every answer was 2xx.', '']),
      `Total time ${((performance.now() - t0) / 1000).toFixed(1)}s`,
    ];
    process.stdout.write(`${out.join('\n')}\n`);
    for (const failure of failures) process.stderr.write(`${failure}\n`);
  } finally {
    await Promise.all(servers.map((server) => server.close()));
  }
}

main().then(
  () => {
    process.exitCode = 0;
  },
  (error: unknown) => {
    process.stderr.write(`bench:http crashed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  },
);
