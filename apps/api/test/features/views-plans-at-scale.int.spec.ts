import { openPostgresEventStore, type SqlDatabase, type SqlQueryable } from '#event-store';
import { Clock } from '../../src/features/shared/clock.js';
import { GetActionLogHandler, GetActionLogQuery } from '../../src/features/views/action-log.query.js';
import { encodeActionLogCursor } from '../../src/features/views/action-log-cursor.js';
import { GetChaseListHandler, GetChaseListQuery } from '../../src/features/views/overdue.query.js';
import {
  GetPersonQueueHandler,
  GetPersonQueueQuery,
  GetPostQueueHandler,
  GetPostQueueQuery,
} from '../../src/features/views/queue.query.js';
import { describeWithPostgres, dropSchema, POSTGRES_URL, uniqueSchema } from '../../../../test/support/postgres.js';
import { generateReadModels } from '../../../../test/support/read-models-at-scale.js';
import { startFeatureApp, type FeatureApp } from './support/feature-app.js';

const ACTIONS = 100_000;
const POSTS = 2_000;
const COMMITTEES = 50;
const TODAY = '2017-06-30';

/** Records the SQL a handler sends so that the test can EXPLAIN exactly that. */
class RecordingDatabase implements SqlQueryable {
  last: { sql: string; params: readonly unknown[] } = { sql: '', params: [] };
  constructor(private readonly db: SqlDatabase) {}
  query<Row>(sql: string, params: readonly unknown[] = []): Promise<{ rows: Row[] }> {
    this.last = { sql, params };
    return this.db.query<Row>(sql, params);
  }
}

/**
 * 100,000 actions generated straight into the read-model tables (what the records projection would hold), then
 * EXPLAIN ANALYZE of the exact SQL the post queue, my queue, the chase list and the action log handlers send: their
 * plans must use the indexes of rm_actions, each in its view's order, so that a page reads its own rows only. The
 * handlers are called directly; nothing here goes over HTTP or times a request (`npm run bench:views` measures
 * the views' latency over HTTP as the store grows).
 */
await describeWithPostgres('query plans of the views at 100,000 actions (PostgreSQL)', () => {
  const schema = uniqueSchema('views_scale');
  let f: FeatureApp;
  let db: SqlDatabase;
  const clock = { now: () => new Date(`${TODAY}T12:00:00Z`) } as Clock;
  let posts: string[] = [];
  let holders: string[] = [];

  beforeAll(async () => {
    const store = await openPostgresEventStore({ connectionString: POSTGRES_URL, schema });
    f = await startFeatureApp({ store });
    f.app.get(Clock).now = clock.now;
    db = store.db;
    await generateReadModels(db, { actions: ACTIONS, posts: POSTS, committees: COMMITTEES });
    posts = (await db.query<{ post_id: string }>('SELECT post_id FROM rm_posts ORDER BY post_id')).rows.map((r) => r.post_id);
    holders = (
      await db.query<{ id: string }>('SELECT holder_person_id AS id FROM rm_posts WHERE holder_person_id IS NOT NULL ORDER BY 1')
    ).rows.map((r) => r.id);
  }, 120_000);
  afterAll(async () => {
    await f.close();
    await dropSchema(schema);
  });

  async function plan(run: (recording: RecordingDatabase) => Promise<unknown>): Promise<string> {
    const recording = new RecordingDatabase(db);
    await run(recording);
    const { rows } = await db.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${recording.last.sql}`, recording.last.params);
    return rows.map((r) => r['QUERY PLAN']).join('\n');
  }

  /** The rows the scan on `index` returned (EXPLAIN ANALYZE's actual rows, summed over its loops). */
  function rowsReadOn(text: string, index: string): number {
    const node = new RegExp(`Scan using ${index} on rm_actions \\w+ .*\\(actual time=\\S+ rows=(\\d+) loops=(\\d+)\\)`).exec(text);
    if (!node) throw new Error(`No scan on ${index} in the plan:\n${text}`);
    return Number(node[1]) * Number(node[2]);
  }

  it('plans the post queue, my queue and the chase list on the indexes of rm_actions', async () => {
    const some = posts[7] ?? '';
    const queue = await plan((r) =>
      new GetPostQueueHandler(r as unknown as SqlDatabase, clock).execute(new GetPostQueueQuery(some, { limit: 100 })),
    );
    const mine = await plan((r) =>
      new GetPersonQueueHandler(r as unknown as SqlDatabase, clock).execute(new GetPersonQueueQuery(holders[7] ?? '', { limit: 100 })),
    );
    const chaseList = (filter: Omit<GetChaseListQuery['filter'], 'limit'>) =>
      plan((r) => new GetChaseListHandler(r as unknown as SqlDatabase, clock).execute(new GetChaseListQuery({ limit: 100, ...filter })));
    const chase = await chaseList({});
    const {
      rows: [middle],
    } = await db.query<{ due_on: string; action_id: string }>(
      `SELECT to_char(due_on, 'YYYY-MM-DD') AS due_on, action_id FROM rm_actions WHERE status = 'open' AND due_on < $1 ORDER BY due_on, action_id OFFSET 20000 LIMIT 1`,
      [TODAY],
    );
    const after = Buffer.from(JSON.stringify([middle?.due_on, middle?.action_id])).toString('base64url');
    const deepPage = await chaseList({ after });
    const {
      rows: [committee],
    } = await db.query<{ id: string }>('SELECT committee_id AS id FROM rm_committees LIMIT 1');
    const ofCommittee = await chaseList({ committeeId: committee?.id });
    for (const text of [queue, mine, chase, deepPage, ofCommittee]) {
      expect(text).not.toMatch(/Seq Scan on rm_actions/);
    }
    expect(queue).toMatch(/rm_actions_owner_post_id_due_on_action_id_idx/);
    // In the chase list's own order (due date, then action id): the scan stops after the page and its one extra row.
    for (const text of [chase, deepPage]) expect(rowsReadOn(text, 'rm_actions_status_due_on_action_id_idx')).toBeLessThanOrEqual(101);
    expect(rowsReadOn(ofCommittee, 'rm_actions_committee_id_status_due_on_action_id_idx')).toBeLessThanOrEqual(101);
  });

  it("plans a committee's action log in its order (meeting, ref number, action id), reading the page only, first and deep", async () => {
    const log = (committeeId: string, after?: string) =>
      plan((r) =>
        new GetActionLogHandler(r as unknown as SqlDatabase, f.store, clock).execute(
          new GetActionLogQuery(committeeId, { limit: 100, after }),
        ),
      );
    const {
      rows: [committee],
    } = await db.query<{ id: string }>('SELECT committee_id AS id FROM rm_committees ORDER BY committee_id LIMIT 1');
    const committeeId = committee?.id ?? '';
    const {
      rows: [middle],
    } = await db.query<{ starts_at: string; ref_number: number; action_id: string }>(
      `SELECT to_char(meeting_starts_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS starts_at,
              substring(ref FROM '^A([0-9]{1,9})$')::int AS ref_number, action_id
         FROM rm_actions WHERE committee_id = $1 ORDER BY 1, 2, 3 OFFSET 1000 LIMIT 1`,
      [committeeId],
    );
    const after = encodeActionLogCursor({
      meetingStartsAt: middle?.starts_at ?? '',
      refNumber: middle?.ref_number ?? 0,
      actionId: middle?.action_id ?? '',
    });
    const firstPage = await log(committeeId);
    const deepPage = await log(committeeId, after);
    for (const text of [firstPage, deepPage]) {
      expect(text).not.toMatch(/Seq Scan on rm_actions/);
      expect(rowsReadOn(text, 'rm_actions_log_order_idx')).toBeLessThanOrEqual(101);
    }
  });

  it("plans a busy post's queue on its index, reading whole rows for the page only", async () => {
    const busy = posts[11] ?? '';
    await db.query(
      `UPDATE rm_actions SET owner_post_id = $1 WHERE action_id IN (SELECT action_id FROM rm_actions ORDER BY action_id LIMIT 6000)`,
      [busy],
    );
    await db.query('ANALYZE rm_actions');
    const queue = await plan((r) =>
      new GetPostQueueHandler(r as unknown as SqlDatabase, clock).execute(new GetPostQueueQuery(busy, { limit: 50 })),
    );
    // The keys come off the queue index; whole rows are read for the page only (51 lookups), not for all ~3,600.
    expect(queue).toMatch(/Scan (using|on) rm_actions_owner_post_id_due_on_action_id_idx/);
    expect(queue).toMatch(/Index Scan using rm_actions_pkey on rm_actions a .*rows=1 loops=51\)/);
  });
});
