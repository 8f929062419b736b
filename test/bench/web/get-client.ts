/**
 * The web bench's load generator, run as a child process so that it shares neither the app's event loop nor
 * its CPU accounting. It takes one GetPlan over IPC, sends the GETs with `concurrency` keep-alive workers and
 * answers every response's latency (ms, as this client measured it from request to the last byte).
 */
import { performance } from 'node:perf_hooks';

export interface GetPlan {
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly concurrency: number;
  /** Requests sent one at a time before measuring (at most 5 s of them). */
  readonly warmUp: number;
  readonly requests: number;
  /** Stop sending new requests after this many seconds, so a slow view cannot hold the bench for long. */
  readonly maxSeconds: number;
}

export type GetAnswer =
  | { readonly ok: true; readonly latencies: number[]; readonly bytes: number; readonly seconds: number }
  | { readonly ok: false; readonly error: string };

const WARM_UP_SECONDS = 5;

async function once(plan: GetPlan): Promise<{ ms: number; bytes: number }> {
  const t0 = performance.now();
  const res = await fetch(plan.url, { headers: plan.headers, redirect: 'manual' });
  const body = await res.arrayBuffer();
  const ms = performance.now() - t0;
  if (res.status !== 200) throw new Error(`GET ${plan.url} answered ${res.status}: ${Buffer.from(body).toString('utf8').slice(0, 300)}`);
  return { ms, bytes: body.byteLength };
}

async function run(plan: GetPlan): Promise<GetAnswer> {
  const warmUntil = performance.now() + WARM_UP_SECONDS * 1000;
  for (let i = 0; i < plan.warmUp && performance.now() < warmUntil; i++) await once(plan);
  const latencies: number[] = [];
  let bytes = 0;
  let sent = 0;
  const started = performance.now();
  const deadline = started + plan.maxSeconds * 1000;
  const worker = async (): Promise<void> => {
    while (sent < plan.requests && performance.now() < deadline) {
      sent++;
      const answer = await once(plan);
      latencies.push(answer.ms);
      bytes = answer.bytes;
    }
  };
  await Promise.all(Array.from({ length: plan.concurrency }, worker));
  return { ok: true, latencies, bytes, seconds: (performance.now() - started) / 1000 };
}

process.once('message', (plan: GetPlan) => {
  run(plan).then(
    (answer) => process.send?.(answer, () => process.exit(0)),
    (error: unknown) =>
      process.send?.(
        { ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies GetAnswer,
        () => process.exit(0),
      ),
  );
});
