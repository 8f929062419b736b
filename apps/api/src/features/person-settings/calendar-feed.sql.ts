import type { SqlDatabase } from '#event-store';
import { readModelTables as t } from '../../read-models/read-model-tables.js';
import { isoDate, isoInstant } from '../../read-models/view-sql.js';

export interface FeedOwner {
  readonly personId: string;
  readonly name: string | null;
}

export interface FeedEntry {
  readonly actionId: string;
  readonly ref: string;
  readonly title: string;
  readonly dueOn: string;
  readonly version: number;
  readonly changedAt: string | null;
  readonly committeeName: string;
  readonly postTitle: string;
}

type OwnerRow = { person_id: string; name: string | null };
type EntryRow = {
  action_id: string;
  ref: string;
  title: string;
  due_on: string;
  version: number;
  changed_at: string | null;
  committee_name: string;
  post_title: string;
};

/** Whose feed a token hash opens; undefined for a hash never issued, or revoked, or replaced. */
export async function feedOwnerOf(db: SqlDatabase, tokenHash: string): Promise<FeedOwner | undefined> {
  const { rows } = await db.query<OwnerRow>(
    `SELECT s.person_id, p.name
       FROM ${t.personSettings} s LEFT JOIN ${t.people} p ON p.person_id = s.person_id
      WHERE s.calendar_token_hash = $1`,
    [tokenHash],
  );
  const row = rows[0];
  return row && { personId: row.person_id, name: row.name };
}

/**
 * The open actions with a due date of the posts the person holds now: a post they leave takes its actions out of
 * their feed, and actions completed, signed off or withdrawn drop out (a reopened one comes back).
 */
export async function feedEntriesOf(db: SqlDatabase, personId: string): Promise<readonly FeedEntry[]> {
  const { rows } = await db.query<EntryRow>(
    `SELECT a.action_id, a.ref, a.title, ${isoDate('a.due_on')} AS due_on, a.version, ${isoInstant('a.changed_at')} AS changed_at,
            c.name AS committee_name, p.title AS post_title
       FROM ${t.posts} p
       JOIN ${t.actions} a ON a.owner_post_id = p.post_id
       JOIN ${t.committees} c ON c.committee_id = a.committee_id
      WHERE p.holder_person_id = $1 AND a.status = 'open' AND a.due_on IS NOT NULL
      ORDER BY a.due_on, a.action_id`,
    [personId],
  );
  return rows.map((r) => ({
    actionId: r.action_id,
    ref: r.ref,
    title: r.title,
    dueOn: r.due_on,
    version: Number(r.version),
    changedAt: r.changed_at,
    committeeName: r.committee_name,
    postTitle: r.post_title,
  }));
}
