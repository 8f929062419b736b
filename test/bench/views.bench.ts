import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import { createApp } from '../../apps/api/src/app.factory.js';
import { Clock } from '../../apps/api/src/features/shared/clock.js';
import { bearer, staffBearer, TEST_JWT_SECRET } from '../../apps/api/test/support/auth.js';
import { loadAppConfig } from '#runtime';
import { allProjections, createTables } from '#projections';
import { generateReadModels, scaleUuidSql } from '../support/read-models-at-scale.js';
import { openPostgresTarget } from './adapters.js';
import { timeQuery, type LatencyFigure } from './projections/view-latency.js';
import { formatVerdicts, type Verdict } from './report.js';

/** Issue 17, target 3: each view's p99 over HTTP stays under this at every size. */
const P99_TARGET_MS = 20;
const PAGE = 100;
const POSTS = 2_000;
const COMMITTEES = 50;
/** "Today" for the views: the generated actions fall due 2015–2018, so about half the open ones are overdue. */
const TODAY = new Date('2017-06-30T12:00:00Z');

/** BENCH_VIEW_ACTIONS=10000,100000 picks the sizes; 10,000, 100,000 and 1,000,000 actions by default. */
function sizes(): number[] {
  return (process.env.BENCH_VIEW_ACTIONS ?? '10000,100000,1000000').split(',').map((s) => Number(s.trim()));
}

/** One GET as a client sends it (a bearer token, `minPosition`), answering the rows on the page. */
function get(url: string, headers: Record<string, string>, rowsOf: (body: Record<string, unknown>) => unknown): () => Promise<number> {
  return async () => {
    const res = await fetch(url, { headers });
    const body = (await res.json()) as Record<string, unknown>;
    const rows = rowsOf(body);
    if (res.status !== 200 || !Array.isArray(rows))
      throw new Error(`GET ${url} answered ${res.status}: ${JSON.stringify(body).slice(0, 300)}`);
    return rows.length;
  };
}

/** The officer queue, the chase list and a committee's action log over HTTP, on `actions` generated actions. */
async function measureAt(actions: number): Promise<LatencyFigure[]> {
  const target = await openPostgresTarget(1);
  try {
    const { store } = target;
    await store.db.transaction(async (tx) => {
      for (const projection of allProjections) await createTables(tx, projection, '');
    });
    const started = Date.now();
    await generateReadModels(store.db, { actions, posts: POSTS, committees: COMMITTEES });
    console.log(`  ${actions.toLocaleString('en-US')} actions generated in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    const [ids] = await target.rawQuery<{ person: string; committee: string }>(
      `SELECT ${scaleUuidSql('person', '1')} AS person, ${scaleUuidSql('committee', '1')} AS committee`,
      [],
    );
    const config = loadAppConfig({ NODE_ENV: 'development', LOG_LEVEL: 'error', PROJECTIONS: 'off', AUTH_JWT_SECRET: TEST_JWT_SECRET });
    const app = await createApp({ config, store, logger: false });
    app.get(Clock).now = () => TODAY;
    await app.listen(0, '127.0.0.1');
    try {
      const { port } = app.getHttpServer().address() as AddressInfo;
      const base = `http://127.0.0.1:${port}/api/v1`;
      const officer = bearer(ids?.person ?? '', ['officer'], 'Person 1');
      return [
        await timeQuery(
          'officer queue (GET /me/queue)',
          get(`${base}/me/queue?minPosition=0&limit=${PAGE}`, officer, (b) => b.actions),
        ),
        await timeQuery(
          'chase list (GET /overdue)',
          get(`${base}/overdue?minPosition=0&limit=${PAGE}`, staffBearer(), (b) => b.actions),
        ),
        await timeQuery(
          'action log (GET /committees/{id}/action-log)',
          get(`${base}/committees/${ids?.committee ?? ''}/action-log?minPosition=0&limit=${PAGE}`, staffBearer(), (b) => b.rows),
        ),
      ];
    } finally {
      await app.close();
    }
  } finally {
    await target.dispose();
  }
}

async function main(): Promise<void> {
  console.log(
    `views over HTTP on PostgreSQL, page of ${PAGE}, ${POSTS.toLocaleString('en-US')} posts, ${COMMITTEES} committees; ` +
      'one request at a time on loopback after a warm-up (the app with its token check, minPosition, validation, serialisation)',
  );
  const curve: { actions: number; figure: LatencyFigure }[] = [];
  for (const actions of sizes()) for (const figure of await measureAt(actions)) curve.push({ actions, figure });
  console.log(`\n  ${'view'.padEnd(46)} ${'actions'.padStart(10)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)}  rows`);
  const byView = [...curve].sort((a, b) => a.figure.name.localeCompare(b.figure.name) || a.actions - b.actions);
  for (const { actions, figure } of byView)
    console.log(
      `  ${figure.name.padEnd(46)} ${actions.toLocaleString('en-US').padStart(10)} ${figure.p50Ms.toFixed(2).padStart(8)} ${figure.p99Ms.toFixed(2).padStart(8)}  ${figure.rows}`,
    );
  const verdicts: Verdict[] = byView.map(({ actions, figure }) => ({
    label: `${figure.name} at ${actions.toLocaleString('en-US')} actions: p99 < ${P99_TARGET_MS} ms`,
    pass: figure.p99Ms < P99_TARGET_MS,
    detail: `${figure.p99Ms.toFixed(2)} ms`,
  }));
  console.log(`\n${formatVerdicts('Targets (informative; the exit code is 0 unless the bench crashes):', verdicts)}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
