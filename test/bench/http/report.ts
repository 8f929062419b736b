import { ADAPTERS } from './bench-app.js';
import type { Measurement, Scenario } from './measure-round.js';
import { formatColumns } from '../report.js';

const HEADERS = ['adapter', 'round', 'route', 'c', 'requests/s', 'p50 ms', 'p99 ms', 'server CPU ms/req', 'non-2xx', 'errors'] as const;
/** Columns aligned right (numbers); the others align left. */
const NUMERIC = new Set([1, 3, 4, 5, 6, 7, 8, 9]);

const int = (n: number) => Math.round(n).toLocaleString('en-US');
const sameScenario = (a: Scenario, b: Scenario) => a.route === b.route && a.connections === b.connections;

function cells(m: Measurement): string[] {
  return [
    m.adapter,
    String(m.round),
    m.route,
    String(m.connections),
    int(m.requestsPerSec),
    m.load.p50Ms.toFixed(2),
    m.load.p99Ms.toFixed(2),
    m.serverCpuMsPerRequest.toFixed(3),
    m.load.non2xx > 0 ? `${m.load.non2xx} !!` : '0',
    String(m.load.errors + m.load.timeouts),
  ];
}

/** The distinct scenarios in the order they first ran. */
function scenariosOf(measurements: readonly Measurement[]): Scenario[] {
  const seen: Scenario[] = [];
  for (const m of measurements) if (!seen.some((s) => sameScenario(s, m))) seen.push({ route: m.route, connections: m.connections });
  return seen;
}

/** Every measured run, grouped by scenario, in the order it ran within the scenario. */
export function formatRuns(measurements: readonly Measurement[]): string {
  const body: string[][] = [];
  const breaks = new Set<number>();
  for (const scenario of scenariosOf(measurements)) {
    if (body.length > 0) breaks.add(body.length);
    body.push(...measurements.filter((m) => sameScenario(m, scenario)).map(cells));
  }
  return formatColumns(HEADERS, body, NUMERIC, breaks);
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? Number.NaN) : ((sorted[mid - 1] ?? Number.NaN) + (sorted[mid] ?? Number.NaN)) / 2;
}

const ratio = (n: number) => `${n.toFixed(2)}x`;
const range = (values: readonly number[]) => `${ratio(Math.min(...values))}-${ratio(Math.max(...values))}`;

/**
 * Fastify over Express per scenario, paired by round (round n of one beside round n of the other, which ran
 * one after the other), as the median of the pairs with their range.
 */
export function formatRatios(measurements: readonly Measurement[]): string {
  const [baseline, candidate] = ADAPTERS;
  const headers = ['route', 'c', `${baseline} req/s`, `${candidate} req/s`, 'req/s ratio (range)', 'CPU/req ratio (range)', 'pairs'];
  const body = scenariosOf(measurements).map((scenario) => {
    const of = (adapter: string) => measurements.filter((m) => m.adapter === adapter && sameScenario(m, scenario));
    const base = of(baseline);
    const pairs = of(candidate).flatMap((c) => {
      const b = base.find((m) => m.round === c.round);
      return b ? [{ rps: c.requestsPerSec / b.requestsPerSec, cpu: c.serverCpuMsPerRequest / b.serverCpuMsPerRequest }] : [];
    });
    const rps = pairs.map((p) => p.rps);
    const cpu = pairs.map((p) => p.cpu);
    return [
      scenario.route,
      String(scenario.connections),
      int(median(base.map((m) => m.requestsPerSec))),
      int(median(of(candidate).map((m) => m.requestsPerSec))),
      pairs.length ? `${ratio(median(rps))} (${range(rps)})` : '-',
      pairs.length ? `${ratio(median(cpu))} (${range(cpu)})` : '-',
      String(pairs.length),
    ];
  });
  return formatColumns(headers, body, new Set([1, 2, 3, 4, 5, 6]), new Set());
}

/** Empty when every answer was 2xx and every request got one. */
export function formatFailures(measurements: readonly Measurement[]): string[] {
  return measurements
    .filter((m) => m.load.non2xx > 0 || m.load.errors > 0 || m.load.timeouts > 0)
    .map(
      (m) =>
        `!!! ${m.adapter} round ${m.round} ${m.route} c=${m.connections}: ${m.load.non2xx} non-2xx answers` +
        ` ${JSON.stringify(m.load.non2xxByStatus)}, ${m.load.errors} connection errors, ${m.load.timeouts} timeouts !!!`,
    );
}
