import { randomUUID } from 'node:crypto';
import { dropSchema, describeWithPostgres, POSTGRES_URL, uniqueSchema } from '../../../test/support/postgres.js';
import { PostgresDatabase } from '../src/sql/postgres-database.js';
import { SqlEventStore } from '../src/sql/sql-event-store.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const WRITERS = 16;
const APPENDS = 40;
const eventsInAppend = (i: number) => 1 + (i % 3);
const EVENTS = WRITERS * Array.from({ length: APPENDS }, (_, i) => eventsInAppend(i)).reduce((a, b) => a + b, 0);

/**
 * Appends are one autocommit statement, so the delay has to sit inside it: an AFTER INSERT trigger sleeps for
 * events that ask for it, holding the append's transaction (and its low positions) open while later appends,
 * with higher positions, commit first.
 */
const SLOW_COMMITS = `
  CREATE FUNCTION hold_commit() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    IF NEW.data ? 'holdMs' THEN PERFORM pg_sleep((NEW.data->>'holdMs')::int / 1000.0); END IF;
    RETURN NULL;
  END $$;
  CREATE TRIGGER hold_commit AFTER INSERT ON events FOR EACH ROW EXECUTE FUNCTION hold_commit();`;

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
    const store = await new SqlEventStore(db).init();
    await db.query(SLOW_COMMITS);
    const written = new Set<string>();
    const seen: string[] = [];
    let positionsWentBack = 0;
    let committedBelowAnEarlierOne = 0;
    let highestCommitted = 0;
    let writing = true;

    const writer = async (w: number) => {
      for (let i = 0; i < APPENDS; i++) {
        // One to three events per append; half the appends hold their transaction open up to 60 ms after inserting.
        const hold = Math.random() < 0.5 ? { holdMs: Math.floor(Math.random() * 60) } : {};
        const events = Array.from({ length: eventsInAppend(i) }, (_, k) => ({
          eventId: randomUUID(),
          type: 'Wrote',
          data: { w, i, k, ...(k === 0 ? hold : {}) },
        }));
        const { lastPosition } = await store.appendToStream(`w${w}-${i % 3}`, events);
        if (lastPosition < highestCommitted) committedBelowAnEarlierOne++;
        highestCommitted = Math.max(highestCommitted, lastPosition);
        for (const { eventId } of events) written.add(eventId);
      }
    };
    const reader = async () => {
      let after = 0;
      // Once writing stops, an event stays unreadable only while an older transaction elsewhere is still open.
      const deadline = () => !writing && (seen.length >= written.size || Date.now() > stopBy);
      let stopBy = Number.POSITIVE_INFINITY;
      for (;;) {
        if (!writing && stopBy === Number.POSITIVE_INFINITY) stopBy = Date.now() + 10_000;
        const page = await store.readAll(after, 7);
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
    await Promise.all(Array.from({ length: WRITERS }, (_, w) => writer(w)));
    writing = false;
    await reading;

    expect(written.size).toBe(EVENTS);
    // The scenario did happen: appends committed after others that had taken higher positions.
    expect(committedBelowAnEarlierOne).toBeGreaterThan(0);
    expect(positionsWentBack).toBe(0);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.filter((id) => written.has(id))).toHaveLength(EVENTS);
    expect([...written].filter((id) => !seen.includes(id))).toEqual([]);
  });
});
