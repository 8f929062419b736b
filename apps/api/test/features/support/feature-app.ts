import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { openEmbeddedEventStore, type SqlEventStore } from '../../../../../libs/event-store/src/index.js';
import { createApp } from '../../../src/app.factory.js';
import { loadAppConfig } from '../../../src/config/app-config.js';

export const PROBLEM = 'https://actiontrail.dev/problems/';

export interface FeatureApp {
  readonly app: INestApplication;
  readonly store: SqlEventStore;
  readonly http: () => ReturnType<typeof request>;
  close(): Promise<void>;
}

/** The real app over HTTP on an in-memory embedded store: one per test file (the first PGlite open takes seconds). */
export async function startFeatureApp(options: { store?: SqlEventStore } = {}): Promise<FeatureApp> {
  const store = options.store ?? (await openEmbeddedEventStore('memory://'));
  const app = await createApp({ config: loadAppConfig({ NODE_ENV: 'test', LOG_LEVEL: 'error' }), store, logger: false });
  return {
    app,
    store,
    http: () => request(app.getHttpServer()),
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

/** Acts as a given person in development mode (authentication replaces this header later). */
export const actor = (id: string, roles: string[], name = id) => ({ 'X-Actor': JSON.stringify({ id, name, roles }) });
