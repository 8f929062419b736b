import { readFile } from 'node:fs/promises';
import type { SqlDatabase } from '#event-store';

/** Linux reports process times in clock ticks; USER_HZ is 100 on every mainstream architecture. */
const MS_PER_TICK = 10;

async function processCpuMs(pid: number): Promise<number | undefined> {
  try {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may contain spaces) start after the last ')'; utime and stime are 14 and 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * MS_PER_TICK;
  } catch {
    return undefined;
  }
}

/**
 * The PostgreSQL backends serving the store's pool: their CPU is the database's share of each command.
 * pg-pool keeps its clients in `_clients` and each pg Client knows its backend's `processID`; on another
 * driver or platform this finds nothing and the figure is left out.
 */
function poolBackendPids(db: SqlDatabase): number[] {
  const pool = (db as { pool?: { _clients?: { processID?: number | null }[] } }).pool;
  return (pool?._clients ?? []).map((c) => c.processID).filter((pid): pid is number => typeof pid === 'number' && pid > 0);
}

export interface BackendCpu {
  /** Resolves to the CPU milliseconds the backends used since start, or undefined when they cannot be read. */
  stop(): Promise<{ cpuMs: number; backends: number } | undefined>;
}

/** Call while the pool is warm (after the warm-up), so that the same backends serve the measured load. */
export async function measureBackendCpu(db: SqlDatabase): Promise<BackendCpu> {
  const pids = poolBackendPids(db);
  const before = new Map<number, number>();
  for (const pid of pids) {
    const ms = await processCpuMs(pid);
    if (ms !== undefined) before.set(pid, ms);
  }
  return {
    async stop() {
      if (before.size === 0) return undefined;
      let cpuMs = 0;
      for (const [pid, start] of before) {
        const end = await processCpuMs(pid);
        if (end !== undefined) cpuMs += end - start;
      }
      return { cpuMs, backends: before.size };
    },
  };
}
