import { readCheckpoint, type SqlEventStore, type StoredEvent } from '#event-store';
import { describeOnBothStores } from '../../../test/support/postgres.js';
import { allProjections } from '../src/all-projections.js';
import { auditLogProjection } from '../src/audit-log/audit-log.projection.js';
import type { Projection } from '../src/engine/projection.js';
import { checkpointNameOf, ProjectionRunner, ProjectionVersionMovedError } from '../src/engine/projection-runner.js';
import { recordsProjection } from '../src/records/records.projection.js';
import { appendDomainEvent, appendWorld, world } from './support/append-world.js';

/** The projection, with a record of every event its apply was given. */
function counting(projection: Projection): { projection: Projection; applied: StoredEvent[] } {
  const applied: StoredEvent[] = [];
  return {
    applied,
    projection: {
      ...projection,
      apply: (event, rows) => {
        applied.push(event);
        projection.apply(event, rows);
      },
    },
  };
}

const runnerFor = (store: SqlEventStore, projection: Projection) =>
  new ProjectionRunner({ store, db: store.db, projection, idleWaitMs: 100 });

async function untilAsync(condition: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

async function until(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/**
 * Readers stop below the oldest transaction still open anywhere on the cluster (README, commit-safe order), so
 * another suite's open transaction can hide an event just written for a moment: wait until it is readable.
 */
async function readable(store: SqlEventStore, position: number): Promise<void> {
  const deadline = Date.now() + 20_000;
  while ((await store.headPosition()) < position) {
    if (Date.now() > deadline) throw new Error(`position ${position} did not become readable`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** One story, in order: each test starts from the store and tables the previous one left. */
function runnerStory(open: () => SqlEventStore): void {
  const sql = <Row>(text: string, params: unknown[] = []) =>
    open()
      .db.query<Row>(text, params)
      .then((r) => r.rows);
  let head = 0;

  it('prepares the tables, applies every committed event and commits the checkpoint at the last position', async () => {
    const store = open();
    head = await appendWorld(store);
    await readable(store, head);
    for (const projection of allProjections) {
      const runner = runnerFor(store, projection);
      await runner.prepare();
      await runner.catchUp();
      expect({ name: projection.name, checkpoint: await readCheckpoint(store.db, checkpointNameOf(projection)) }).toEqual({
        name: projection.name,
        checkpoint: head,
      });
    }
    expect(await sql(`SELECT ref, owner_post_id, due_meeting_id, due_on::text AS due_on, status, item_number FROM rm_actions`)).toEqual([
      { ref: 'A1', owner_post_id: world.post, due_meeting_id: world.juneMeeting, due_on: '2017-06-16', status: 'open', item_number: '03' },
    ]);
    expect(await sql(`SELECT holder_person_id, holder_name FROM rm_posts WHERE post_id = $1`, [world.post])).toEqual([
      { holder_person_id: world.person, holder_name: 'Tony Fitzgerald' },
    ]);
    expect(
      await sql(
        `SELECT value::float8 AS value, original_value::float8 AS original, jsonb_array_length(corrections) AS corrections FROM rm_metric_points`,
      ),
    ).toEqual([{ value: 21, original: 24.5, corrections: 1 }]);
    expect(
      await sql(`SELECT count(*)::int AS events, count(DISTINCT stream_id)::int AS streams, min(actor_id) AS actor FROM rm_audit_events`),
    ).toEqual([{ events: 10, streams: 8, actor: 'p-scrutiny' }]);
  });

  it('a second runner resumes from the checkpoint and applies only the events written since', async () => {
    const store = open();
    const { projection, applied } = counting(recordsProjection);
    const runner = runnerFor(store, projection);
    await runner.prepare();
    await runner.catchUp();
    expect(applied).toEqual([]);
    await appendDomainEvent(store, 'action', world.action, {
      type: 'ActionReassigned',
      data: {
        actionId: world.action,
        fromPostId: world.post,
        toPostId: world.otherPost,
        reason: 'Restructure',
        reassignedAt: '2017-02-01T09:00:00Z',
      },
    });
    head = await appendDomainEvent(store, 'action', world.action, {
      type: 'ActionChased',
      data: { actionId: world.action, chasedAt: '2017-06-17T09:00:00Z', chaseNumber: 1 },
    });
    await readable(store, head);
    await runner.catchUp();
    expect(applied.map((e) => [e.type, e.streamVersion])).toEqual([
      ['ActionReassigned', 2],
      ['ActionChased', 3],
    ]);
    expect(await sql(`SELECT owner_post_id, chase_count, version FROM rm_actions`)).toEqual([
      { owner_post_id: world.otherPost, chase_count: 1, version: 3 },
    ]);
    expect(await readCheckpoint(store.db, checkpointNameOf(recordsProjection))).toBe(head);
  });

  it('keeps the tables when the version is unchanged; a bumped version is built beside them by the leader and swapped in', async () => {
    const store = open();
    await sql(`INSERT INTO rm_committees (committee_id, name, kind, action_count) VALUES ('c-stray', 'Not from any event', 'other', 0)`);
    const old = runnerFor(store, recordsProjection);
    await old.prepare();
    await old.catchUp();
    expect(await sql(`SELECT committee_id FROM rm_committees ORDER BY committee_id`)).toEqual([
      { committee_id: 'c-stray' },
      { committee_id: world.committee },
    ]);

    // Given a runner of the next version starting beside the old one: its prepare drops nothing
    const { projection, applied } = counting({ ...recordsProjection, version: recordsProjection.version + 1 });
    const upgraded = runnerFor(store, projection);
    await upgraded.prepare();
    expect(await readCheckpoint(store.db, checkpointNameOf(recordsProjection))).toBe(head);
    expect(await sql(`SELECT count(*)::int AS n FROM rm_committees`)).toEqual([{ n: 2 }]);
    expect(await sql(`SELECT version FROM projection_versions WHERE name = 'records'`)).toEqual([{ version: recordsProjection.version }]);

    // When it leads: it replays from zero into a new generation and swaps it in
    upgraded.start();
    try {
      await until(() => applied.length === 12, 20_000);
      await untilAsync(
        async () =>
          (await sql<{ version: number }>(`SELECT version FROM projection_versions WHERE name = 'records'`))[0]?.version ===
          projection.version,
      );
    } finally {
      await upgraded.stop();
    }
    expect(await sql(`SELECT committee_id, action_count FROM rm_committees`)).toEqual([{ committee_id: world.committee, action_count: 1 }]);
    expect(await sql(`SELECT ref, owner_post_id, chase_count FROM rm_actions`)).toEqual([
      { ref: 'A1', owner_post_id: world.otherPost, chase_count: 1 },
    ]);
    expect(await readCheckpoint(store.db, checkpointNameOf(recordsProjection))).toBe(head);

    // Then the old runner, whose cached checkpoint the swap left where it was, cannot apply its version to the new tables
    head = await appendDomainEvent(store, 'action', world.action, {
      type: 'ActionChased',
      data: { actionId: world.action, chasedAt: '2017-06-18T09:00:00Z', chaseNumber: 2 },
    });
    await readable(store, head);
    await expect(old.catchUp()).rejects.toBeInstanceOf(ProjectionVersionMovedError);
    expect(await sql(`SELECT chase_count FROM rm_actions`)).toEqual([{ chase_count: 1 }]);
    await upgraded.catchUp();
    expect(await sql(`SELECT chase_count FROM rm_actions`)).toEqual([{ chase_count: 2 }]);
    expect(await readCheckpoint(store.db, checkpointNameOf(recordsProjection))).toBe(head);
  });
}

await describeOnBothStores('ProjectionRunner', 'proj', (store, on) => {
  runnerStory(store);
  if (on === 'PostgreSQL') leadershipStory(store);
});

/** PostgreSQL only: there the lead is an advisory lock runners contend for; on PGlite the one process always leads. */
function leadershipStory(open: () => SqlEventStore): void {
  it('lets only one of two runners of a projection lead, and hands over when the leader stops', async () => {
    const store = open();
    const first = counting(auditLogProjection);
    const second = counting(auditLogProjection);
    const [leader, follower] = [runnerFor(store, first.projection), runnerFor(store, second.projection)];
    const register = (personId: string) =>
      appendDomainEvent(store, 'person', personId, {
        type: 'PersonRegistered',
        data: { personId, name: personId, registeredAt: '2017-03-01T09:00:00Z' },
      });
    await leader.prepare();
    await leader.catchUp();
    first.applied.splice(0);
    leader.start();
    try {
      await until(() => leader.isLeader, 5_000);
      follower.start();
      const whileLed = await register('person-while-led');
      await waitForCheckpoint(store, checkpointNameOf(auditLogProjection), whileLed);
      // The follower retries every second: let it try and be refused a few times.
      await new Promise((resolve) => setTimeout(resolve, 2_500));
      expect({ leader: leader.isLeader, follower: follower.isLeader }).toEqual({ leader: true, follower: false });
      expect(first.applied.map((e) => e.globalPosition)).toEqual([whileLed]);
      expect(second.applied).toEqual([]);

      await leader.stop();
      expect(leader.isLeader).toBe(false);
      await until(() => follower.isLeader, 5_000);
      const afterHandover = await register('person-after-handover');
      await waitForCheckpoint(store, checkpointNameOf(auditLogProjection), afterHandover);
      expect(second.applied.map((e) => e.globalPosition)).toEqual([afterHandover]);
      expect(
        (await store.db.query(`SELECT stream_id FROM rm_audit_events WHERE global_position >= $1 ORDER BY global_position`, [whileLed]))
          .rows,
      ).toEqual([{ stream_id: 'person-person-while-led' }, { stream_id: 'person-person-after-handover' }]);
    } finally {
      await leader.stop();
      await follower.stop();
    }
  });
}

async function waitForCheckpoint(store: SqlEventStore, name: string, position: number): Promise<void> {
  const deadline = Date.now() + 20_000;
  while ((await readCheckpoint(store.db, name)) < position) {
    if (Date.now() > deadline) throw new Error(`checkpoint ${name} did not reach ${position}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
