import { fork } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { Probe } from '../measure.js';
import type { ClientMessage, LoadResult } from './load-client.js';
import type { LoadPlan } from './workload.js';

/** What this (the app's) process did while the load ran. */
export interface ServerSide {
  readonly peakRssMb: number;
  /** Share of wall time the app's event loop was busy (1 = saturated). */
  readonly eventLoopUtilisation: number;
  /** CPU time of this process (app, PGlite, pg driver) over wall time; 1.0 = one core. */
  readonly cpuCores: number;
}

export interface LoadRun {
  readonly result: LoadResult;
  readonly server: ServerSide;
}

const CLIENT = fileURLToPath(new URL('./load-client.js', import.meta.url));

/** Runs one plan in the load-client child process while sampling this process's RSS, event loop and CPU. */
export async function runLoad(plan: LoadPlan): Promise<LoadRun> {
  const probe = new Probe();
  const elu0 = performance.eventLoopUtilization();
  const cpu0 = process.cpuUsage();
  const wall0 = performance.now();
  try {
    const result = await inChild(plan);
    const wallMs = performance.now() - wall0;
    const cpu = process.cpuUsage(cpu0);
    const row = probe.row('', '', 0);
    return {
      result,
      server: {
        peakRssMb: row.peakRssMb,
        eventLoopUtilisation: performance.eventLoopUtilization(elu0).utilization,
        cpuCores: (cpu.user + cpu.system) / 1000 / wallMs,
      },
    };
  } finally {
    probe.stop();
  }
}

function inChild(plan: LoadPlan): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = fork(CLIENT, [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let answered = false;
    child.once('message', (message: ClientMessage) => {
      answered = true;
      if (message.ok) resolve(message.result);
      else reject(new Error(`load client failed: ${message.error}`));
    });
    child.once('error', reject);
    child.once('exit', (code) => {
      if (!answered) reject(new Error(`load client exited with code ${code} before answering`));
    });
    child.send(plan);
  });
}
