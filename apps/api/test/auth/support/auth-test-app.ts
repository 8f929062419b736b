import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import type { SqlEventStore } from '#event-store';
import { openE2eStore } from '../../support/e2e-store.js';
import { createApp } from '../../../src/app.factory.js';
import { loadAppConfig, type AppConfig } from '#runtime';
import { JsonLogger } from '#runtime';
import { AuthTestModule } from './auth-test.module.js';
import { currentRequestIds } from '../../../src/platform/logging/request-ids.js';

export const PROBLEM = 'https://actiontrail.dev/problems/';

export interface AuthTestApp {
  readonly app: INestApplication;
  readonly store: SqlEventStore;
  readonly http: () => ReturnType<typeof request>;
  /** Every log line the app wrote, at debug level, as written. */
  readonly logLines: string[];
  close(): Promise<void>;
}

export interface AuthTestAppOptions {
  readonly adjust?: (config: AppConfig) => AppConfig;
  /** Opening PGlite takes seconds: apps of one test file may share a store, which the file then closes. */
  readonly store?: SqlEventStore;
}

/** The real app with the auth test routes and no read models unless the environment says otherwise. */
export async function startAuthTestApp(env: Record<string, string>, options: AuthTestAppOptions = {}): Promise<AuthTestApp> {
  const store = options.store ?? (await openE2eStore());
  const adjust = options.adjust ?? ((config: AppConfig) => config);
  const config = adjust(loadAppConfig({ NODE_ENV: 'test', PROJECTIONS: 'off', ...env }));
  const logLines: string[] = [];
  const logger = new JsonLogger({ level: 'debug', requestIds: currentRequestIds, write: (line) => logLines.push(line) });
  const app = await createApp({ config, store, logger, extraModules: [AuthTestModule] });
  return {
    app,
    store,
    logLines,
    http: () => request(app.getHttpServer()),
    async close() {
      await app.close();
      if (!options.store) await store.close();
    },
  };
}

export function expectUnauthorized(res: request.Response, reason: string): void {
  expect({ status: res.status, type: res.body.type, reason: res.body.reason }).toEqual({
    status: 401,
    type: `${PROBLEM}unauthorized`,
    reason,
  });
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(res.headers['www-authenticate']).toMatch(/^Bearer realm="actiontrail"/);
}

export function expectForbidden(res: request.Response): void {
  expect({ status: res.status, type: res.body.type }).toEqual({ status: 403, type: `${PROBLEM}forbidden` });
}
