import { describeWithPostgres, dropSchema, POSTGRES_URL, uniqueSchema } from '../../../../test/support/postgres.js';
import { openPostgresEventStore } from '#event-store';
import { assignAction, seedMeetingWorld } from './support/seed-over-http.js';
import { startFeatureApp, type FeatureApp } from './support/feature-app.js';

/** 50 officers' progress reports on one action at once: each retried on conflict, all land, versions 1..n. */
function fiftyParallelReports(app: () => FeatureApp): void {
  it('lands all 50 parallel progress reports with versions 1..51 and nothing lost', async () => {
    const f = app();
    const id = await assignAction(f, await seedMeetingWorld(f));
    const report = async (n: number): Promise<number> => {
      for (;;) {
        const res = await f
          .http()
          .post(`/api/v1/actions/${id}/progress`)
          .send({ note: `report ${n}` });
        if (res.status === 200) return res.body.version as number;
        if (res.status !== 409 || res.body.type !== 'https://actiontrail.dev/problems/concurrency-conflict')
          throw new Error(JSON.stringify(res.body));
      }
    };
    const versions = await Promise.all(Array.from({ length: 50 }, (_, n) => report(n)));
    expect([...versions].sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i + 2));
    const events = await f.store.readStream(`action-${id}`);
    expect(events.map((e) => e.streamVersion)).toEqual(Array.from({ length: 51 }, (_, i) => i + 1));
    const notes = events
      .slice(1)
      .map((e) => e.data.note)
      .sort();
    expect(notes).toEqual(Array.from({ length: 50 }, (_, n) => `report ${n}`).sort());
  });
}

describe('parallel progress reports on the embedded store', () => {
  let f: FeatureApp;
  beforeAll(async () => {
    f = await startFeatureApp();
  });
  afterAll(() => f.close());
  fiftyParallelReports(() => f);
});

await describeWithPostgres('parallel progress reports on PostgreSQL', () => {
  const schema = uniqueSchema('conc');
  let f: FeatureApp;
  beforeAll(async () => {
    f = await startFeatureApp({ store: await openPostgresEventStore({ connectionString: POSTGRES_URL, schema }) });
  });
  afterAll(async () => {
    await f.close();
    await dropSchema(schema);
  });
  fiftyParallelReports(() => f);
});
