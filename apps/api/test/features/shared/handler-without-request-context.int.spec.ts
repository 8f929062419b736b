import { randomUUID } from 'node:crypto';
import { openEmbeddedEventStore, type SqlEventStore } from '#event-store';
import { ReportProgressCommand, ReportProgressHandler } from '../../../src/features/actions/report-progress.command.js';
import { ActionWriter } from '../../../src/features/actions/action-writer.js';
import { ActionOwnership } from '../../../src/features/actions/action-ownership.js';
import { CreateCommitteeCommand, CreateCommitteeHandler } from '../../../src/features/committees/create-committee.command.js';
import { AggregateStore } from '../../../src/features/shared/aggregate-store.js';
import { SystemClock } from '../../../src/features/shared/clock.js';
import type { Caller } from '../../../src/platform/caller.js';
import { currentRequestContext } from '../../../src/platform/request-context.js';

/** Handlers are handed their caller in the command: they run, and name that caller, with no request around them. */
describe('command handlers without a request context', () => {
  let store: SqlEventStore;
  let aggregates: AggregateStore;
  const caller: Caller = {
    actor: { id: 'clerk-1', name: 'Committee Clerk', roles: ['scrutiny'] },
    correlationId: `batch-${randomUUID()}`,
    requestId: randomUUID(),
  };

  beforeAll(async () => {
    store = await openEmbeddedEventStore('memory://');
    aggregates = new AggregateStore(store, new SystemClock());
  });
  afterAll(() => store?.close());

  it('puts the caller given in the command on the events it appends', async () => {
    expect(currentRequestContext()).toBeUndefined();
    const committeeId = randomUUID();
    const handler = new CreateCommitteeHandler(aggregates);

    const outcome = await handler.execute(
      new CreateCommitteeCommand(committeeId, { name: 'Overview and Scrutiny', kind: 'scrutiny' }, caller),
    );

    expect(outcome).toMatchObject({ id: committeeId, version: 1 });
    const [created] = await store.readStream(`committee-${committeeId}`);
    expect(created?.metadata).toEqual({
      actor: { id: 'clerk-1', name: 'Committee Clerk', roles: ['scrutiny'] },
      correlationId: caller.correlationId,
      requestId: caller.requestId,
    });
  });

  it('takes who reported progress from the caller, not from a request', async () => {
    const actionId = randomUUID();
    const handler = new ReportProgressHandler(new ActionWriter(aggregates, new ActionOwnership(aggregates)));
    await store.appendToStream(
      `action-${actionId}`,
      [
        {
          eventId: randomUUID(),
          type: 'ActionAssigned',
          metadata: {},
          data: {
            actionId,
            resolutionId: randomUUID(),
            meetingId: randomUUID(),
            committeeId: randomUUID(),
            meetingStartsAt: '2017-01-16T18:00:00Z',
            title: 'Collate final metrics',
            ownerPostId: randomUUID(),
            dueDate: '2017-02-20',
            assignedAt: '2017-01-16T20:00:00Z',
          },
        },
      ],
      { expectedVersion: 'no_stream' },
    );

    await handler.execute(new ReportProgressCommand(actionId, { note: 'Figures in', rag: 'green' }, undefined, caller));

    const reported = (await store.readStream(`action-${actionId}`)).at(-1);
    expect(reported).toMatchObject({
      type: 'ActionProgressReported',
      data: { reportedBy: 'clerk-1' },
      metadata: { correlationId: caller.correlationId },
    });
  });
});
