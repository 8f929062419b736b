import { randomUUID } from 'node:crypto';
import { openEmbeddedEventStore, openPostgresEventStore, type SqlEventStore } from '#event-store';
import { describeWithPostgres, dropSchema, POSTGRES_URL, uniqueSchema } from '../../../../test/support/postgres.js';
import { ActionOwnership } from '../../src/features/actions/action-ownership.js';
import { AggregateStore } from '../../src/features/shared/aggregate-store.js';
import { SystemClock } from '../../src/features/shared/clock.js';

function ownershipSuite(open: () => Promise<SqlEventStore>, cleanUp: () => Promise<void> = async () => undefined): void {
  let store: SqlEventStore;
  let ownership: ActionOwnership;
  const append = (streamId: string, type: string, data: Record<string, unknown>) =>
    store.appendToStream(streamId, [{ eventId: randomUUID(), type, data, metadata: {} }], { expectedVersion: 'any' });

  beforeAll(async () => {
    store = await open();
    ownership = new ActionOwnership(new AggregateStore(store, new SystemClock()));
  });

  afterAll(async () => {
    await store?.close();
    await cleanUp();
  });

  it('folds the owner post from the action stream and the holder from the post stream', async () => {
    const [post, action] = [randomUUID(), randomUUID()];
    await append(`post-${post}`, 'PostCreated', { postId: post, title: 'Project Manager', createdAt: '2017-01-01T00:00:00Z' });
    await append(`post-${post}`, 'PostHolderAppointed', {
      postId: post,
      personId: 'tony',
      from: '2017-01-02',
      appointedAt: '2017-01-01T00:00:00Z',
    });
    await append(`action-${action}`, 'ActionAssigned', {
      actionId: action,
      resolutionId: randomUUID(),
      meetingId: randomUUID(),
      committeeId: randomUUID(),
      meetingStartsAt: '2017-01-16T18:00:00Z',
      title: 'Collate final metrics',
      ownerPostId: post,
      dueDate: '2017-02-20',
      assignedAt: '2017-01-16T20:00:00Z',
    });

    expect(await ownership.of(action, 'tony')).toBe('holder');
    expect(await ownership.of(action, 'someone-else')).toBe('not-holder');
    // 1 January 2017 at 23:30 in London is still before the appointment's first day.
    expect(await ownership.of(action, 'tony', new Date('2017-01-01T23:30:00Z'))).toBe('not-holder');
    expect(await ownership.of(randomUUID(), 'tony')).toBe('no-such-action');
    expect(await ownership.of('a\u0000b', 'tony')).toBe('no-such-action');
    expect(await ownership.of(`${action}\n`, 'tony')).toBe('no-such-action');

    await append(`post-${post}`, 'PostHolderVacated', { postId: post, personId: 'tony', at: '2018-01-01T00:00:00Z' });
    expect(await ownership.of(action, 'tony')).toBe('not-holder');
  });
}

describe('ActionOwnership on the embedded store', () => {
  ownershipSuite(() => openEmbeddedEventStore('memory://'));
});

const schema = uniqueSchema('own');
await describeWithPostgres('ActionOwnership on PostgreSQL', () => {
  ownershipSuite(
    () => openPostgresEventStore({ connectionString: POSTGRES_URL, schema }),
    () => dropSchema(schema),
  );
});
