import type { SqlQueryable } from '#event-store';
import { readModelTables } from '../../read-models/read-model-tables.js';
import { isoDate, preparedView } from '../../read-models/view-sql.js';

/** Responses due within this many days appear on the chase list before they are overdue. */
export const RESPONSE_DUE_SOON_DAYS = 14;
/** The chase list answers responses whole, on its first page; a council never has more awaited at once. */
const RESPONSES_LISTED = 1000;

export interface ResponseDue {
  readonly recommendationId: string;
  readonly reference: string;
  readonly text: string;
  readonly committee: { readonly committeeId: string; readonly name: string | null };
  readonly decisionMaker: { readonly kind: string; readonly name: string; readonly postId: string | null };
  readonly receivedOn: string;
  readonly responseDueOn: string;
  readonly overdue: boolean;
  /** 0 while not yet overdue. */
  readonly daysOverdue: number;
}

type ResponseDueRow = {
  recommendation_id: string;
  reference: string;
  text: string;
  committee_id: string;
  committee_name: string | null;
  decision_maker_kind: string;
  decision_maker_name: string;
  decision_maker_post_id: string | null;
  received_on: string;
  response_due_on: string;
  days_overdue: number;
};

/**
 * Recommendations sent and neither answered nor closed whose response is due within 14 days of `asOf` or
 * overdue, soonest due (most overdue) first: what scrutiny chases the executive for.
 */
export async function responsesDue(db: SqlQueryable, asOf: string, committeeId: string | undefined): Promise<ResponseDue[]> {
  const params: unknown[] = [asOf, RESPONSE_DUE_SOON_DAYS, RESPONSES_LISTED];
  const scope = committeeId === undefined ? 'TRUE' : `r.committee_id = $${params.push(committeeId)}`;
  const sql = `
    SELECT r.recommendation_id, r.reference, r.text, r.committee_id, c.name AS committee_name,
           r.decision_maker_kind, r.decision_maker_name, r.decision_maker_post_id,
           ${isoDate('r.received_on')} AS received_on, ${isoDate('r.response_due_on')} AS response_due_on,
           greatest($1::date - r.response_due_on, 0) AS days_overdue
      FROM ${readModelTables.recommendations} r
      LEFT JOIN ${readModelTables.committees} c ON c.committee_id = r.committee_id
     WHERE r.responded_on IS NULL AND r.closed_on IS NULL AND r.response_due_on <= $1::date + $2::int AND ${scope}
     ORDER BY r.response_due_on, r.made_on, r.made_position
     LIMIT $3`;
  const { rows } = await db.query<ResponseDueRow>(sql, params, preparedView(sql));
  return rows.map((r) => ({
    recommendationId: r.recommendation_id,
    reference: r.reference,
    text: r.text,
    committee: { committeeId: r.committee_id, name: r.committee_name },
    decisionMaker: { kind: r.decision_maker_kind, name: r.decision_maker_name, postId: r.decision_maker_post_id },
    receivedOn: r.received_on,
    responseDueOn: r.response_due_on,
    overdue: r.days_overdue > 0,
    daysOverdue: r.days_overdue,
  }));
}
