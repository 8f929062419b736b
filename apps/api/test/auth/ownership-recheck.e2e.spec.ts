import { CommandBus } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { CompleteActionCommand } from '../../src/features/actions/complete-action.command.js';
import { ReportProgressCommand } from '../../src/features/actions/report-progress.command.js';
import { ProblemException } from '../../src/platform/problems/problem.js';
import type { Caller } from '../../src/platform/caller.js';
import type { Actor } from '../../src/platform/request-context.js';
import { startFeatureApp, type FeatureApp } from '../features/support/feature-app.js';
import { assignAction, seedMeetingWorld, type MeetingWorld } from '../features/support/seed-over-http.js';

/**
 * The route guard checks ownership before the handler reads the action. These commands go straight to the
 * bus, as if the guard had let them through just before a reassignment: the handler must refuse them itself.
 */
describe('officer commands are checked again against the state they are decided on', () => {
  let f: FeatureApp;
  let w: MeetingWorld;
  let bus: CommandBus;
  const officer = (): Actor => ({ id: w.personId, name: 'Tony Fitzgerald', roles: ['officer'] });
  const as = (actor: Actor): Caller => ({ correlationId: randomUUID(), requestId: randomUUID(), actor });
  const streamTypes = async (actionId: string) => (await f.store.readStream(`action-${actionId}`)).map((event) => event.type);

  beforeAll(async () => {
    f = await startFeatureApp();
    w = await seedMeetingWorld(f);
    bus = f.app.get(CommandBus);
  });

  afterAll(async () => {
    await f?.close();
  });

  it('given an action of the post Tony holds, when he reports progress, then it is recorded', async () => {
    const actionId = await assignAction(f, w);
    const result = await bus.execute(
      new ReportProgressCommand(actionId, { note: 'Vacancy figures in', rag: 'green' }, undefined, as(officer())),
    );
    expect(result).toMatchObject({ id: actionId, version: 2 });
  });

  it('given the action was reassigned after the guard looked, when Tony reports progress or completes it, then 403 and nothing is appended', async () => {
    const actionId = await assignAction(f, w);
    const reassigned = await f
      .http()
      .post(`/api/v1/actions/${actionId}/reassignment`)
      .send({ ownerPostId: w.otherPostId, reason: 'Owned by People directorate' });
    expect(reassigned.status).toBe(200);

    for (const command of [
      new ReportProgressCommand(actionId, { note: 'Too late', rag: 'amber' }, undefined, as(officer())),
      new CompleteActionCommand(actionId, { outcome: 'Done anyway' }, undefined, as(officer())),
    ]) {
      const refusal = await bus.execute(command).catch((error: unknown) => error);
      expect(refusal).toBeInstanceOf(ProblemException);
      expect((refusal as ProblemException).getStatus()).toBe(403);
    }
    expect(await streamTypes(actionId)).toEqual(['ActionAssigned', 'ActionReassigned']);
  });

  it('given the same reassigned action, when scrutiny staff report progress, then their role is enough', async () => {
    const actionId = await assignAction(f, w);
    await f
      .http()
      .post(`/api/v1/actions/${actionId}/reassignment`)
      .send({ ownerPostId: w.otherPostId, reason: 'Owned by People directorate' });
    const staff: Actor = { id: 'scrutiny-officer', name: 'Scrutiny Officer', roles: ['scrutiny'] };
    const result = await bus.execute(new ReportProgressCommand(actionId, { note: 'Chased by scrutiny' }, undefined, as(staff)));
    expect(result).toMatchObject({ id: actionId, version: 3 });
  });
});
