import type { DecisionRegister, RegisteredDecision } from './decision-register.query.js';
import type { RecommendationsTracker, TrackedRecommendation } from './recommendations-tracker.query.js';
import { csvOf, fileSlug, type CsvColumn } from './view-csv.js';

const TRACKER_COLUMNS: readonly CsvColumn<TrackedRecommendation>[] = [
  { header: 'Reference', value: (r) => r.reference },
  { header: 'Recommendation', value: (r) => r.text },
  { header: 'Decision maker', value: (r) => r.decisionMaker.name },
  { header: 'Made', value: (r) => r.madeOn },
  { header: 'Received', value: (r) => r.receivedOn },
  { header: 'Response due', value: (r) => r.responseDueOn },
  { header: 'Status', value: (r) => r.status },
  { header: 'Days overdue', value: (r) => (r.responseOverdue ? r.daysOverdue : null) },
  { header: 'Response', value: (r) => r.response?.response ?? null },
  { header: 'Responded', value: (r) => r.response?.respondedOn ?? null },
  { header: 'Response late', value: (r) => (r.response ? r.response.late : null) },
  { header: 'Decision', value: (r) => r.decision?.title ?? null },
  { header: 'Decided', value: (r) => r.decision?.decidedOn ?? null },
  { header: 'Call-in status', value: (r) => r.decision?.callInStatus ?? null },
  { header: 'Effective', value: (r) => r.decision?.effectiveOn ?? null },
  {
    header: 'Implementation actions',
    value: (r) => r.implementationActions.map((a) => `${a.ref} ${a.status}${a.rag ? ` (${a.rag})` : ''}`).join('; '),
  },
  { header: 'Last review RAG', value: (r) => r.lastReview?.rag ?? null },
  { header: 'Closure agreed', value: (r) => r.closedOn },
];

export const trackerCsv = (tracker: RecommendationsTracker): string => csvOf(tracker.rows, TRACKER_COLUMNS);

export const trackerFileName = (tracker: RecommendationsTracker): string =>
  `recommendations-${fileSlug(tracker.committee.name, tracker.committee.committeeId)}.csv`;

const REGISTER_COLUMNS: readonly CsvColumn<RegisteredDecision>[] = [
  { header: 'Decision maker', value: (d) => d.decisionMaker.name },
  { header: 'Title', value: (d) => d.title },
  { header: 'Decided', value: (d) => d.decidedOn },
  { header: 'Key decision', value: (d) => d.keyDecision },
  { header: 'Report', value: (d) => d.reportRef },
  { header: 'Published', value: (d) => d.publishedOn },
  { header: 'Call-in deadline', value: (d) => d.callInEndsOn },
  { header: 'Call-in status', value: (d) => d.callInStatus },
  { header: 'Reconsideration', value: (d) => d.reconsideration },
  { header: 'Effective', value: (d) => d.effectiveOn },
];

export const registerCsv = (register: DecisionRegister): string => csvOf(register.decisions, REGISTER_COLUMNS);
