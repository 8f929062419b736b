import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import type { SqlEventStore } from '#event-store';
import { openE2eStore } from '../../support/e2e-store.js';
import { createApp } from '../../../src/app.factory.js';
import { loadAppConfig } from '#runtime';
import type { Role } from '../../../src/platform/auth/roles.js';
import { bearer, staffBearer, TEST_JWT_SECRET } from '../../support/auth.js';

export const PROBLEM = 'https://actiontrail.dev/problems/';

export interface FeatureApp {
  readonly app: INestApplication;
  readonly store: SqlEventStore;
  /** Requests as STAFF (scrutiny and admin, a bearer token); a test's own `.set(f.as(...))` replaces the token. */
  readonly http: () => ReturnType<typeof request.agent>;
  /** Requests with no token at all. */
  readonly anonymous: () => ReturnType<typeof request>;
  /** Headers acting as a person with these roles (a bearer token signed with the test secret). */
  as(roles: readonly Role[], personId?: string, name?: string): { Authorization: string };
  close(): Promise<void>;
}

export interface FeatureAppOptions {
  store?: SqlEventStore;
  /** More environment, e.g. { PUBLIC_ACTION_LOG: 'true' }. */
  env?: Record<string, string>;
}

/** The real app over HTTP on a fresh store (in-memory PGlite, or PostgreSQL with E2E_STORE=postgres): one per test file (the first PGlite open takes seconds). */
export async function startFeatureApp(options: FeatureAppOptions = {}): Promise<FeatureApp> {
  const store = options.store ?? (await openE2eStore());
  const config = loadAppConfig({ NODE_ENV: 'test', LOG_LEVEL: 'error', AUTH_JWT_SECRET: TEST_JWT_SECRET, ...options.env });
  const app = await createApp({ config, store, logger: false });
  return {
    app,
    store,
    http: () => request.agent(app.getHttpServer()).set(staffBearer()),
    anonymous: () => request(app.getHttpServer()),
    as: (roles, personId = `person-${roles.join('-') || 'none'}`, name) => bearer(personId, roles, name),
    async close() {
      await app.close();
      await store.close();
    },
  };
}

export function expectProblem(res: request.Response, status: number, code: string): void {
  expect({ status: res.status, type: res.body.type }).toEqual({ status, type: `${PROBLEM}${code}` });
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
}
