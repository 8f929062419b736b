import { randomUUID } from 'node:crypto';
import { dropSchema, describeWithPostgres, POSTGRES_URL, uniqueSchema } from '../../../test/support/postgres.js';
import { PostgresDatabase } from '../src/sql/postgres-database.js';
import type { SqlDatabase, SqlQueryable } from '../src/sql/sql-database.js';
import { SqlEventStore } from '../src/sql/sql-event-store.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Holds some transactions open after they have written, so later writers commit first. */
function withSlowCommits(db: SqlDatabase, slowShare: number, maxDelayMs: number): SqlDatabase {
  return {
    dialect: db.dialect,
    query: (sql, params) => db.query(sql, params),
    listen: (channel, onNotify) => db.listen(channel, onNotify),
    notify: (channel) => db.notify(channel),
    close: () => db.close(),
    transaction: <T>(work: (tx: SqlQueryable) => Promise<T>) =>
      db.transaction(async (tx) => {
        const value = await work(tx);
        if (Math.random() < slowShare) await sleep(Math.random() * maxDelayMs);
        return value;
      }),
  };
}

await describeWithPostgres('global log under out-of-order commits (PostgreSQL)', () => {
  const schema = uniqueSchema('ooo');
  let db: PostgresDatabase;
  beforeAll(async () => {
    db = await PostgresDatabase.open({ connectionString: POSTGRES_URL, schema, poolSize: 24 });
  });
  afterAll(async () => {
    await db.close();
    await dropSchema(schema);
  });

  it('a reader following the log sees every committed event exactly once while slow and fast transactions interleave', async () => {
    const writerStore = await new SqlEventStore(withSlowCommits(db, 0.5, 60)).init();
    const readerStore = new SqlEventStore(db);
    const written = new Set<string>();
    const seen: string[] = [];
    let positionsWentBack = 0;
    let writing = true;

    const writer = async (w: number) => {
      for (let i = 0; i < 40; i++) {
        const eventId = randomUUID();
        await writerStore.appendToStream(`w${w}-${i % 3}`, [{ eventId, type: 'Wrote', data: { w, i } }]);
        written.add(eventId);
      }
    };
    const reader = async () => {
      let after = 0;
      // Once writing stops, an event stays unreadable only while an older transaction elsewhere is still open.
      const deadline = () => !writing && (seen.length >= written.size || Date.now() > stopBy);
      let stopBy = Number.POSITIVE_INFINITY;
      for (;;) {
        if (!writing && stopBy === Number.POSITIVE_INFINITY) stopBy = Date.now() + 10_000;
        const page = await readerStore.readAll(after, 7);
        for (const event of page.events) {
          if (event.globalPosition <= after) positionsWentBack++;
          seen.push(event.eventId);
        }
        after = page.lastPosition;
        if (page.events.length === 0) {
          if (deadline()) return;
          await sleep(1);
        }
      }
    };

    const reading = reader();
    await Promise.all(Array.from({ length: 16 }, (_, w) => writer(w)));
    writing = false;
    await reading;

    expect(written.size).toBe(640);
    expect(positionsWentBack).toBe(0);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.filter((id) => written.has(id))).toHaveLength(640);
    expect([...written].filter((id) => !seen.includes(id))).toEqual([]);
  });
});
