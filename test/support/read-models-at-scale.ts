import type { SqlQueryable } from '#event-store';

const ACTIONS_PER_STATEMENT = 100_000;

export interface ReadModelScale {
  readonly actions: number;
  readonly posts: number;
  readonly committees: number;
}

/** A version-4 shaped UUID from a name, as SQL, so that the routes' UUID checks accept it. */
export const scaleUuidSql = (prefix: string, n: string): string =>
  `overlay(overlay(md5('${prefix}' || ${n}) placing '4' from 13) placing '8' from 17)::uuid::text`;

/**
 * Actions generated straight into the read-model tables (what the records projection would hold), far faster
 * than appending and projecting their events: committees, people each holding one post (one post in ten vacant)
 * and actions spread over them, due across 2015–2018, half of them open. Person g holds post g.
 */
export async function generateReadModels(db: SqlQueryable, scale: ReadModelScale): Promise<void> {
  const uuid = scaleUuidSql;
  const { actions, posts, committees } = scale;
  await db.query(`SELECT setseed(0.42)`);
  await db.query(
    `INSERT INTO rm_committees SELECT ${uuid('committee', 'g')}, 'Committee ' || g, 'scrutiny', 0, now() FROM generate_series(1, ${committees}) g`,
  );
  await db.query(`INSERT INTO rm_people SELECT ${uuid('person', 'g')}, 'Person ' || g, NULL FROM generate_series(1, ${posts}) g`);
  await db.query(
    `INSERT INTO rm_posts SELECT ${uuid('post', 'g')}, 'Post ' || g, NULL, CASE WHEN g % 10 = 0 THEN NULL ELSE ${uuid('person', 'g')} END,
            CASE WHEN g % 10 = 0 THEN NULL ELSE 'Person ' || g END, CASE WHEN g % 10 = 0 THEN NULL ELSE date '2016-01-01' END
       FROM generate_series(1, ${posts}) g`,
  );
  // In chunks, each well inside a statement timeout.
  for (let from = 1; from <= actions; from += ACTIONS_PER_STATEMENT) {
    const to = Math.min(actions, from + ACTIONS_PER_STATEMENT - 1);
    await db.query(
      `INSERT INTO rm_actions (action_id, ref, committee_id, meeting_id, meeting_starts_at, item_number, resolution_id, part_label, title,
                             owner_post_id, due_date, due_on, status, rag, latest_note, latest_update_at, updates, chases, chase_count,
                             last_chased_at, assigned_at, version, last_position)
     SELECT ${uuid('action', 'g')}, 'A' || (g / ${committees} + 1), ${uuid('committee', `(g % ${committees} + 1)`)}, ${uuid('meeting', `(g % 1000)`)},
            timestamptz '2015-01-01T18:00:00Z' + (g % 1000) * interval '1 day', '03', ${uuid('resolution', 'g')}, '(i)', 'Action ' || g,
            ${uuid('post', `(floor(random() * ${posts})::int + 1)`)}, d.due, d.due,
            (ARRAY['open', 'open', 'open', 'open', 'open', 'completed', 'closed', 'closed', 'closed', 'withdrawn'])[floor(random() * 10)::int + 1],
            (ARRAY['red', 'amber', 'green', NULL])[floor(random() * 4)::int + 1], 'Progress on ' || g, now(), '[]'::jsonb, '[]'::jsonb,
            floor(random() * 3)::int, NULL, now(), 1, g
       FROM generate_series(${from}, ${to}) g, LATERAL (SELECT date '2015-06-01' + floor(random() * 1000)::int + (g * 0) AS due) d`,
    );
  }
  await db.query('ANALYZE');
}
