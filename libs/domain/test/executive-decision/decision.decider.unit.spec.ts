import { given } from '../support/given-when-then.js';
import { found, missing, type Lookup } from '../../src/shared/lookup.js';
import type { DecisionCommand } from '../../src/executive-decision/decision.commands.js';
import { decisionDecider } from '../../src/executive-decision/decision.decider.js';
import type { DecisionEvent } from '../../src/executive-decision/decision.events.js';
import { implementationStatusOn, type DecisionRecord } from '../../src/executive-decision/decision.state.js';

const id = 'd-1';
const by = 'clerk';
const executive = { kind: 'executive', name: 'the Executive' } as const;
const staff = { callerHoldsDecisionMakerPost: false, callerIsScrutinyStaff: true };

const recorded: DecisionEvent = {
  type: 'DecisionRecorded',
  data: {
    decisionId: id,
    decisionMaker: executive,
    title: 'Social worker recruitment and retention scheme',
    decision: 'Extend the scheme for 2015/16 and 2016/17',
    decidedOn: '2026-11-25',
    keyDecision: true,
    reasons: 'Vacancy rates remain high',
    recommendationIds: ['r-1'],
    reportRef: 'Report CS14078',
    recordedBy: by,
    recordedOnBehalf: true,
  },
};
const published: DecisionEvent = {
  type: 'DecisionPublished',
  data: {
    decisionId: id,
    publishedOn: '2026-11-30',
    callInClearWorkingDays: 5,
    bankHolidays: 'england-and-wales',
    callInEndsOn: '2026-12-07',
    effectiveOn: '2026-12-08',
    publishedBy: by,
  },
};
const calledIn: DecisionEvent = {
  type: 'CallInRequested',
  data: { decisionId: id, requestedBy: 'cllr', members: ['Cllr A', 'Cllr B'], reasons: 'Cost not shown', requestedOn: '2026-12-03' },
};
const publish = (now: string): DecisionCommand => ({
  type: 'PublishDecision',
  data: { decisionId: id, by, now, publishedOn: '2026-11-30', callInClearWorkingDays: 5, bankHolidays: 'england-and-wales' },
});
const callIn = (now: string): DecisionCommand => ({
  type: 'RequestCallIn',
  data: { decisionId: id, by: 'cllr', now, members: ['Cllr A', 'Cllr B'], reasons: 'Cost not shown' },
});
const stateOf = (events: DecisionEvent[]): DecisionRecord => given(decisionDecider)(events).state() as DecisionRecord;

describe('executive decision decider', () => {
  it('records a decision on behalf of the executive', () => {
    const { recordedBy: _by, recordedOnBehalf: _b, ...data } = recorded.data;
    given(decisionDecider)([])
      .when({
        type: 'RecordDecision',
        data: { ...data, by, now: '2026-11-26T09:00:00Z', facts: { ...staff, unknownRecommendationIds: [] } },
      })
      .then([recorded]);
  });

  it('refuses a decision answering a recommendation that does not exist', () => {
    const { recordedBy: _by, recordedOnBehalf: _b, ...data } = recorded.data;
    given(decisionDecider)([])
      .when({
        type: 'RecordDecision',
        data: { ...data, by, now: '2026-11-26T09:00:00Z', facts: { ...staff, unknownRecommendationIds: ['r-9'] } },
      })
      .thenThrows('recommendation-not-found', 'not-found');
  });

  it("refuses a portfolio holder's decision whose post does not exist, and accepts it once the post is on record", () => {
    const { recordedBy: _by, recordedOnBehalf: _b, ...data } = recorded.data;
    const holder = { kind: 'portfolio-holder', name: 'the Portfolio Holder for Care Services', postId: 'post-9' } as const;
    const command = (decisionMakerPost: Lookup): DecisionCommand => ({
      type: 'RecordDecision',
      data: {
        ...data,
        decisionMaker: holder,
        by,
        now: '2026-11-26T09:00:00Z',
        facts: { ...staff, unknownRecommendationIds: [], decisionMakerPost },
      },
    });
    given(decisionDecider)([]).when(command(missing)).thenThrows('decision-maker-post-not-found', 'not-found');
    const byHolder: DecisionEvent = { type: 'DecisionRecorded', data: { ...recorded.data, decisionMaker: holder } };
    given(decisionDecider)([])
      .when(command(found({})))
      .then([byHolder]);
  });

  it('publication fixes the call-in period: five clear working days, then effective', () => {
    given(decisionDecider)([recorded]).when(publish('2026-11-30T12:00:00Z')).then([published]);
  });

  it('refuses a call-in period outside 0 to 30 working days', () => {
    given(decisionDecider)([recorded])
      .when({
        type: 'PublishDecision',
        data: {
          decisionId: id,
          by,
          now: '2026-11-30T12:00:00Z',
          publishedOn: '2026-11-30',
          callInClearWorkingDays: 31,
          bankHolidays: 'scotland',
        },
      })
      .thenThrows('call-in-days-out-of-range', 'invalid');
  });

  it('members may call it in until the end of the period, not after', () => {
    given(decisionDecider)([recorded, published]).when(callIn('2026-12-03T10:00:00Z')).then([calledIn]);
    given(decisionDecider)([recorded, published])
      .when(callIn('2026-12-07T22:30:00Z'))
      .then([{ ...calledIn, data: { ...calledIn.data, requestedOn: '2026-12-07' } }]);
    given(decisionDecider)([recorded, published]).when(callIn('2026-12-08T00:30:00Z')).thenThrows('call-in-period-ended', 'conflict');
    given(decisionDecider)([recorded]).when(callIn('2026-12-01T10:00:00Z')).thenThrows('decision-not-published', 'conflict');
  });

  it('refuses a call-in naming no members, or a blank one', () => {
    const naming = (members: string[]): DecisionCommand => ({
      type: 'RequestCallIn',
      data: { decisionId: id, by: 'cllr', now: '2026-12-03T10:00:00Z', members, reasons: 'Cost not shown' },
    });
    given(decisionDecider)([recorded, published]).when(naming([])).thenThrows('members-required', 'invalid');
    given(decisionDecider)([recorded, published])
      .when(naming(['Cllr A', ' ']))
      .thenThrows('members.1-required', 'invalid');
  });

  it('cannot be implemented before publication, during the call-in period or while called in', () => {
    expect(implementationStatusOn(stateOf([recorded]), '2026-12-10').status).toBe('awaiting-publication');
    expect(implementationStatusOn(stateOf([recorded, published]), '2026-12-07')).toEqual({
      status: 'in-call-in-period',
      callInEndsOn: '2026-12-07',
      effectiveOn: '2026-12-08',
    });
    expect(implementationStatusOn(stateOf([recorded, published]), '2026-12-08')).toEqual({ status: 'effective', since: '2026-12-08' });
    expect(implementationStatusOn(stateOf([recorded, published, calledIn]), '2026-12-20').status).toBe('called-in');
  });

  it('a call-in upheld lets the decision stand from the conclusion', () => {
    const upheld: DecisionEvent = {
      type: 'CallInConcluded',
      data: { decisionId: id, outcome: 'upheld', concludedOn: '2026-12-14', concludedBy: by },
    };
    given(decisionDecider)([recorded, published, calledIn])
      .when({
        type: 'ConcludeCallIn',
        data: { decisionId: id, by, now: '2026-12-14T18:00:00Z', outcome: 'upheld', concludedOn: '2026-12-14' },
      })
      .then([upheld]);
    expect(implementationStatusOn(stateOf([recorded, published, calledIn, upheld]), '2026-12-14')).toEqual({
      status: 'effective',
      since: '2026-12-14',
    });
  });

  it('referred back, it waits for reconsideration; withdrawn, it never takes effect', () => {
    const referred: DecisionEvent = {
      type: 'CallInConcluded',
      data: { decisionId: id, outcome: 'referred-back', concludedOn: '2026-12-14', concludedBy: by },
    };
    const events = [recorded, published, calledIn, referred];
    expect(implementationStatusOn(stateOf(events), '2026-12-20')).toEqual({ status: 'awaiting-reconsideration', outcome: 'referred-back' });
    const withdrawn: DecisionEvent = {
      type: 'DecisionReconsidered',
      data: { decisionId: id, outcome: 'withdrawn', reasons: 'Costs revisited', decidedOn: '2027-01-06', recordedBy: by },
    };
    given(decisionDecider)(events)
      .when({
        type: 'ReconsiderDecision',
        data: {
          decisionId: id,
          by,
          now: '2027-01-06T12:00:00Z',
          outcome: 'withdrawn',
          reasons: 'Costs revisited',
          decidedOn: '2027-01-06',
          facts: staff,
        },
      })
      .then([withdrawn]);
    expect(implementationStatusOn(stateOf([...events, withdrawn]), '2027-02-01')).toEqual({ status: 'withdrawn', on: '2027-01-06' });
  });

  it('refuses reconsideration of a decision that was not referred', () => {
    given(decisionDecider)([recorded, published])
      .when({
        type: 'ReconsiderDecision',
        data: {
          decisionId: id,
          by,
          now: '2027-01-06T12:00:00Z',
          outcome: 'confirmed',
          reasons: 'x',
          decidedOn: '2027-01-06',
          facts: staff,
        },
      })
      .thenThrows('decision-not-referred', 'conflict');
  });
});
