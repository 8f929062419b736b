import type { SqlDatabase, SqlEventStore } from '#event-store';
import { describeOnBothStores } from '../../../test/support/postgres.js';
import type { Projection, Row } from '../src/engine/projection.js';
import { RowCache } from '../src/engine/row-cache.js';
import { createTables, loadTouchedRows, saveChangedRows } from '../src/engine/table-sql.js';

/** Every column type, keyed and append-only, so that each travels the batch insert. */
const projection: Projection = {
  name: 'save-rows-spec',
  version: 1,
  tables: [
    {
      name: 'rm_spec_things',
      key: 'id',
      columns: {
        id: 'text',
        n: 'integer',
        big: 'bigint',
        amount: 'numeric',
        flag: 'boolean',
        day: 'date',
        at: 'timestamptz',
        doc: 'jsonb',
        note: 'text',
      },
    },
    { name: 'rm_spec_log', key: 'position', appendOnly: true, columns: { position: 'bigint', doc: 'jsonb', note: 'text' } },
  ],
  touches: () => [],
  apply: () => undefined,
};

/** Text an array literal or a JSON document could get wrong. */
const AWKWARD = ['', 'NULL', 'null', 'a,b', '{x}', '"quoted"', 'back\\slash', "it's", 'line\nbreak', 'Ünïcödé ✓', ' padded '];

function story(storeOf: () => SqlEventStore): void {
  const read = async (db: SqlDatabase, sql: string) => (await db.query<Row>(sql)).rows;

  it('writes every column type and awkward text as given, a JSON null as SQL NULL, and upserts over an earlier write', async () => {
    // Given rows with every column type, awkward text, absent columns and jsonb that is null, a string or nested
    const { db } = storeOf();
    await db.transaction((tx) => createTables(tx, projection, ''));
    const cache = new RowCache();
    AWKWARD.forEach((note, i) =>
      cache.set('rm_spec_things', `t${i}`, {
        id: `t${i}`,
        n: i,
        big: 9_007_199_254_740_000 + i,
        amount: '12.5',
        flag: i % 2 === 0,
        day: '2017-06-30',
        at: '2017-06-30T18:00:00.000Z',
        doc: i === 0 ? null : i === 1 ? 'just text' : { note, list: [note, null, 1.5], nested: { quote: '"' } },
        note,
      }),
    );
    cache.set('rm_spec_things', 'bare', { id: 'bare' });
    AWKWARD.forEach((note, i) => cache.insert('rm_spec_log', { position: i + 1, doc: { note }, note }));

    // When they are saved, then one of them changed and saved again
    await db.transaction((tx) => saveChangedRows(tx, projection, '', cache));
    const again = new RowCache();
    await loadTouchedRows(db, projection, '', new Map([['rm_spec_things', new Set(['t3'])]]), again);
    again.set('rm_spec_things', 't3', { ...again.get('rm_spec_things', 't3'), note: 'changed "again"', doc: { v: 2 } });
    await db.transaction((tx) => saveChangedRows(tx, projection, '', again));

    // Then each reads back as it was written
    const things = await read(
      db,
      `SELECT id, n, big::text AS big, amount::text AS amount, flag, to_char(day, 'YYYY-MM-DD') AS day,
              to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI') AS at, doc, doc IS NULL AS doc_is_null, note
         FROM rm_spec_things ORDER BY id`,
    );
    expect(things.find((r) => r.id === 'bare')).toEqual({
      id: 'bare',
      n: null,
      big: null,
      amount: null,
      flag: null,
      day: null,
      at: null,
      doc: null,
      doc_is_null: true,
      note: null,
    });
    AWKWARD.forEach((note, i) => {
      const row = things.find((r) => r.id === `t${i}`);
      expect(row).toMatchObject({ n: i, big: String(9_007_199_254_740_000 + i), amount: '12.5', flag: i % 2 === 0 });
      expect(row).toMatchObject({ day: '2017-06-30', at: '2017-06-30T18:00' });
      if (i === 3) expect(row).toMatchObject({ note: 'changed "again"', doc: { v: 2 } });
      else if (i === 0) expect(row).toMatchObject({ note, doc_is_null: true });
      else if (i === 1) expect(row).toMatchObject({ note, doc: 'just text' });
      else expect(row).toMatchObject({ note, doc: { note, list: [note, null, 1.5], nested: { quote: '"' } } });
    });
    const log = await read(db, 'SELECT position::int AS position, doc, note FROM rm_spec_log ORDER BY position');
    expect(log).toEqual(AWKWARD.map((note, i) => ({ position: i + 1, doc: { note }, note })));
  });
}

await describeOnBothStores('saving a batch of rows', 'save_rows', story);
