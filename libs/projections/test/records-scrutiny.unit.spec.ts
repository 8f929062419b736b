import { projectInMemory } from '../src/engine/project-in-memory.js';
import { recordsProjection } from '../src/records/records.projection.js';
import { recordsTables as t } from '../src/records/records.tables.js';
import { assign, ids, recordsWorld } from './support/records-world.js';
import { scrutinyStory } from './support/scrutiny-story.js';

describe('records projection: recommendations and executive decisions', () => {
  const log = recordsWorld();
  assign(log, 'a-1');
  scrutinyStory(log, 'a-1');
  const rows = projectInMemory(recordsProjection, log.events);

  it('given a recommendation made, sent, answered late, published, linked, reviewed and closed, then its row says each', () => {
    expect(rows.get(t.recommendations.name, 'r-1')).toMatchObject({
      committee_id: ids.committee,
      reference: 'R1',
      decision_maker_kind: 'executive',
      decision_maker_name: 'the Executive',
      decision_maker_post_id: null,
      made_on: '2015-01-21',
      received_on: '2015-01-28',
      response_due_on: '2015-03-27',
      response: 'accepted',
      responded_on: '2015-03-30',
      response_late: true,
      response_on_behalf: true,
      response_published_on: '2015-04-01',
      action_ids: ['a-1'],
      last_review_rag: 'amber',
      last_reviewed_on: '2015-05-20',
      closed_on: '2015-07-01',
      version: 7,
    });
  });

  it('given a decision answering it, then the recommendation names that decision', () => {
    expect(rows.get(t.recommendations.name, 'r-1')?.decision_id).toBe('d-1');
  });

  it('given a call-in referred back and the decision confirmed, then it is reconsidered and effective from that day', () => {
    expect(rows.get(t.decisions.name, 'd-1')).toMatchObject({
      title: 'Extend the scheme',
      decided_on: '2015-03-30',
      key_decision: true,
      recommendation_ids: ['r-1'],
      published_on: '2015-03-31',
      call_in_ends_on: '2015-04-08',
      period_effective_on: '2015-04-09',
      call_in_status: 'reconsidered',
      call_in_requested_on: '2015-04-02',
      call_in_concluded_on: '2015-04-15',
      reconsideration: 'confirmed',
      effective_on: '2015-04-20',
    });
  });

  it('given a call-in upheld before its period ended, then the decision is effective when the period ends', () => {
    expect(rows.get(t.decisions.name, 'd-2')).toMatchObject({
      call_in_status: 'upheld',
      call_in_concluded_on: '2015-05-10',
      effective_on: '2015-05-13',
    });
  });

  it('given a decision called in and not yet concluded, then it has no effective date', () => {
    const calledIn = recordsWorld();
    scrutinyStory(calledIn, 'a-1');
    const upToCallIn = calledIn.events.filter((e) => !(e.streamId === 'decision-d-2' && e.type === 'CallInConcluded'));
    expect(projectInMemory(recordsProjection, upToCallIn).get(t.decisions.name, 'd-2')).toMatchObject({
      call_in_status: 'called-in',
      effective_on: null,
    });
  });

  it('given a reconsideration that withdraws the decision, then it never becomes effective', () => {
    const withdrawn = recordsWorld();
    scrutinyStory(withdrawn, 'a-1');
    withdrawn.to('decision', 'd-1', {
      type: 'DecisionReconsidered',
      data: { decisionId: 'd-1', outcome: 'withdrawn', reasons: 'Dropped', decidedOn: '2015-04-25', recordedBy: 'staff' },
    });
    expect(projectInMemory(recordsProjection, withdrawn.events).get(t.decisions.name, 'd-1')).toMatchObject({
      reconsideration: 'withdrawn',
      effective_on: null,
    });
  });
});
