import { randomUUID } from 'node:crypto';
import { CommandBus } from '@nestjs/cqrs';
import { CollateMetricsCommand } from '../../src/features/metric-snapshots/collate-metrics.command.js';
import type { CollateMetricsDto } from '../../src/features/metric-snapshots/collate-metrics.dto.js';
import { CorrectMetricsCommand } from '../../src/features/metric-snapshots/correct-metrics.command.js';
import { ProblemException } from '../../src/platform/problems/problem.js';
import type { Caller } from '../../src/platform/caller.js';
import type { Actor } from '../../src/platform/request-context.js';
import { startFeatureApp, type FeatureApp } from '../features/support/feature-app.js';
import { assignAction, seedMeetingWorld, type MeetingWorld } from '../features/support/seed-over-http.js';

/**
 * Resolution (ii) of 16 January 2017 instructs the Project Manager, Transformation & Technology to collate the final
 * metrics: the holder of the post owning that action records and corrects the figures; other officers may not.
 */
describe('metric figures from the officer asked to collate them', () => {
  let f: FeatureApp;
  let w: MeetingWorld;
  let actionId: string;
  const TONY = 'Tony Fitzgerald';
  const tony = () => f.as(['officer'], w.personId, TONY);
  const sally = () => f.as(['officer'], `p-${randomUUID()}`, 'Sally Rowe');
  const figures = (extra: object = {}) => ({
    subject: 'Adult Social Care social workers',
    asOf: '2017-01-31',
    source: 'HR evidence gathering',
    values: [
      { metric: 'vacancy-rate', value: 12.5, unit: '%' },
      { metric: 'turnover-rate', value: 9, unit: '%' },
    ],
    ...extra,
  });
  const correction = { values: [{ metric: 'vacancy-rate', value: 13, unit: '%' }], reason: 'Late returns from two teams' };
  const collate = (auth: Record<string, string>, body: object) => f.http().post('/api/v1/metric-snapshots').set(auth).send(body);
  const correct = (auth: Record<string, string>, snapshotId: string) =>
    f.http().post(`/api/v1/metric-snapshots/${snapshotId}/corrections`).set(auth).send(correction);
  const auditActors = async (snapshotId: string, minPosition: number) => {
    const res = await f
      .http()
      .get(`/api/v1/audit/streams/metric-${snapshotId}`)
      .query({ minPosition })
      .set(f.as(['monitoring'], 'mo-1'));
    expect(res.status).toBe(200);
    return (res.body.events as { type: string; actor: { id: string; name: string | null; roles: string[] } | null }[]).map((event) => [
      event.type,
      event.actor,
    ]);
  };

  beforeAll(async () => {
    f = await startFeatureApp();
    w = await seedMeetingWorld(f);
    actionId = await assignAction(f, w);
  });
  afterAll(() => f?.close());

  it('given Tony holds the owner post, when he records the figures for the action and corrects them, then 201 and 200, and the audit names him', async () => {
    const recorded = await collate(tony(), figures({ actionId }));
    expect(recorded.status).toBe(201);
    const snapshotId = recorded.body.id as string;
    const corrected = await correct(tony(), snapshotId);
    expect(corrected.status).toBe(200);
    const tonyAsActor = { id: w.personId, name: TONY, roles: ['officer'] };
    expect(await auditActors(snapshotId, corrected.body.position as number)).toEqual([
      ['MetricsCollated', tonyAsActor],
      ['MetricsCorrected', tonyAsActor],
    ]);
  });

  it("given another officer, when she records figures for Tony's action or corrects his snapshot, then 403 and nothing is written", async () => {
    const refusedId = randomUUID();
    const refused = await collate(sally(), figures({ actionId, id: refusedId }));
    expect([refused.status, refused.body.type]).toEqual([403, 'https://actiontrail.dev/problems/forbidden']);
    expect(await f.store.readStream(`metric-${refusedId}`)).toEqual([]);
    const snapshotId = (await collate(tony(), figures({ actionId }))).body.id as string;
    expect((await correct(sally(), snapshotId)).status).toBe(403);
    expect((await f.store.readStream(`metric-${snapshotId}`)).map((event) => event.type)).toEqual(['MetricsCollated']);
  });

  it('given a snapshot for no action, when an officer records it or corrects one staff recorded, then 403', async () => {
    expect((await collate(tony(), figures())).status).toBe(403);
    const staffSnapshot = await collate(f.as(['scrutiny'], 'clerk-1'), figures());
    expect(staffSnapshot.status).toBe(201);
    expect((await correct(tony(), staffSnapshot.body.id as string)).status).toBe(403);
  });

  it("given scrutiny staff, when they record figures for any action or none, and correct Tony's, then 201 and 200", async () => {
    const scrutiny = f.as(['scrutiny'], 'clerk-2', 'Scrutiny Clerk');
    expect((await collate(scrutiny, figures({ actionId }))).status).toBe(201);
    expect((await collate(scrutiny, figures())).status).toBe(201);
    const tonys = (await collate(tony(), figures({ actionId }))).body.id as string;
    expect((await correct(scrutiny, tonys)).status).toBe(200);
  });

  it('given an officer, when the action named in the body or the snapshot in the path does not exist, then 422 and 404', async () => {
    expect((await collate(tony(), figures({ actionId: randomUUID() }))).status).toBe(422);
    expect((await correct(tony(), randomUUID())).status).toBe(404);
  });

  it("given the action was reassigned after the guard looked, when Tony's figures or correction reach the handler, then 403 and nothing is appended", async () => {
    const ownActionId = await assignAction(f, w);
    const snapshotId = (await collate(tony(), figures({ actionId: ownActionId }))).body.id as string;
    const reassigned = await f
      .http()
      .post(`/api/v1/actions/${ownActionId}/reassignment`)
      .send({ ownerPostId: w.otherPostId, reason: 'Owned by People directorate' });
    expect(reassigned.status).toBe(200);
    const officer: Actor = { id: w.personId, name: TONY, roles: ['officer'] };
    const caller: Caller = { correlationId: randomUUID(), requestId: randomUUID(), actor: officer };
    const lateSnapshotId = randomUUID();
    for (const command of [
      new CorrectMetricsCommand(snapshotId, correction, undefined, caller),
      new CollateMetricsCommand(lateSnapshotId, figures({ actionId: ownActionId }) as CollateMetricsDto, caller),
    ]) {
      const refusal = await f.app
        .get(CommandBus)
        .execute(command)
        .catch((error: unknown) => error);
      expect(refusal).toBeInstanceOf(ProblemException);
      expect((refusal as ProblemException).getStatus()).toBe(403);
    }
    expect((await f.store.readStream(`metric-${snapshotId}`)).map((event) => event.type)).toEqual(['MetricsCollated']);
    expect(await f.store.readStream(`metric-${lateSnapshotId}`)).toEqual([]);
  });
});
