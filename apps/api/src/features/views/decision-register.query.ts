import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { SqlDatabase } from '#event-store';
import { RequestValidationError, SQL_DATABASE } from '../../platform/index.js';
import { afterListKeySql, listPageOf } from '../../read-models/list-page.js';
import { readModelTables } from '../../read-models/read-model-tables.js';
import { isoDate, preparedView } from '../../read-models/view-sql.js';
import { decodeDateKey } from './date-list-key.js';
import type { CallInStatus } from './scrutiny-view-queries.dto.js';

export interface RegisteredDecision {
  readonly decisionId: string;
  readonly decisionMaker: { readonly kind: string; readonly name: string; readonly postId: string | null };
  readonly title: string;
  readonly decidedOn: string;
  readonly keyDecision: boolean;
  readonly reportRef: string | null;
  readonly recommendationIds: readonly string[];
  readonly publishedOn: string | null;
  readonly callInEndsOn: string | null;
  readonly callInStatus: CallInStatus;
  readonly callInRequestedOn: string | null;
  readonly callInConcludedOn: string | null;
  /** After a call-in referred it back or to full council: confirmed, amended or withdrawn. */
  readonly reconsideration: string | null;
  /** When it may be implemented; null before publication, while a call-in holds it back, and once withdrawn. */
  readonly effectiveOn: string | null;
}

export interface DecisionRegister {
  /** Newest decided first. */
  readonly decisions: readonly RegisteredDecision[];
  readonly nextAfter: string | null;
}

export interface DecisionRegisterFilter {
  readonly from?: string | undefined;
  readonly to?: string | undefined;
  readonly callInStatus?: CallInStatus | undefined;
  readonly after?: string | undefined;
  /** None: every row (the CSV export). */
  readonly limit: number | undefined;
}

export class GetDecisionRegisterQuery extends Query<DecisionRegister> {
  constructor(readonly filter: DecisionRegisterFilter) {
    super();
  }
}

type DecisionRow = {
  decision_id: string;
  decision_maker_kind: string;
  decision_maker_name: string;
  decision_maker_post_id: string | null;
  title: string;
  decided_on: string;
  key_decision: boolean;
  report_ref: string | null;
  recommendation_ids: string[];
  published_on: string | null;
  call_in_ends_on: string | null;
  call_in_status: CallInStatus;
  call_in_requested_on: string | null;
  call_in_concluded_on: string | null;
  reconsideration: string | null;
  effective_on: string | null;
};

const toRegistered = (r: DecisionRow): RegisteredDecision => ({
  decisionId: r.decision_id,
  decisionMaker: { kind: r.decision_maker_kind, name: r.decision_maker_name, postId: r.decision_maker_post_id },
  title: r.title,
  decidedOn: r.decided_on,
  keyDecision: r.key_decision,
  reportRef: r.report_ref,
  recommendationIds: r.recommendation_ids,
  publishedOn: r.published_on,
  callInEndsOn: r.call_in_ends_on,
  callInStatus: r.call_in_status,
  callInRequestedOn: r.call_in_requested_on,
  callInConcludedOn: r.call_in_concluded_on,
  reconsideration: r.reconsideration,
  effectiveOn: r.effective_on,
});

/** The executive decision register: every decision with its publication, call-in and effective date, newest first. */
@QueryHandler(GetDecisionRegisterQuery)
export class GetDecisionRegisterHandler implements IQueryHandler<GetDecisionRegisterQuery> {
  constructor(@Inject(SQL_DATABASE) private readonly db: SqlDatabase) {}

  async execute({ filter }: GetDecisionRegisterQuery): Promise<DecisionRegister> {
    const { from, to, callInStatus } = filter;
    if (from !== undefined && to !== undefined && from > to) {
      throw new RequestValidationError([{ field: 'to', message: `to (${to}) must not be before from (${from})` }]);
    }
    const params: unknown[] = [];
    const conditions = [
      from === undefined ? 'TRUE' : `d.decided_on >= $${params.push(from)}::date`,
      to === undefined ? 'TRUE' : `d.decided_on <= $${params.push(to)}::date`,
      callInStatus === undefined ? 'TRUE' : `d.call_in_status = $${params.push(callInStatus)}`,
      afterListKeySql(
        filter.after === undefined ? undefined : decodeDateKey(filter.after),
        { sorted: 'd.decided_on', id: 'd.decision_id', cast: '::date', descending: true },
        params,
      ),
    ];
    const limit = filter.limit === undefined ? '' : `LIMIT $${params.push(filter.limit + 1)}`;
    const sql = `
      SELECT d.decision_id, d.decision_maker_kind, d.decision_maker_name, d.decision_maker_post_id, d.title,
             ${isoDate('d.decided_on')} AS decided_on, d.key_decision, d.report_ref, d.recommendation_ids,
             ${isoDate('d.published_on')} AS published_on, ${isoDate('d.call_in_ends_on')} AS call_in_ends_on, d.call_in_status,
             ${isoDate('d.call_in_requested_on')} AS call_in_requested_on, ${isoDate('d.call_in_concluded_on')} AS call_in_concluded_on,
             d.reconsideration, ${isoDate('d.effective_on')} AS effective_on
        FROM ${readModelTables.decisions} d
       WHERE ${conditions.join(' AND ')}
       ORDER BY d.decided_on DESC, d.decision_id DESC
       ${limit}`;
    const { rows } = await this.db.query<DecisionRow>(sql, params, preparedView(sql));
    const page =
      filter.limit === undefined ? { rows, nextAfter: null } : listPageOf(rows, filter.limit, (r) => [r.decided_on, r.decision_id]);
    return { decisions: page.rows.map(toRegistered), nextAfter: page.nextAfter };
  }
}
