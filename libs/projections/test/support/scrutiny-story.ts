import type { EventLog } from './event-log.js';
import { ids } from './records-world.js';

const EXECUTIVE = { kind: 'executive', name: 'the Executive' };

/**
 * Every recommendation and executive decision event: r-1 made, sent, answered late, published, linked to `actionId`,
 * reviewed and closed; d-1 answering it, published, called in, referred back and reconsidered; d-2 published,
 * called in and upheld after its own period ended.
 */
export function scrutinyStory(log: EventLog, actionId: string): void {
  const rec = (type: string, data: Record<string, unknown>) =>
    log.to('recommendation', 'r-1', { type, data: { recommendationId: 'r-1', ...data } });
  rec('RecommendationMade', {
    committeeId: ids.committee,
    source: { kind: 'resolution', resolutionId: ids.resolution },
    reference: 'R1',
    text: 'That the scheme be extended',
    decisionMaker: EXECUTIVE,
    madeOn: '2015-01-21',
    madeBy: 'staff',
  });
  rec('RecommendationSent', { receivedOn: '2015-01-28', responseDueOn: '2015-03-27', sentBy: 'staff' });
  rec('ExecutiveResponded', {
    response: 'accepted',
    reasons: 'Agreed',
    respondedOn: '2015-03-30',
    late: true,
    recordedBy: 'staff',
    recordedOnBehalf: true,
  });
  rec('ResponsePublished', { publishedOn: '2015-04-01', publishedBy: 'staff' });
  rec('ImplementationActionLinked', { actionId, linkedBy: 'staff', linkedAt: '2015-04-02T09:00:00Z' });
  rec('ImplementationReviewed', { rag: 'amber', evidence: 'Under way', reviewedOn: '2015-05-20', reviewedBy: 'staff' });
  rec('RecommendationClosed', { agreedOn: '2015-07-01', closedBy: 'staff' });

  const decision = (id: string, type: string, data: Record<string, unknown>) =>
    log.to('decision', id, { type, data: { decisionId: id, ...data } });
  const recorded = { decisionMaker: EXECUTIVE, decision: 'Extend it', keyDecision: true, reasons: 'Recruitment', recordedBy: 'staff' };
  decision('d-1', 'DecisionRecorded', {
    ...recorded,
    title: 'Extend the scheme',
    decidedOn: '2015-03-30',
    recommendationIds: ['r-1'],
    recordedOnBehalf: true,
  });
  const published = { callInClearWorkingDays: 5, bankHolidays: 'england-and-wales', publishedBy: 'staff' };
  decision('d-1', 'DecisionPublished', { ...published, publishedOn: '2015-03-31', callInEndsOn: '2015-04-08', effectiveOn: '2015-04-09' });
  decision('d-1', 'CallInRequested', { requestedBy: 'cllr', members: ['Cllr A'], reasons: 'Costs', requestedOn: '2015-04-02' });
  decision('d-1', 'CallInConcluded', { outcome: 'referred-back', concludedOn: '2015-04-15', concludedBy: 'staff' });
  decision('d-1', 'DecisionReconsidered', { outcome: 'confirmed', reasons: 'Costs shown', decidedOn: '2015-04-20', recordedBy: 'staff' });
  decision('d-2', 'DecisionRecorded', {
    ...recorded,
    title: 'Close the centre',
    decidedOn: '2015-05-01',
    recommendationIds: [],
    recordedOnBehalf: false,
  });
  decision('d-2', 'DecisionPublished', { ...published, publishedOn: '2015-05-05', callInEndsOn: '2015-05-12', effectiveOn: '2015-05-13' });
  decision('d-2', 'CallInRequested', { requestedBy: 'cllr', members: ['Cllr B'], reasons: 'Consultation', requestedOn: '2015-05-06' });
  decision('d-2', 'CallInConcluded', { outcome: 'upheld', concludedOn: '2015-05-10', concludedBy: 'staff' });
}
