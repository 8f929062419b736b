import type { DecisionEvent, RecommendationEvent } from '#domain';
import type { Row, RowAccess } from '../engine/projection.js';
import { recordsTables as t } from './records.tables.js';

type Stamp = { readonly version: number; readonly position: number };

function recommendationChanges(event: Exclude<RecommendationEvent, { type: 'RecommendationMade' }>, row: Row): Row {
  switch (event.type) {
    case 'RecommendationSent':
      return { received_on: event.data.receivedOn, response_due_on: event.data.responseDueOn };
    case 'ExecutiveResponded': {
      const { response, respondedOn, late, recordedOnBehalf } = event.data;
      return { response, responded_on: respondedOn, response_late: late, response_on_behalf: recordedOnBehalf };
    }
    case 'ResponsePublished':
      return { response_published_on: event.data.publishedOn };
    case 'ImplementationActionLinked':
      return { action_ids: [...(row.action_ids as string[]), event.data.actionId] };
    case 'ImplementationReviewed':
      return { last_review_rag: event.data.rag, last_reviewed_on: event.data.reviewedOn };
    case 'RecommendationClosed':
      return { closed_on: event.data.agreedOn };
    default: {
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
}

export function applyRecommendations(event: RecommendationEvent, stamp: Stamp, rows: RowAccess): void {
  const stamped = { version: stamp.version, last_position: stamp.position };
  if (event.type === 'RecommendationMade') {
    const d = event.data;
    return rows.set(t.recommendations.name, d.recommendationId, {
      recommendation_id: d.recommendationId,
      committee_id: d.committeeId,
      reference: d.reference,
      text: d.text,
      source: d.source,
      decision_maker_kind: d.decisionMaker.kind,
      decision_maker_name: d.decisionMaker.name,
      decision_maker_post_id: d.decisionMaker.postId ?? null,
      made_on: d.madeOn,
      made_position: stamp.position,
      received_on: null,
      response_due_on: null,
      response: null,
      responded_on: null,
      response_late: null,
      response_on_behalf: null,
      response_published_on: null,
      action_ids: [],
      last_review_rag: null,
      last_reviewed_on: null,
      closed_on: null,
      decision_id: null,
      ...stamped,
    });
  }
  const row = rows.get(t.recommendations.name, event.data.recommendationId);
  if (row) rows.set(t.recommendations.name, event.data.recommendationId, { ...row, ...recommendationChanges(event, row), ...stamped });
}

const later = (a: string, b: string | null): string => (b !== null && b > a ? b : a);

function decisionChanges(event: Exclude<DecisionEvent, { type: 'DecisionRecorded' }>, row: Row): Row {
  switch (event.type) {
    case 'DecisionPublished': {
      const { publishedOn, callInEndsOn, effectiveOn } = event.data;
      return { published_on: publishedOn, call_in_ends_on: callInEndsOn, period_effective_on: effectiveOn, effective_on: effectiveOn };
    }
    case 'CallInRequested':
      return { call_in_status: 'called-in', call_in_requested_on: event.data.requestedOn, effective_on: null };
    case 'CallInConcluded': {
      const { outcome, concludedOn } = event.data;
      // Upheld, the decision stands from the conclusion (or the end of its own period, if later); otherwise it waits.
      const effective = outcome === 'upheld' ? later(concludedOn, row.period_effective_on as string | null) : null;
      return { call_in_status: outcome, call_in_concluded_on: concludedOn, effective_on: effective };
    }
    case 'DecisionReconsidered': {
      const { outcome, decidedOn } = event.data;
      return { call_in_status: 'reconsidered', reconsideration: outcome, effective_on: outcome === 'withdrawn' ? null : decidedOn };
    }
    default: {
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
}

export function applyDecisions(event: DecisionEvent, stamp: Stamp, rows: RowAccess): void {
  const stamped = { version: stamp.version, last_position: stamp.position };
  if (event.type === 'DecisionRecorded') {
    const d = event.data;
    rows.set(t.decisions.name, d.decisionId, {
      decision_id: d.decisionId,
      decision_maker_kind: d.decisionMaker.kind,
      decision_maker_name: d.decisionMaker.name,
      decision_maker_post_id: d.decisionMaker.postId ?? null,
      title: d.title,
      decided_on: d.decidedOn,
      key_decision: d.keyDecision,
      report_ref: d.reportRef ?? null,
      recommendation_ids: d.recommendationIds,
      published_on: null,
      call_in_ends_on: null,
      period_effective_on: null,
      call_in_status: 'none',
      call_in_requested_on: null,
      call_in_concluded_on: null,
      reconsideration: null,
      effective_on: null,
      ...stamped,
    });
    for (const recommendationId of d.recommendationIds) {
      const recommendation = rows.get(t.recommendations.name, recommendationId);
      if (recommendation) rows.set(t.recommendations.name, recommendationId, { ...recommendation, decision_id: d.decisionId });
    }
    return;
  }
  const row = rows.get(t.decisions.name, event.data.decisionId);
  if (row) rows.set(t.decisions.name, event.data.decisionId, { ...row, ...decisionChanges(event, row), ...stamped });
}
