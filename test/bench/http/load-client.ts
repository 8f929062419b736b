/**
 * The load generator for http.bench, forked once per run so that it shares neither process with the servers
 * nor the parent: it takes one FixedLoadPlan over IPC, sends the same request with autocannon for the planned
 * time and answers a FixedLoadResult.
 */
import autocannon from 'autocannon';
import type { ChildAnswer } from '../api/run-load.js';
import { percentile } from '../measure.js';
import type { BenchRequest } from './bench-requests.js';

export interface FixedLoadPlan {
  readonly baseUrl: string;
  readonly request: BenchRequest;
  readonly connections: number;
  readonly durationSec: number;
}

export interface FixedLoadResult {
  readonly durationSec: number;
  /** Every HTTP answer, whatever its status. */
  readonly responses: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly non2xx: number;
  /** status code -> count, non-2xx only */
  readonly non2xxByStatus: Record<string, number>;
  /** Connection errors and timeouts (no HTTP answer at all). */
  readonly errors: number;
  readonly timeouts: number;
}

function run(plan: FixedLoadPlan): Promise<FixedLoadResult> {
  const latenciesMs: number[] = [];
  const non2xxByStatus: Record<string, number> = {};
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: plan.baseUrl,
        connections: plan.connections,
        pipelining: 1,
        duration: plan.durationSec,
        timeout: 10,
        requests: [{ ...plan.request }],
      },
      (error, result) => {
        if (error) {
          reject(error);
          return;
        }
        latenciesMs.sort((a, b) => a - b);
        resolve({
          durationSec: result.duration,
          responses: latenciesMs.length,
          p50Ms: percentile(latenciesMs, 0.5),
          p99Ms: percentile(latenciesMs, 0.99),
          non2xx: result.non2xx,
          non2xxByStatus,
          errors: result.errors,
          timeouts: result.timeouts,
        });
      },
    );
    instance.on('response', (_client, status, _bytes, responseTimeMs) => {
      latenciesMs.push(responseTimeMs);
      if (status < 200 || status > 299) non2xxByStatus[String(status)] = (non2xxByStatus[String(status)] ?? 0) + 1;
    });
  });
}

function reply(message: ChildAnswer<FixedLoadResult>): void {
  process.send?.(message, () => process.exit(0));
}

process.once('message', (plan: FixedLoadPlan) => {
  run(plan).then(
    (result) => reply({ ok: true, result }),
    (error: unknown) => reply({ ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
  );
});
