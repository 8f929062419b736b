import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { openEmbeddedEventStore } from '../../../../libs/event-store/src/index.js';
import { staffBearer } from '../support/auth.js';
import { startTestApp, testConfig } from './support/test-app.js';

describe('idempotency across a restart', () => {
  let dataDir: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'actiontrail-restart-'));
  });

  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('answers a retry after the app was closed and re-created on the same data dir', async () => {
    const config = testConfig({ EVENT_STORE: 'embedded', DATA_DIR: dataDir });
    const post = (server: unknown) =>
      request(server as Parameters<typeof request>[0]).post('/api/v1/test/streams/r1/notes').set(staffBearer())
        .set('Idempotency-Key', 'restart-key').send({ note: 'once' });

    const before = await startTestApp({ config });
    const first = await post(before.app.getHttpServer());
    expect(first.status).toBe(201);
    await before.app.close(); // also closes the store this app opened

    const after = await startTestApp({ config });
    try {
      const retry = await post(after.app.getHttpServer());
      expect(retry.status).toBe(201);
      expect(retry.headers['idempotent-replay']).toBe('true');
      expect(retry.text).toBe(first.text);
    } finally {
      await after.app.close();
    }

    const store = await openEmbeddedEventStore(dataDir);
    try {
      expect(await store.readStream('test-r1')).toHaveLength(1);
    } finally {
      await store.close();
    }
  });
});
