import { fork } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { percentile } from '../measure.js';
import type { GetAnswer, GetPlan } from './get-client.js';

export interface GetFigure {
  readonly requests: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly bytes: number;
  /** Share of wall time the app's event loop was busy while the load ran (1 = saturated). */
  readonly eventLoopUtilisation: number;
}

const CLIENT = fileURLToPath(new URL('./get-client.js', import.meta.url));

/** Runs one plan in a child process while watching this (the app's) process's event loop. */
export async function runGets(plan: GetPlan): Promise<GetFigure> {
  const elu0 = performance.eventLoopUtilization();
  const answer = await new Promise<GetAnswer>((resolve, reject) => {
    const child = fork(CLIENT, [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let answered = false;
    child.once('message', (message: GetAnswer) => {
      answered = true;
      resolve(message);
    });
    child.once('error', reject);
    child.once('exit', (code) => {
      if (!answered) reject(new Error(`get client exited with code ${code} before answering`));
    });
    child.send(plan);
  });
  if (!answer.ok) throw new Error(`get client failed: ${answer.error}`);
  const sorted = [...answer.latencies].sort((a, b) => a - b);
  return {
    requests: sorted.length,
    p50Ms: percentile(sorted, 0.5),
    p99Ms: percentile(sorted, 0.99),
    bytes: answer.bytes,
    eventLoopUtilisation: performance.eventLoopUtilization(elu0).utilization,
  };
}
