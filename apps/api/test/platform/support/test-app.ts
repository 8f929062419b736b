import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import type { EventStore } from '#event-store';
import { createApp } from '../../../src/app.factory.js';
import { loadAppConfig, type AppConfig } from '#runtime';
import { JsonLogger } from '#runtime';
import { staffBearer, TEST_JWT_SECRET } from '../../support/auth.js';
import { TestFeatureModule } from './test-feature.module.js';
import { currentRequestIds } from '../../../src/platform/logging/request-ids.js';

export interface TestApp {
  readonly app: INestApplication;
  /** JSON log lines the app wrote. */
  readonly logs: Record<string, unknown>[];
}

export function testConfig(env: Record<string, string> = {}): AppConfig {
  return loadAppConfig({ NODE_ENV: 'test', AUTH_JWT_SECRET: TEST_JWT_SECRET, ...env });
}

export async function startTestApp(options: { store?: EventStore; config?: AppConfig }): Promise<TestApp> {
  const logs: Record<string, unknown>[] = [];
  const logger = new JsonLogger({
    level: 'info',
    requestIds: currentRequestIds,
    write: (line) => logs.push(JSON.parse(line) as Record<string, unknown>),
  });
  const app = await createApp({
    config: options.config ?? testConfig(),
    ...(options.store ? { store: options.store } : {}),
    extraModules: [TestFeatureModule],
    logger,
  });
  return { app, logs };
}

export const PROBLEM = 'https://actiontrail.dev/problems/';

/** Requests to a test app as STAFF (a bearer token signed with the test secret). */
export function staffHttp(app: INestApplication): ReturnType<typeof request.agent> {
  return request.agent(app.getHttpServer()).set(staffBearer());
}
