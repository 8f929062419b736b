import { Inject, Injectable } from '@nestjs/common';
import type { SqlDatabase } from '#event-store';
import { SQL_DATABASE } from '#runtime';
import { readModelTables as t } from '../../read-models/read-model-tables.js';

/** What a notice about an action names, from the read model. */
export type NoticeActionFacts = {
  readonly actionId: string;
  readonly ref: string;
  readonly title: string;
  readonly description?: string;
  readonly committeeId: string;
  readonly committeeName: string;
  readonly ownerPostId: string;
  /** The due date, or the date of the meeting it is due at; absent when neither is known. */
  readonly dueOn?: string;
};

/** An officer with an email address who holds, on a date, a post owning open actions; and those actions. */
export type DigestRecipient = {
  readonly personId: string;
  readonly name: string;
  readonly email: string;
  readonly actions: readonly NoticeActionFacts[];
};

/** A recommendation sent to a decision maker that is a post, awaiting its executive response (s.9FE). */
export type ResponseDueFacts = {
  readonly recommendationId: string;
  readonly reference: string;
  readonly text: string;
  readonly committeeName: string;
  readonly decisionMakerName: string;
  readonly responseDueOn: string;
};

/** A post holder with an email address, and the executive responses their post owes, soonest due first. */
export type ResponseDueHolder = {
  readonly personId: string;
  readonly name: string;
  readonly email: string;
  readonly responses: readonly ResponseDueFacts[];
};

/** The person who holds a post on a date, and where to write to them. */
export type PostHolder = {
  readonly postId: string;
  readonly postTitle: string;
  readonly personId: string;
  readonly name: string;
  readonly email: string | null;
};

type ActionRow = {
  action_id: string;
  ref: string;
  title: string;
  description: string | null;
  committee_id: string;
  committee_name: string | null;
  owner_post_id: string;
  due_on: string | null;
};

const ACTION_COLUMNS = `a.action_id, a.ref, a.title, a.description, a.committee_id, c.name AS committee_name, a.owner_post_id,
  to_char(a.due_on, 'YYYY-MM-DD') AS due_on`;

/** Actions with their committee (its name), as ACTION_COLUMNS reads them. */
const ACTIONS_WITH_COMMITTEE = `${t.actions} a LEFT JOIN ${t.committees} c ON c.committee_id = a.committee_id`;

type PersonRow = { person_id: string; person_name: string; email: string };

/** Rows ordered by person, gathered into one entry per person holding what each of their rows carries, in row order. */
function byPerson<R extends PersonRow, T>(
  rows: readonly R[],
  itemOf: (row: R) => T,
): { personId: string; name: string; email: string; items: T[] }[] {
  const people = new Map<string, { personId: string; name: string; email: string; items: T[] }>();
  for (const row of rows) {
    const person = people.get(row.person_id) ?? { personId: row.person_id, name: row.person_name, email: row.email, items: [] };
    person.items.push(itemOf(row));
    people.set(row.person_id, person);
  }
  return [...people.values()];
}

const factsOf = (row: ActionRow): NoticeActionFacts => ({
  actionId: row.action_id,
  ref: row.ref,
  title: row.title,
  ...(row.description ? { description: row.description } : {}),
  committeeId: row.committee_id,
  committeeName: row.committee_name ?? 'the committee',
  ownerPostId: row.owner_post_id,
  ...(row.due_on ? { dueOn: row.due_on } : {}),
});

/** The read-model queries the notices need: which actions may have a notice due, and who holds a post. */
@Injectable()
export class NoticeReadModel {
  constructor(@Inject(SQL_DATABASE) private readonly db: SqlDatabase) {}

  /** Open actions due on or before `until` (today plus the longest reminder period). */
  async openActionsDueBy(until: string): Promise<NoticeActionFacts[]> {
    const { rows } = await this.db.query<ActionRow>(
      `SELECT ${ACTION_COLUMNS} FROM ${ACTIONS_WITH_COMMITTEE}
        WHERE a.status = 'open' AND a.due_on IS NOT NULL AND a.due_on <= $1::date
        ORDER BY a.due_on, a.action_id`,
      [until],
    );
    return rows.map(factsOf);
  }

  /** Everyone who holds, on the date, a post owning open actions, with their email; their actions soonest due first. */
  async digestRecipients(today: string): Promise<DigestRecipient[]> {
    const { rows } = await this.db.query<ActionRow & PersonRow>(
      `SELECT pe.person_id, pe.name AS person_name, pe.email, ${ACTION_COLUMNS}
         FROM ${t.posts} p
         JOIN ${t.people} pe ON pe.person_id = p.holder_person_id
         JOIN ${t.actions} a ON a.owner_post_id = p.post_id AND a.status = 'open'
         LEFT JOIN ${t.committees} c ON c.committee_id = a.committee_id
        WHERE pe.email IS NOT NULL AND (p.holder_from IS NULL OR p.holder_from <= $1::date)
        ORDER BY pe.person_id, a.due_on NULLS LAST, a.ref`,
      [today],
    );
    return byPerson(rows, factsOf).map(({ items, ...person }) => ({ ...person, actions: items }));
  }

  /** Holders, on the date, of decision makers' posts owing an executive response due by `dueBy` (or overdue). */
  async responsesDueBy(today: string, dueBy: string): Promise<ResponseDueHolder[]> {
    const { rows } = await this.db.query<
      PersonRow & {
        recommendation_id: string;
        reference: string;
        text: string;
        committee_name: string | null;
        decision_maker_name: string;
        response_due_on: string;
      }
    >(
      `SELECT pe.person_id, pe.name AS person_name, pe.email, r.recommendation_id, r.reference, r.text, c.name AS committee_name,
              r.decision_maker_name, to_char(r.response_due_on, 'YYYY-MM-DD') AS response_due_on
         FROM ${t.recommendations} r
         JOIN ${t.posts} p ON p.post_id = r.decision_maker_post_id
         JOIN ${t.people} pe ON pe.person_id = p.holder_person_id
         LEFT JOIN ${t.committees} c ON c.committee_id = r.committee_id
        WHERE r.responded_on IS NULL AND r.closed_on IS NULL AND r.response_due_on IS NOT NULL AND r.response_due_on <= $2::date
          AND pe.email IS NOT NULL AND (p.holder_from IS NULL OR p.holder_from <= $1::date)
        ORDER BY pe.person_id, r.response_due_on, r.reference, r.recommendation_id`,
      [today, dueBy],
    );
    return byPerson(rows, (row) => ({
      recommendationId: row.recommendation_id,
      reference: row.reference,
      text: row.text,
      committeeName: row.committee_name ?? 'the committee',
      decisionMakerName: row.decision_maker_name,
      responseDueOn: row.response_due_on,
    })).map(({ items, ...person }) => ({ ...person, responses: items }));
  }

  async action(actionId: string): Promise<NoticeActionFacts | undefined> {
    const { rows } = await this.db.query<ActionRow>(
      `SELECT ${ACTION_COLUMNS} FROM ${ACTIONS_WITH_COMMITTEE}
        WHERE a.action_id = $1`,
      [actionId],
    );
    return rows[0] ? factsOf(rows[0]) : undefined;
  }

  /** Undefined when the post is vacant on that UK date (or its holder starts later). */
  async holderOf(postId: string, today: string): Promise<PostHolder | undefined> {
    const { rows } = await this.db.query<{ post_id: string; title: string; person_id: string; name: string; email: string | null }>(
      `SELECT p.post_id, p.title, pe.person_id, pe.name, pe.email
         FROM ${t.posts} p JOIN ${t.people} pe ON pe.person_id = p.holder_person_id
        WHERE p.post_id = $1 AND (p.holder_from IS NULL OR p.holder_from <= $2::date)`,
      [postId, today],
    );
    const row = rows[0];
    return row ? { postId: row.post_id, postTitle: row.title, personId: row.person_id, name: row.name, email: row.email } : undefined;
  }

  async postTitle(postId: string): Promise<string | undefined> {
    const { rows } = await this.db.query<{ title: string }>(`SELECT title FROM ${t.posts} WHERE post_id = $1`, [postId]);
    return rows[0]?.title;
  }
}
