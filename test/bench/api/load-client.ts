/**
 * The load generator, run as a child process of api.bench so that it neither shares the app's event loop
 * nor counts towards the app's RSS. It takes one LoadPlan over IPC, runs autocannon and answers a LoadResult.
 */
import autocannon from 'autocannon';
import type { ChildAnswer } from './run-load.js';
import { MixedWorkload, type KindSummary, type LoadPlan } from './workload.js';

export interface LoadResult {
  readonly label: string;
  readonly durationSec: number;
  readonly kinds: KindSummary[];
  /** Connection errors and timeouts (no HTTP answer at all). */
  readonly errors: number;
  readonly timeouts: number;
  /** autocannon's own figures, whole milliseconds, as a cross-check of ours. */
  readonly autocannonP50Ms: number;
  readonly autocannonP99Ms: number;
  readonly autocannonNon2xx: number;
  /** CPU time of this load-generator process during the run. */
  readonly cpuMs: number;
}

export type ClientMessage = ChildAnswer<LoadResult>;

function run(plan: LoadPlan): Promise<LoadResult> {
  const workload = new MixedWorkload(plan);
  const cpu0 = process.cpuUsage();
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: plan.baseUrl,
        connections: plan.connections,
        pipelining: 1,
        duration: plan.durationSec,
        maxOverallRequests: plan.maxRequests,
        timeout: 10,
        requests: [workload.step()],
      },
      (error, result) => {
        if (error) {
          reject(error);
          return;
        }
        resolve({
          label: plan.label,
          durationSec: result.duration,
          kinds: workload.summaries(),
          errors: result.errors,
          timeouts: result.timeouts,
          autocannonP50Ms: result.latency.p50,
          autocannonP99Ms: result.latency.p99,
          autocannonNon2xx: result.non2xx,
          cpuMs: cpuMsSince(cpu0),
        });
      },
    );
    instance.on('response', (_client, _status, _bytes, responseTimeMs) => workload.recordLatency(responseTimeMs));
  });
}

function cpuMsSince(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

function reply(message: ClientMessage): void {
  process.send?.(message, () => process.exit(0));
}

process.once('message', (plan: LoadPlan) => {
  run(plan).then(
    (result) => reply({ ok: true, result }),
    (error: unknown) => reply({ ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
  );
});
