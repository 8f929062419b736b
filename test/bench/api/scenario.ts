import type { Row } from '../measure.js';
import { settle } from '../measure.js';
import { startApp } from './app-server.js';
import { rawAppendRate } from './raw-append.js';
import { runLoad, type LoadRun } from './run-load.js';
import { seedActionPool, seedWorld } from './seed.js';
import { countSql, samplePoolWaits, type SqlCounts } from './sql-counter.js';
import { openStore, type StoreName } from './stores.js';

export interface Settings {
  readonly connections: number;
  readonly seconds: number;
  readonly warmUpSeconds: number;
  readonly maxRequests: number;
  readonly actionPool: number;
  readonly rawSeconds: number;
}

export interface RunOutcome {
  readonly store: StoreName;
  readonly where: string;
  readonly connections: number;
  readonly load: LoadRun;
  readonly sql: SqlCounts;
  readonly poolWaits: { meanWaiting: number; maxWaiting: number } | undefined;
  readonly raw: Row;
}

/** One store: the app on it, seeded over HTTP, a warm-up, the measured mixed load, then the raw append rate. */
export async function runOnStore(name: StoreName, s: Settings, progress: (message: string) => void): Promise<RunOutcome> {
  const opened = await openStore(name);
  try {
    const sqlCounter = countSql(opened.store.db);
    const app = await startApp(opened.store);
    let load: LoadRun;
    let poolWaits: RunOutcome['poolWaits'];
    let sql: SqlCounts;
    try {
      progress(`${name}: app listening on ${app.baseUrl}`);
      const world = await seedWorld(app.baseUrl);
      const actionPool = await seedActionPool(app.baseUrl, world, s.actionPool, s.connections);
      progress(`${name}: seeded the meeting world and ${actionPool.length} actions over HTTP`);
      const plan = { baseUrl: app.baseUrl, connections: s.connections, world, actionPool };
      await runLoad({ ...plan, label: `${name} warm-up`, durationSec: s.warmUpSeconds, maxRequests: s.maxRequests });
      progress(`${name}: warm-up (${s.warmUpSeconds} s, not measured) done`);
      settle();
      sqlCounter.reset();
      const waits = samplePoolWaits(opened.store.db);
      load = await runLoad({ ...plan, label: name, durationSec: s.seconds, maxRequests: s.maxRequests });
      poolWaits = waits.stop();
      sql = sqlCounter.snapshot();
      progress(`${name}: measured load (${s.seconds} s) done`);
    } finally {
      await app.close();
    }
    const raw = await rawAppendRate(opened.store, name, s.connections, s.rawSeconds);
    progress(`${name}: raw append rate (${s.rawSeconds} s) done`);
    return { store: name, where: opened.where, connections: s.connections, load, sql, poolWaits, raw };
  } finally {
    await opened.dispose();
  }
}
