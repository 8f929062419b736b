import { randomUUID } from 'node:crypto';
import { describeOnBothStores } from '../../../test/support/postgres.js';
import type { SqlEventStore } from '../src/sql/sql-event-store.js';
import {
  CatchUpSubscription,
  CheckpointMovedError,
  readCheckpoint,
  readStoredCheckpoint,
} from '../src/subscription/catch-up-subscription.js';
import { newEvent } from './event-store.contract.js';

/** Readers stop below any transaction still open on the cluster (another suite's): wait until the append is readable. */
async function appendReadable(store: SqlEventStore, streamId: string): Promise<void> {
  const { lastPosition: position } = await store.appendToStream(streamId, [newEvent()]);
  const deadline = Date.now() + 20_000;
  while ((await store.headPosition()) < position) {
    if (Date.now() > deadline) throw new Error(`position ${position} did not become readable`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

function checkpointCompareAndSet(open: () => SqlEventStore): void {
  it('does not re-create a deleted checkpoint at the position the runner cached: the batch rolls back and the runner starts again from zero', async () => {
    const store = open();
    const name = `reset_${randomUUID().slice(0, 8)}`;
    const id = `thing-${randomUUID()}`;
    await store.db.query(`CREATE TABLE ${name} (global_position bigint PRIMARY KEY)`);
    const seen = async () => (await store.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${name}`)).rows[0]?.n;
    const runner = new CatchUpSubscription({
      name,
      store,
      checkpoints: store.db,
      batchSize: 1,
      handle: async (events, tx) => {
        for (const event of events.filter((e) => e.streamId === id))
          await tx.query(`INSERT INTO ${name} VALUES ($1)`, [event.globalPosition]);
      },
    });
    await appendReadable(store, id);
    await runner.catchUp();
    expect(await seen()).toBe(1);

    // Given a reset behind the runner's back (fresh tables, checkpoint row gone), and a new event
    await store.db.transaction(async (tx) => {
      await tx.query(`DELETE FROM ${name}`);
      await tx.query('DELETE FROM checkpoints WHERE name = $1', [name]);
    });
    await appendReadable(store, id);

    // When the runner applies its next batch from its cached position
    await expect(runner.runOnce()).rejects.toBeInstanceOf(CheckpointMovedError);

    // Then nothing of it stayed, the row is still missing, and the runner's next pass replays from zero
    expect({ checkpoint: await readStoredCheckpoint(store.db, name), seen: await seen() }).toEqual({ checkpoint: null, seen: 0 });
    await runner.catchUp();
    expect(await seen()).toBe(2);
    expect(await readCheckpoint(store.db, name)).toBe(await store.headPosition());
  });
}

await describeOnBothStores('checkpoint compare-and-set', 'cas', checkpointCompareAndSet);
