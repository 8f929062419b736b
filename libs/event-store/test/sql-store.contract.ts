import { randomUUID } from 'node:crypto';
import { ConcurrencyError } from '../src/port/errors.js';
import { SqlEventStore } from '../src/sql/sql-event-store.js';
import { CatchUpSubscription, CheckpointMovedError, readCheckpoint } from '../src/subscription/catch-up-subscription.js';
import { newEvent } from './event-store.contract.js';

/**
 * What the two SQL adapters (embedded and PostgreSQL) share beyond the port: raw tables, upcasting, checkpoints.
 * `soleWriter`: the store is the one writer of its tables (the embedded store), so it knows its streams' versions.
 */
export function sqlStoreContract(harness: () => { store: SqlEventStore; soleWriter: boolean }): void {
  const sql = (text: string, params?: unknown[]) => harness().store.db.query(text, params);

  describe('stream versions known without reading', () => {
    it('given appends and reads of a stream, then the sole writer knows its version, and a store other processes write to never claims to', async () => {
      const { store, soleWriter } = harness();
      const id = `known-${randomUUID()}`;
      const known = (version: number) => (soleWriter ? version : undefined);
      expect(store.knownStreamVersion(id)).toBeUndefined();

      await store.appendToStream(id, [newEvent('One'), newEvent('Two')], { expectedVersion: 'no_stream' });
      expect(store.knownStreamVersion(id)).toBe(known(2));
      await store.appendToStream(id, [newEvent('Three')], { expectedVersion: 2 });
      expect(store.knownStreamVersion(id)).toBe(known(3));

      const fresh = new SqlEventStore(store.db, { soleWriter });
      expect(fresh.knownStreamVersion(id)).toBeUndefined();
      await fresh.readStream(id, { fromVersion: 2 });
      expect(fresh.knownStreamVersion(id)).toBe(known(3));
    });

    it('given a read cut short by maxCount or asOf, then the version it ended at is not taken for the head', async () => {
      const { store, soleWriter } = harness();
      const id = `cut-short-${randomUUID()}`;
      await store.appendToStream(id, [newEvent('One'), newEvent('Two'), newEvent('Three')], { expectedVersion: 'no_stream' });
      const fresh = new SqlEventStore(store.db, { soleWriter });

      expect(await fresh.readStream(id, { maxCount: 2 })).toHaveLength(2);
      expect(await fresh.readStream(id, { asOf: new Date(Date.now() + 60_000) })).toHaveLength(3);

      expect(fresh.knownStreamVersion(id)).toBeUndefined();
      await fresh.readStream(id, { maxCount: 5 });
      expect(fresh.knownStreamVersion(id)).toBe(soleWriter ? 3 : undefined);
    });

    it('given an append whose outcome is unknown (the database failed as it answered), then its stream version is no longer known', async () => {
      const { store } = harness();
      const id = `unknown-${randomUUID()}`;
      await store.appendToStream(id, [newEvent('One')], { expectedVersion: 'no_stream' });
      const query = store.db.query;
      store.db.query = async <Row>(...args: Parameters<typeof query>) => {
        const result = await query.apply<typeof store.db, typeof args, Promise<{ rows: Row[] }>>(store.db, args);
        if (args[2]?.prepareAs === 'actiontrail_append_one') throw new Error('connection lost after the append');
        return result;
      };
      try {
        await expect(store.appendToStream(id, [newEvent('Two')], { expectedVersion: 1 })).rejects.toThrow('connection lost');
      } finally {
        store.db.query = query;
      }

      expect(store.knownStreamVersion(id)).toBeUndefined();
      expect(await store.streamVersion(id)).toBe(2);
    });
  });

  describe('tamper evidence in SQL', () => {
    it('refuses plain UPDATE and DELETE of stored events', async () => {
      const { store } = harness();
      const id = `thing-${randomUUID()}`;
      await store.appendToStream(id, [newEvent()]);
      await expect(sql(`UPDATE events SET data = '{"n": 99}' WHERE stream_id = $1`, [id])).rejects.toThrow(/append-only/);
      await expect(sql('DELETE FROM events WHERE stream_id = $1', [id])).rejects.toThrow(/append-only/);
    });

    it('names the first broken event when a row is edited behind the trigger', async () => {
      const { store } = harness();
      const id = `aaaa-${randomUUID()}`;
      await store.appendToStream(id, [newEvent('One', { amount: 10 }), newEvent('Two', { amount: 20 }), newEvent('Three')]);
      expect((await store.verify()).ok).toBe(true);
      const [, second] = await store.readStream(id);
      await store.db.transaction(async (tx) => {
        await tx.query('ALTER TABLE events DISABLE TRIGGER events_append_only');
        await tx.query(`UPDATE events SET data = '{"amount": 2000}' WHERE event_id = $1`, [second?.eventId]);
        await tx.query('ALTER TABLE events ENABLE TRIGGER events_append_only');
      });
      const result = await store.verify();
      expect(result.ok).toBe(false);
      expect(result.firstBroken).toMatchObject({ streamId: id, streamVersion: 2, eventId: second?.eventId, reason: 'hash-mismatch' });
      // Leave the store verifiable for the other tests: put the original bytes back.
      await store.db.transaction(async (tx) => {
        await tx.query('ALTER TABLE events DISABLE TRIGGER events_append_only');
        await tx.query(`UPDATE events SET data = '{"amount": 20}' WHERE event_id = $1`, [second?.eventId]);
        await tx.query('ALTER TABLE events ENABLE TRIGGER events_append_only');
      });
      expect((await store.verify()).ok).toBe(true);
    });
  });

  describe('stream heads another process moved', () => {
    // A second store over the same tables has a head cache of its own, as another process would.
    const otherProcess = () => new SqlEventStore(harness().store.db, { upcasters: harness().store.upcasters });

    it('refuses an append on a stale cached head with the actual version, stores nothing of it, and keeps the chain', async () => {
      const { store } = harness();
      const other = otherProcess();
      const id = `heads-${randomUUID()}`;
      await store.appendToStream(id, [newEvent('One')], { expectedVersion: 'no_stream' });
      await other.readStream(id);
      await store.appendToStream(id, [newEvent('Two')], { expectedVersion: 1 });
      const lost = newEvent('Lost');

      const error = await other.appendToStream(id, [lost], { expectedVersion: 1 }).catch((e: unknown) => e);

      expect(error).toBeInstanceOf(ConcurrencyError);
      expect((error as ConcurrencyError).actual).toBe(2);
      expect(await store.findEvent(lost.eventId)).toBeUndefined();
      const third = await other.appendToStream(id, [newEvent('Three')], { expectedVersion: 2 });
      expect(third.nextExpectedVersion).toBe(3);
      const events = await store.readStream(id);
      expect(events.map((e) => e.type)).toEqual(['One', 'Two', 'Three']);
      expect(events.map((e) => e.prevHash)).toEqual([null, events[0]?.hash, events[1]?.hash]);
      expect((await store.verify()).ok).toBe(true);
    });

    it('answers a retry that reaches another process after the first append landed as the first time', async () => {
      const { store } = harness();
      const other = otherProcess();
      const id = `heads-${randomUUID()}`;
      await store.appendToStream(id, [newEvent('One')], { expectedVersion: 'no_stream' });
      await other.readStream(id);
      const event = newEvent('Two');
      const first = await store.appendToStream(id, [event], { expectedVersion: 1 });

      const retryStaleCache = await other.appendToStream(id, [event], { expectedVersion: 1 });
      const retryFreshHead = await other.appendToStream(id, [event], { expectedVersion: 1 });
      const retryHere = await store.appendToStream(id, [event], { expectedVersion: 1 });

      for (const retry of [retryStaleCache, retryFreshHead, retryHere]) {
        expect(retry).toEqual({ ...first, idempotentReplay: true });
      }
      expect(await store.readStream(id)).toHaveLength(2);
    });
  });

  describe('upcasting', () => {
    it('turns an older schema version into the current shape on read', async () => {
      const { store } = harness();
      const type = `Renamed${randomUUID().slice(0, 8)}`;
      store.upcasters.register(type, 1, (data) => ({ fullName: `${String(data.first)} ${String(data.last)}` }));
      const id = `thing-${randomUUID()}`;
      await store.appendToStream(id, [{ ...newEvent(type, { first: 'Angela', last: 'Claridge' }), schemaVersion: 1 }]);
      await store.appendToStream(id, [newEvent(type, { fullName: 'Tony Fitzgerald' })]);
      const [old, current] = await store.readStream(id);
      expect(old).toMatchObject({ schemaVersion: 2, data: { fullName: 'Angela Claridge' } });
      expect(current).toMatchObject({ schemaVersion: 2, data: { fullName: 'Tony Fitzgerald' } });
      expect((await store.verify()).ok).toBe(true);
    });
  });

  describe('catch-up subscription with a checkpoint', () => {
    it('applies each event once, commits the checkpoint with the batch, and resumes after a restart', async () => {
      const { store } = harness();
      const name = `counter_${randomUUID().slice(0, 8)}`;
      await sql(`CREATE TABLE ${name} (stream_id text PRIMARY KEY, seen integer NOT NULL)`);
      const id = `thing-${randomUUID()}`;
      const handle = async (events: readonly { streamId: string }[], tx: { query: (s: string, p?: unknown[]) => Promise<unknown> }) => {
        for (const e of events.filter((x) => x.streamId === id)) {
          await tx.query(`INSERT INTO ${name} VALUES ($1, 1) ON CONFLICT (stream_id) DO UPDATE SET seen = ${name}.seen + 1`, [e.streamId]);
        }
      };
      await store.appendToStream(id, [newEvent(), newEvent(), newEvent()]);
      const first = new CatchUpSubscription({ name, store, checkpoints: store.db, handle, batchSize: 2 });
      await first.catchUp();
      await store.appendToStream(id, [newEvent(), newEvent()]);
      const restarted = new CatchUpSubscription({ name, store, checkpoints: store.db, handle, batchSize: 2 });
      await restarted.catchUp();
      const { rows } = await sql(`SELECT seen FROM ${name}`);
      expect(rows).toEqual([{ seen: 5 }]);
      expect(await readCheckpoint(store.db, name)).toBe(await store.headPosition());
    });

    it('with read-ahead, applies every event once and in order while writers keep appending, and never trusts an empty read-ahead', async () => {
      const { store } = harness();
      const name = `ahead_${randomUUID().slice(0, 8)}`;
      const id = `thing-${randomUUID()}`;
      const seen: number[] = [];
      const runner = new CatchUpSubscription({
        name,
        store,
        checkpoints: store.db,
        batchSize: 2,
        readAhead: true,
        handle: async (events) => void seen.push(...events.filter((e) => e.streamId === id).map((e) => e.globalPosition)),
      });
      await store.appendToStream(id, [newEvent(), newEvent(), newEvent()]);
      for (let round = 0; round < 4; round++) {
        // Appended while a read-ahead of the next page may already be under way.
        await runner.runOnce();
        await store.appendToStream(id, [newEvent()]);
      }
      await runner.catchUp();
      await store.appendToStream(id, [newEvent(), newEvent()]);
      expect(await runner.runOnce()).toBe(2);
      // That page ended at the head, so the read-ahead it started comes back empty; these come after it.
      await new Promise((resolve) => setTimeout(resolve, 50));
      await store.appendToStream(id, [newEvent(), newEvent()]);
      expect(await runner.runOnce()).toBe(2);
      const positions = (await store.readStream(id)).map((e) => e.globalPosition);
      expect(positions).toHaveLength(11);
      expect(seen).toEqual(positions);
      expect(await readCheckpoint(store.db, name)).toBe(await store.headPosition());
    });

    it('rolls back a batch whose checkpoint another runner moved: neither its writes nor its checkpoint stay', async () => {
      const { store } = harness();
      const name = `moved_${randomUUID().slice(0, 8)}`;
      await sql(`CREATE TABLE ${name} (global_position bigint PRIMARY KEY)`);
      const id = `thing-${randomUUID()}`;
      await store.appendToStream(id, [newEvent()]);
      const handled: number[] = [];
      const runner = new CatchUpSubscription({
        name,
        store,
        checkpoints: store.db,
        batchSize: 1,
        handle: async (events, tx) => {
          for (const e of events.filter((x) => x.streamId === id)) {
            handled.push(e.globalPosition);
            await tx.query(`INSERT INTO ${name} VALUES ($1)`, [e.globalPosition]);
          }
        },
      });
      await runner.catchUp();
      await store.appendToStream(id, [newEvent()]);
      const [first, second] = (await store.readStream(id)).map((e) => e.globalPosition);
      await sql(`UPDATE checkpoints SET position = 1 WHERE name = $1`, [name]);
      await expect(runner.runOnce()).rejects.toBeInstanceOf(CheckpointMovedError);
      // The handler did write the second event, inside the batch's transaction; the refused commit took it back.
      expect(handled).toEqual([first, second]);
      const { rows } = await sql(`SELECT global_position::text AS position FROM ${name}`);
      expect(rows).toEqual([{ position: String(first) }]);
      expect(await readCheckpoint(store.db, name)).toBe(1);
    });
  });
}
