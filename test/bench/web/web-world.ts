import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import { CONSOLE_GATEWAY, type ConsoleGateway } from '#console';
import { allProjections, rebuildProjection } from '#projections';
import type { SqlEventStore } from '#event-store';
import { loadAppConfig } from '#runtime';
import { createApp } from '../../../apps/api/src/app.factory.js';
import { Clock } from '../../../apps/api/src/features/shared/clock.js';
import { readModelTables } from '../../../apps/api/src/read-models/read-model-tables.js';
import { bearer, TEST_JWT_SECRET } from '../../../apps/api/test/support/auth.js';
import { seedDomainLog } from '../projections/domain-seed.js';

/** "Today" for the views: most seeded actions fall due in 2016–2017, so the chase list is long. */
const TODAY = new Date('2018-01-15T12:00:00Z');
/** Events in the log: with 2 events an action on average (and a twentieth metric snapshots), about 100,000 actions. */
export const WEB_BENCH_EVENTS = 215_000;

export interface WebWorld {
  readonly events: number;
  readonly actions: number;
  readonly seedSeconds: number;
  readonly rebuildSeconds: number;
  /** Holds the busiest post: My actions is that post's queue. */
  readonly officerId: string;
  readonly officerActions: number;
  readonly staffId: string;
  readonly committeeId: string;
  readonly committeeActions: number;
  readonly overdueActions: number;
}

/** Appends the log straight to the store (as the projections bench does), then builds the read models with the production rebuild. */
export async function seedWebWorld(store: SqlEventStore): Promise<WebWorld> {
  const seed = await seedDomainLog(store, WEB_BENCH_EVENTS);
  const t0 = performance.now();
  for (const projection of allProjections) await rebuildProjection({ store, db: store.db, projection });
  const rebuildSeconds = (performance.now() - t0) / 1000;
  const one = async <T>(sql: string, params: unknown[] = []): Promise<T> => {
    const { rows } = await store.db.query<T>(sql, params);
    if (!rows[0]) throw new Error(`no row for ${sql}`);
    return rows[0];
  };
  const { holder } = await one<{ holder: string }>(`SELECT holder_person_id AS holder FROM ${readModelTables.posts} WHERE post_id = $1`, [
    seed.busiestPostId,
  ]);
  const { staff } = await one<{ staff: string }>(
    `SELECT holder_person_id AS staff FROM ${readModelTables.posts} WHERE holder_person_id <> $1 ORDER BY post_id LIMIT 1`,
    [holder],
  );
  const { queued } = await one<{ queued: number }>(
    `SELECT count(*)::int AS queued FROM ${readModelTables.actions} WHERE owner_post_id = $1 AND status IN ('open', 'completed')`,
    [seed.busiestPostId],
  );
  const committee = await one<{ committee_id: string; n: number }>(
    `SELECT committee_id, count(*)::int AS n FROM ${readModelTables.actions} GROUP BY committee_id ORDER BY n DESC LIMIT 1`,
  );
  const { overdue } = await one<{ overdue: number }>(
    `SELECT count(*)::int AS overdue FROM ${readModelTables.actions} WHERE status = 'open' AND due_on < $1::date`,
    [TODAY.toISOString().slice(0, 10)],
  );
  return {
    events: seed.events,
    actions: seed.actions,
    seedSeconds: seed.seconds,
    rebuildSeconds,
    officerId: holder,
    officerActions: queued,
    staffId: staff,
    committeeId: committee.committee_id,
    committeeActions: committee.n,
    overdueActions: overdue,
  };
}

export interface WebServer {
  readonly baseUrl: string;
  /** The console's gateway inside the app, to time its calls alone. */
  readonly gateway: ConsoleGateway;
  close(): Promise<void>;
}

/** The real app on a loopback port, console included, read models built by the rebuild (projections off), "today" fixed. */
export async function startWebServer(store: SqlEventStore): Promise<WebServer> {
  const config = loadAppConfig({ NODE_ENV: 'development', LOG_LEVEL: 'error', PROJECTIONS: 'off', AUTH_JWT_SECRET: TEST_JWT_SECRET });
  const app = await createApp({ config, store, logger: false });
  app.get(Clock).now = () => TODAY;
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  return { baseUrl: `http://127.0.0.1:${port}`, gateway: app.get<ConsoleGateway>(CONSOLE_GATEWAY), close: () => app.close() };
}

const CSRF = /name="_csrf" value="([^"]+)"/;

/** Signs in through the development sign-in form, as a browser does, and answers the session's Cookie header. */
export async function consoleCookie(baseUrl: string, personId: string, roles: readonly string[]): Promise<string> {
  const form = await fetch(`${baseUrl}/sign-in`, { headers: { Accept: 'text/html' } });
  const first = cookieOf(form);
  const csrf = CSRF.exec(await form.text())?.[1];
  if (!csrf) throw new Error('no CSRF token on the sign-in page');
  const body = new URLSearchParams({ _csrf: csrf, personId, returnTo: '/' });
  for (const role of roles) body.append('roles', role);
  const res = await fetch(`${baseUrl}/sign-in`, {
    method: 'POST',
    headers: { Accept: 'text/html', Cookie: first, 'Content-Type': 'application/x-www-form-urlencoded' },
    body,
    redirect: 'manual',
  });
  if (res.status !== 303) throw new Error(`sign-in answered ${res.status}`);
  return cookieOf(res);
}

function cookieOf(res: Response): string {
  const cookie = res.headers.getSetCookie()[0]?.split(';')[0];
  if (!cookie) throw new Error('no session cookie');
  return cookie;
}

export const apiHeaders = (personId: string, roles: readonly ('officer' | 'scrutiny')[]): Record<string, string> => ({
  Accept: 'application/json',
  ...bearer(personId, roles),
});
