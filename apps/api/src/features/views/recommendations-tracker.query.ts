import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { municipalYearDates, notFound } from '#domain';
import type { SqlDatabase } from '#event-store';
import { RequestValidationError, SQL_DATABASE } from '../../platform/index.js';
import { afterListKeySql, listPageOf } from '../../read-models/list-page.js';
import { decodeDateKey } from './date-list-key.js';
import { readModelTables } from '../../read-models/read-model-tables.js';
import { viewDate } from '../../read-models/view-date.js';
import { isoDate, preparedView } from '../../read-models/view-sql.js';
import { Clock } from '../shared/clock.js';
import { isCalendarDate } from '../shared/validators.js';
import type { TrackerStatus } from './scrutiny-view-queries.dto.js';

export interface ImplementationAction {
  readonly actionId: string;
  readonly ref: string;
  readonly title: string;
  readonly status: string;
  readonly rag: string | null;
  readonly dueOn: string | null;
}

export interface TrackedRecommendation {
  readonly recommendationId: string;
  readonly reference: string;
  readonly text: string;
  readonly decisionMaker: { readonly kind: string; readonly name: string; readonly postId: string | null };
  readonly madeOn: string;
  readonly receivedOn: string | null;
  readonly responseDueOn: string | null;
  readonly status: TrackerStatus;
  readonly responseOverdue: boolean;
  readonly daysOverdue: number;
  readonly response: {
    readonly response: string;
    readonly respondedOn: string;
    readonly late: boolean;
    readonly recordedOnBehalf: boolean;
    readonly publishedOn: string | null;
  } | null;
  readonly decision: {
    readonly decisionId: string;
    readonly title: string;
    readonly decidedOn: string;
    readonly callInStatus: string;
    readonly callInEndsOn: string | null;
    readonly effectiveOn: string | null;
  } | null;
  readonly implementationActions: readonly ImplementationAction[];
  readonly lastReview: { readonly rag: string; readonly reviewedOn: string } | null;
  readonly closureAgreed: boolean;
  readonly closedOn: string | null;
}

export interface RecommendationsTracker {
  readonly committee: { readonly committeeId: string; readonly name: string };
  /** The UK date "response overdue" is judged on. */
  readonly asOf: string;
  readonly rows: readonly TrackedRecommendation[];
  readonly nextAfter: string | null;
}

export interface TrackerFilter {
  readonly asOf?: string | undefined;
  readonly status?: TrackerStatus | undefined;
  readonly municipalYear?: string | undefined;
  readonly after?: string | undefined;
  /** None: every row (the CSV export). */
  readonly limit: number | undefined;
}

export class GetRecommendationsTrackerQuery extends Query<RecommendationsTracker> {
  constructor(
    readonly committeeId: string,
    readonly filter: TrackerFilter,
  ) {
    super();
  }
}

type TrackerRow = {
  committee_name: string;
  recommendation_id: string | null;
  made_position: string;
  reference: string;
  text: string;
  decision_maker_kind: string;
  decision_maker_name: string;
  decision_maker_post_id: string | null;
  made_on: string;
  received_on: string | null;
  response_due_on: string | null;
  status: TrackerStatus;
  days_overdue: number;
  response: string | null;
  responded_on: string | null;
  response_late: boolean | null;
  response_on_behalf: boolean | null;
  response_published_on: string | null;
  decision_id: string | null;
  decision_title: string | null;
  decided_on: string | null;
  call_in_status: string | null;
  call_in_ends_on: string | null;
  effective_on: string | null;
  actions: ImplementationAction[];
  last_review_rag: string | null;
  last_reviewed_on: string | null;
  closed_on: string | null;
};

/** Where a recommendation stands on the date in `asOf`: closed, responded, not sent, overdue or awaited. */
export const trackerStatusSql = (asOf: string, r = 'r'): string => `CASE
  WHEN ${r}.closed_on IS NOT NULL THEN 'closed'
  WHEN ${r}.responded_on IS NOT NULL THEN 'responded'
  WHEN ${r}.received_on IS NULL THEN 'not-sent'
  WHEN ${r}.response_due_on < ${asOf}::date THEN 'response-overdue'
  ELSE 'awaiting-response' END`;

const toTracked = (r: TrackerRow & { recommendation_id: string }): TrackedRecommendation => ({
  recommendationId: r.recommendation_id,
  reference: r.reference,
  text: r.text,
  decisionMaker: { kind: r.decision_maker_kind, name: r.decision_maker_name, postId: r.decision_maker_post_id },
  madeOn: r.made_on,
  receivedOn: r.received_on,
  responseDueOn: r.response_due_on,
  status: r.status,
  responseOverdue: r.status === 'response-overdue',
  daysOverdue: r.days_overdue,
  response:
    r.response === null || r.responded_on === null
      ? null
      : {
          response: r.response,
          respondedOn: r.responded_on,
          late: r.response_late ?? false,
          recordedOnBehalf: r.response_on_behalf ?? false,
          publishedOn: r.response_published_on,
        },
  decision:
    r.decision_id === null
      ? null
      : {
          decisionId: r.decision_id,
          title: r.decision_title ?? '',
          decidedOn: r.decided_on ?? '',
          callInStatus: r.call_in_status ?? 'none',
          callInEndsOn: r.call_in_ends_on,
          effectiveOn: r.effective_on,
        },
  implementationActions: r.actions,
  lastReview: r.last_review_rag === null || r.last_reviewed_on === null ? null : { rag: r.last_review_rag, reviewedOn: r.last_reviewed_on },
  closureAgreed: r.closed_on !== null,
  closedOn: r.closed_on,
});

function madeOnRange(municipalYear: string | undefined): { from: string; to: string } | undefined {
  if (municipalYear === undefined) return undefined;
  const range = municipalYearDates(municipalYear);
  // Its dates must be ones a date parameter may name: "0000/01" would start in a year PostgreSQL has no dates for.
  if (!range || !isCalendarDate(range.from) || !isCalendarDate(range.to)) {
    throw new RequestValidationError([
      { field: 'municipalYear', message: 'municipalYear must name consecutive years from 1900/01 to 2998/99, like 2014/15' },
    ]);
  }
  return range;
}

/** A committee's recommendations in the order made (by date, then as recorded), with the response, the decision and the implementation actions. */
@QueryHandler(GetRecommendationsTrackerQuery)
export class GetRecommendationsTrackerHandler implements IQueryHandler<GetRecommendationsTrackerQuery> {
  constructor(
    @Inject(SQL_DATABASE) private readonly db: SqlDatabase,
    private readonly clock: Clock,
  ) {}

  async execute({ committeeId, filter }: GetRecommendationsTrackerQuery): Promise<RecommendationsTracker> {
    const asOf = viewDate(this.clock, filter.asOf);
    const range = madeOnRange(filter.municipalYear);
    const params: unknown[] = [committeeId, asOf];
    const status = filter.status === undefined ? 'TRUE' : `${trackerStatusSql('$2')} = $${params.push(filter.status)}`;
    const year = range ? `r.made_on BETWEEN $${params.push(range.from)}::date AND $${params.push(range.to)}::date` : 'TRUE';
    const key = filter.after === undefined ? undefined : decodeDateKey(filter.after, { positional: true });
    const after = afterListKeySql(key, { sorted: 'r.made_on', id: 'r.made_position', cast: '::date' }, params);
    const limit = filter.limit === undefined ? '' : `LIMIT $${params.push(filter.limit + 1)}`;
    const sql = `
      SELECT c.name AS committee_name, q.* FROM ${readModelTables.committees} c LEFT JOIN LATERAL (
        SELECT r.recommendation_id, r.made_position::text AS made_position, r.reference, r.text, r.decision_maker_kind, r.decision_maker_name, r.decision_maker_post_id,
               ${isoDate('r.made_on')} AS made_on, ${isoDate('r.received_on')} AS received_on,
               ${isoDate('r.response_due_on')} AS response_due_on, ${trackerStatusSql('$2')} AS status,
               CASE WHEN ${trackerStatusSql('$2')} = 'response-overdue' THEN $2::date - r.response_due_on ELSE 0 END AS days_overdue,
               r.response, ${isoDate('r.responded_on')} AS responded_on, r.response_late, r.response_on_behalf,
               ${isoDate('r.response_published_on')} AS response_published_on,
               d.decision_id, d.title AS decision_title, ${isoDate('d.decided_on')} AS decided_on, d.call_in_status,
               ${isoDate('d.call_in_ends_on')} AS call_in_ends_on, ${isoDate('d.effective_on')} AS effective_on,
               (SELECT coalesce(jsonb_agg(jsonb_build_object('actionId', a.action_id, 'ref', a.ref, 'title', a.title,
                         'status', a.status, 'rag', a.rag, 'dueOn', ${isoDate('a.due_on')}) ORDER BY a.assigned_at, a.action_id), '[]'::jsonb)
                  FROM ${readModelTables.actions} a
                 WHERE a.action_id IN (SELECT jsonb_array_elements_text(r.action_ids))) AS actions,
               r.last_review_rag, ${isoDate('r.last_reviewed_on')} AS last_reviewed_on, ${isoDate('r.closed_on')} AS closed_on
          FROM ${readModelTables.recommendations} r
          LEFT JOIN ${readModelTables.decisions} d ON d.decision_id = r.decision_id
         WHERE r.committee_id = c.committee_id AND ${status} AND ${year} AND ${after}
         ORDER BY r.made_on, r.made_position
         ${limit}
      ) q ON TRUE
      WHERE c.committee_id = $1
      ORDER BY q.made_on, q.made_position::bigint`;
    const { rows } = await this.db.query<TrackerRow>(sql, params, preparedView(sql));
    const committee = rows[0];
    if (!committee) throw notFound('committee-not-found', `Committee ${committeeId} does not exist`, { committeeId });
    const tracked = rows.filter((r): r is TrackerRow & { recommendation_id: string } => r.recommendation_id !== null);
    const page =
      filter.limit === undefined
        ? { rows: tracked, nextAfter: null }
        : listPageOf(tracked, filter.limit, (r) => [r.made_on, r.made_position]);
    return { committee: { committeeId, name: committee.committee_name }, asOf, rows: page.rows.map(toTracked), nextAfter: page.nextAfter };
  }
}
