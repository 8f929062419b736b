import type { AddressInfo } from 'node:net';
import type { SqlEventStore } from '#event-store';
import { createApp } from '../../../apps/api/src/app.factory.js';
import { loadAppConfig } from '#runtime';
import { TEST_JWT_SECRET } from '../../../apps/api/test/support/auth.js';

/** `in-process` is what `npm start` runs; `off` leaves the read models to apps/projector. */
export type ProjectionsMode = 'in-process' | 'off';

export interface RunningApp {
  /** e.g. http://127.0.0.1:41234 */
  readonly baseUrl: string;
  close(): Promise<void>;
}

/**
 * The real application, built as main.ts builds it, on an already-open store and a loopback port.
 * Development mode, verifying HS256 bearer tokens signed with the test-only secret (see seed.ts).
 */
export async function startApp(store: SqlEventStore, projections: ProjectionsMode): Promise<RunningApp> {
  const config = loadAppConfig({ NODE_ENV: 'development', LOG_LEVEL: 'error', PROJECTIONS: projections, AUTH_JWT_SECRET: TEST_JWT_SECRET });
  const app = await createApp({ config, store, logger: false });
  try {
    await app.listen(0, '127.0.0.1');
  } catch (error) {
    await app.close().catch(() => undefined);
    throw error;
  }
  const { port } = app.getHttpServer().address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    close: () => app.close(),
  };
}
