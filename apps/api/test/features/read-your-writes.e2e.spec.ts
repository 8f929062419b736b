import { allProjections, ProjectionRunner } from '#projections';
import { ProjectionPositions } from '../../src/read-models/projection-positions.js';
import { ProjectionsLifecycle } from '../../src/read-models/projections.lifecycle.js';
import { expectProblem, startFeatureApp, type FeatureApp } from './support/feature-app.js';

/**
 * minPosition past the last written event answers 400 at once; a written position the read models have not
 * reached is waited for by sleeping until a checkpoint moves, not by reading the checkpoints over and over.
 */
describe('read your writes: minPosition', () => {
  let f: FeatureApp;
  let readsOfCheckpoints = 0;

  const createCommittee = async (): Promise<number> => {
    const res = await f.http().post('/api/v1/committees').send({ name: 'Scrutiny Task & Finish Group', kind: 'task-and-finish' });
    expect(res.status).toBe(201);
    return res.body.position as number;
  };
  const overdue = (minPosition: number) =>
    f
      .http()
      .get('/api/v1/overdue')
      .query({ minPosition: String(minPosition) });

  beforeAll(async () => {
    f = await startFeatureApp();
    const positions = f.app.get(ProjectionPositions);
    const current = positions.current.bind(positions);
    positions.current = () => {
      readsOfCheckpoints += 1;
      return current();
    };
  });
  afterAll(() => f.close());

  it('answers 400 at once for a position past the last written event', async () => {
    const written = await createCommittee();
    const started = Date.now();
    const res = await overdue(written + 1_000_000);
    expectProblem(res, 400, 'position-not-written');
    expect(res.body.errors).toEqual([{ field: 'minPosition', message: expect.stringContaining(String(written)) }]);
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  describe('while the projections are stopped', () => {
    let written = 0;
    beforeAll(async () => {
      await f.app.get(ProjectionsLifecycle).beforeApplicationShutdown();
      written = await createCommittee();
    });

    it('answers 503 with Retry-After after 5 s, having read the checkpoints a handful of times rather than every 20 ms', async () => {
      readsOfCheckpoints = 0;
      const res = await overdue(written);
      expectProblem(res, 503, 'projection-behind');
      expect(res.headers['retry-after']).toBe('1');
      expect(readsOfCheckpoints).toBeLessThanOrEqual(8);
    }, 15_000);

    it('answers as soon as a runner commits the position it waits for', async () => {
      readsOfCheckpoints = 0;
      const waiting = overdue(written).then((res) => res);
      // Past the first once-a-second recheck, so that only the checkpoint's notification can answer it in time.
      await new Promise((resolve) => setTimeout(resolve, 1_200));
      for (const projection of allProjections) await new ProjectionRunner({ store: f.store, db: f.store.db, projection }).catchUp();
      const caughtUp = Date.now();
      const res = await waiting;
      expect(res.status).toBe(200);
      expect(Number(res.headers['x-projection-position'])).toBeGreaterThanOrEqual(written);
      expect(Date.now() - caughtUp).toBeLessThan(400);
      expect(readsOfCheckpoints).toBeLessThanOrEqual(6);
    }, 15_000);
  });
});
