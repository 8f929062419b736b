import { settle, type Row } from '../measure.js';
import { startApp, type ProjectionsMode } from './app-server.js';
import { measureBackendCpu } from './cpu-budget.js';
import { startCpuProfile } from './cpu-profile.js';
import { rawAppendRate } from './raw-append.js';
import { runLoad, type LoadRun } from './run-load.js';
import { seedActionPool, seedWorld } from './seed.js';
import { countSql, samplePoolWaits, type SqlCounts } from './sql-counter.js';
import { openStore, type StoreName } from './stores.js';
import { measureStreamGrowth, type GrowthPoint } from './stream-growth.js';

export interface Settings {
  readonly connections: number;
  readonly seconds: number;
  readonly warmUpSeconds: number;
  readonly maxRequests: number;
  /** Pre-created actions for progress and chases; fewer on the embedded store, where each create is slow. */
  readonly actionPool: Readonly<Record<StoreName, number>>;
  readonly rawSeconds: number;
  readonly projections: ProjectionsMode;
  /** Where to write a CPU profile of the measured load, if at all. */
  readonly cpuProfileDir: string | undefined;
  /** Commands timed on each stream size of the stream-growth curve (0: not measured). */
  readonly growthCommands: number;
}

export interface RunOutcome {
  readonly store: StoreName;
  readonly where: string;
  readonly connections: number;
  readonly load: LoadRun;
  readonly sql: SqlCounts;
  readonly poolWaits: { meanWaiting: number; maxWaiting: number } | undefined;
  /** CPU of the PostgreSQL backends serving the pool during the measured load (undefined: embedded, or unreadable). */
  readonly postgresCpu: { cpuMs: number; backends: number } | undefined;
  readonly raw: Row;
  readonly cpuProfile: string | undefined;
  readonly growth: readonly GrowthPoint[];
}

/** One store: the app on it, seeded over HTTP, a warm-up, the measured mixed load, then the raw append rate. */
export async function runOnStore(name: StoreName, s: Settings, progress: (message: string) => void): Promise<RunOutcome> {
  const opened = await openStore(name);
  try {
    const sqlCounter = countSql(opened.store.db);
    const app = await startApp(opened.store, s.projections);
    let load: LoadRun;
    let poolWaits: RunOutcome['poolWaits'];
    let sql: SqlCounts;
    let postgresCpu: RunOutcome['postgresCpu'];
    let cpuProfile: string | undefined;
    let growth: GrowthPoint[] = [];
    try {
      progress(`${name}: app listening on ${app.baseUrl}`);
      const world = await seedWorld(app.baseUrl);
      const actionPool = await seedActionPool(app.baseUrl, world, s.actionPool[name], s.connections);
      progress(`${name}: seeded the meeting world and ${actionPool.length} actions over HTTP`);
      const plan = { baseUrl: app.baseUrl, connections: s.connections, world, actionPool };
      await runLoad({ ...plan, label: `${name} warm-up`, durationSec: s.warmUpSeconds, maxRequests: s.maxRequests });
      progress(`${name}: warm-up (${s.warmUpSeconds} s, not measured) done`);
      settle();
      sqlCounter.reset();
      const waits = samplePoolWaits(opened.store.db);
      const backendCpu = await measureBackendCpu(opened.store.db);
      const profiling = await startCpuProfile(s.cpuProfileDir);
      load = await runLoad({ ...plan, label: name, durationSec: s.seconds, maxRequests: s.maxRequests });
      cpuProfile = await profiling?.stop(name);
      postgresCpu = await backendCpu.stop();
      poolWaits = waits.stop();
      sql = sqlCounter.snapshot();
      progress(`${name}: measured load (${s.seconds} s) done`);
      if (s.growthCommands > 0) {
        growth = await measureStreamGrowth(app.baseUrl, opened.store, world, sqlCounter, s.growthCommands);
        progress(`${name}: stream-growth curve done`);
      }
    } finally {
      await app.close();
    }
    const raw = await rawAppendRate(opened.store, name, s.connections, s.rawSeconds);
    progress(`${name}: raw append rate (${s.rawSeconds} s) done`);
    return { store: name, where: opened.where, connections: s.connections, load, sql, poolWaits, postgresCpu, raw, cpuProfile, growth };
  } finally {
    await opened.dispose();
  }
}
