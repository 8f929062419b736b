import request from 'supertest';
import { staffBearer } from '../support/auth.js';
import { e2eDatabase, type E2eDatabase } from '../support/e2e-store.js';
import { startTestApp, testConfig } from './support/test-app.js';

// Two app starts and a third open of an on-disk PGlite (each compiles the WASM and runs migrations) took 172 s
// under CI's load once; the default 60 s bounds one request, not three database opens.
const RESTART_TEST_TIMEOUT_MS = 300_000;

describe('idempotency across a restart', () => {
  let database: E2eDatabase;

  beforeAll(async () => {
    database = await e2eDatabase();
  });

  afterAll(async () => {
    await database.dispose();
  });

  it(
    'answers a retry after the app was closed and re-created on the same database',
    async () => {
      const config = testConfig(database.env);
      const post = (server: unknown) =>
        request(server as Parameters<typeof request>[0])
          .post('/api/v1/test/streams/r1/notes')
          .set(staffBearer())
          .set('Idempotency-Key', 'restart-key')
          .send({ note: 'once' });

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

      const store = await database.open();
      try {
        expect(await store.readStream('test-r1')).toHaveLength(1);
      } finally {
        await store.close();
      }
    },
    RESTART_TEST_TIMEOUT_MS,
  );
});
