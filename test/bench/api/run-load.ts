import { fork, type Serializable } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import type { LoadResult } from './load-client.js';
import type { LoadPlan } from './workload.js';

/** What this (the app's) process did while the load ran. */
export interface ServerSide {
  readonly peakRssMb: number;
  /** Share of wall time the app's event loop was busy (1 = saturated). */
  readonly eventLoopUtilisation: number;
  /** CPU time of this process (app, PGlite, pg driver) over wall time; 1.0 = one core. */
  readonly cpuCores: number;
  readonly cpuMs: number;
}

export interface LoadRun {
  readonly result: LoadResult;
  readonly server: ServerSide;
}

const CLIENT = fileURLToPath(new URL('./load-client.js', import.meta.url));

/** Peak RSS every 50 ms; memoryUsage.rss() reads only the RSS, where memoryUsage() also walks the heap spaces. */
function sampleRss(): { stop(): number } {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 50);
  return {
    stop() {
      clearInterval(timer);
      return Math.max(peak, process.memoryUsage.rss());
    },
  };
}

/** Runs one plan in the load-client child process while sampling this process's RSS, event loop and CPU. */
export async function runLoad(plan: LoadPlan): Promise<LoadRun> {
  const rss = sampleRss();
  const elu0 = performance.eventLoopUtilization();
  const cpu0 = process.cpuUsage();
  const wall0 = performance.now();
  try {
    const result = await askChild<LoadResult>(CLIENT, plan);
    const wallMs = performance.now() - wall0;
    const cpu = process.cpuUsage(cpu0);
    return {
      result,
      server: {
        peakRssMb: rss.stop() / 2 ** 20,
        eventLoopUtilisation: performance.eventLoopUtilization(elu0).utilization,
        cpuCores: (cpu.user + cpu.system) / 1000 / wallMs,
        cpuMs: (cpu.user + cpu.system) / 1000,
      },
    };
  } finally {
    rss.stop();
  }
}

/** What a one-shot child answers over IPC; load-client's ClientMessage is this for a LoadResult. */
export type ChildAnswer<T> = { readonly ok: true; readonly result: T } | { readonly ok: false; readonly error: string };

/** Forks `script`, sends it one message and resolves to its one answer; the child exits after answering. */
export function askChild<T>(script: string, message: Serializable): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = fork(script, [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let answered = false;
    child.once('message', (answer: ChildAnswer<T>) => {
      answered = true;
      if (answer.ok) resolve(answer.result);
      else reject(new Error(`${script} failed: ${answer.error}`));
    });
    child.once('error', reject);
    child.once('exit', (code) => {
      if (!answered) reject(new Error(`${script} exited with code ${code} before answering`));
    });
    child.send(message);
  });
}
