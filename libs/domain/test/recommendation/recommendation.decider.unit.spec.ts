import { found, missing } from '../../src/shared/lookup.js';
import { given } from '../support/given-when-then.js';
import type { RecommendationCommand } from '../../src/recommendation/recommendation.commands.js';
import { recommendationDecider } from '../../src/recommendation/recommendation.decider.js';
import { responseStatusOn } from '../../src/recommendation/recommendation.state.js';
import type { RecommendationEvent } from '../../src/recommendation/recommendation.events.js';

// Bromley, 21 January 2015: the Adult Care and Health PDS Committee supports extending the social-worker scheme.
const id = 'r-1';
const by = 'clerk';
const now = '2015-06-01T10:00:00Z';
const executive = { kind: 'executive', name: 'the Executive' } as const;
const staff = { callerHoldsDecisionMakerPost: false, callerIsScrutinyStaff: true };
const leader = { callerHoldsDecisionMakerPost: true, callerIsScrutinyStaff: false };

const made: RecommendationEvent = {
  type: 'RecommendationMade',
  data: {
    recommendationId: id,
    committeeId: 'c-1',
    source: { kind: 'report', reportRef: 'Report CS14078' },
    reference: '1',
    text: 'That the Executive extend the recruitment and retention scheme for 2015/16 and 2016/17',
    decisionMaker: executive,
    madeOn: '2015-01-21',
    madeBy: by,
  },
};
const sent: RecommendationEvent = {
  type: 'RecommendationSent',
  data: { recommendationId: id, receivedOn: '2015-01-28', responseDueOn: '2015-03-27', sentBy: by },
};
const responded = (respondedOn: string, response: 'accepted' | 'rejected' = 'accepted', late = false): RecommendationEvent => ({
  type: 'ExecutiveResponded',
  data: { recommendationId: id, response, reasons: 'Recruitment remains hard', respondedOn, late, recordedBy: by, recordedOnBehalf: true },
});

const make = (overrides: Partial<Extract<RecommendationCommand, { type: 'MakeRecommendation' }>['data']> = {}): RecommendationCommand => {
  const { madeBy: _madeBy, ...data } = made.data;
  return { type: 'MakeRecommendation', data: { ...data, by, now, facts: { committee: found({}) }, ...overrides } };
};
const respond = (respondedOn: string, facts = staff, response: 'accepted' | 'rejected' = 'accepted'): RecommendationCommand => ({
  type: 'RecordExecutiveResponse',
  data: { recommendationId: id, by, now, response, reasons: 'Recruitment remains hard', respondedOn, facts },
});

describe('recommendation decider', () => {
  it('makes a recommendation addressed to the executive', () => {
    given(recommendationDecider)([]).when(make()).then([made]);
  });

  it('refuses a portfolio holder without a post, and a date in the future', () => {
    given(recommendationDecider)([])
      .when(make({ decisionMaker: { kind: 'portfolio-holder', name: 'the Portfolio Holder for Care Services' } }))
      .thenThrows('decision-maker-post-required', 'invalid');
    given(recommendationDecider)([])
      .when(make({ madeOn: '2015-06-02' }))
      .thenThrows('made-on-in-future', 'invalid');
  });

  describe('checks what it names', () => {
    const fromResolution = { kind: 'resolution', resolutionId: 'res-62' } as const;
    const resolution = found({ committeeId: 'c-1', parts: [{}] });

    it('accepts the unlabelled part of a resolution the committee passed', () => {
      given(recommendationDecider)([])
        .when(make({ source: fromResolution, facts: { committee: found({}), resolution } }))
        .then([{ ...made, data: { ...made.data, source: fromResolution } }]);
    });

    it.each([
      ['a committee that does not exist', { committee: missing }, fromResolution, 'committee-not-found', 'not-found'],
      [
        'a resolution that does not exist',
        { committee: found({}), resolution: missing },
        fromResolution,
        'resolution-not-found',
        'not-found',
      ],
      [
        "another committee's resolution",
        { committee: found({}), resolution: found({ committeeId: 'c-2', parts: [{}] }) },
        fromResolution,
        'resolution-of-another-committee',
        'invalid',
      ],
      [
        'a part the resolution does not have',
        { committee: found({}), resolution },
        { ...fromResolution, partLabel: '(ii)' },
        'part-not-found',
        'invalid',
      ],
    ] as const)('refuses %s', (_case, facts, source, code, kind) => {
      given(recommendationDecider)([]).when(make({ source, facts })).thenThrows(code, kind);
    });

    it("refuses a decision maker's post that does not exist", () => {
      given(recommendationDecider)([])
        .when(
          make({
            decisionMaker: { kind: 'portfolio-holder', name: 'the Portfolio Holder', postId: 'p-9' },
            facts: { committee: found({}), decisionMakerPost: missing },
          }),
        )
        .thenThrows('decision-maker-post-not-found', 'not-found');
    });
  });

  it('sending starts the response clock: two months beginning with the day received', () => {
    const state = given(recommendationDecider)([made])
      .when({ type: 'SendRecommendation', data: { recommendationId: id, by, now, receivedOn: '2015-01-28' } })
      .then([sent]);
    expect(state.exists && state.sent).toEqual({ receivedOn: '2015-01-28', responseDueOn: '2015-03-27' });
  });

  it('refuses a receipt before the recommendation was made', () => {
    given(recommendationDecider)([made])
      .when({ type: 'SendRecommendation', data: { recommendationId: id, by, now, receivedOn: '2015-01-20' } })
      .thenThrows('received-on-before-date-made', 'invalid');
  });

  it('a response on the last day is on time; a day later is late', () => {
    given(recommendationDecider)([made, sent])
      .when(respond('2015-03-27'))
      .then([responded('2015-03-27')]);
    given(recommendationDecider)([made, sent])
      .when(respond('2015-03-28'))
      .then([responded('2015-03-28', 'accepted', true)]);
  });

  it('the holder of the decision maker’s post records it as their own; scrutiny staff record it on its behalf', () => {
    given(recommendationDecider)([made, sent])
      .when(respond('2015-03-02', leader))
      .then([{ ...responded('2015-03-02'), data: { ...responded('2015-03-02').data, recordedOnBehalf: false } } as RecommendationEvent]);
    given(recommendationDecider)([made, sent])
      .when(respond('2015-03-02', staff))
      .then([responded('2015-03-02')]);
  });

  it('refuses a response from someone who is neither the decision maker nor scrutiny staff', () => {
    given(recommendationDecider)([made, sent])
      .when(respond('2015-03-02', { callerHoldsDecisionMakerPost: false, callerIsScrutinyStaff: false }))
      .thenThrows('not-the-decision-maker', 'forbidden');
  });

  it('refuses a response before the recommendation was sent, and a second response', () => {
    given(recommendationDecider)([made]).when(respond('2015-03-02')).thenThrows('recommendation-not-sent', 'conflict');
    given(recommendationDecider)([made, sent, responded('2015-03-02')])
      .when(respond('2015-03-03'))
      .thenThrows('recommendation-already-responded', 'conflict');
  });

  it('links implementation actions to an accepted recommendation, once each', () => {
    const link: RecommendationCommand = {
      type: 'LinkImplementationAction',
      data: { recommendationId: id, by, now, actionId: 'a-1', facts: { action: found({}) } },
    };
    const state = given(recommendationDecider)([made, sent, responded('2015-03-02')])
      .when(link)
      .then([{ type: 'ImplementationActionLinked', data: { recommendationId: id, actionId: 'a-1', linkedBy: by, linkedAt: now } }]);
    expect(state.exists && state.actionIds).toEqual(['a-1']);
    given(recommendationDecider)([
      made,
      sent,
      responded('2015-03-02'),
      { type: 'ImplementationActionLinked', data: { recommendationId: id, actionId: 'a-1', linkedBy: by, linkedAt: now } },
    ])
      .when(link)
      .thenThrows('action-already-linked', 'conflict');
    given(recommendationDecider)([made, sent, responded('2015-03-02')])
      .when({ ...link, data: { ...link.data, facts: { action: missing } } } as RecommendationCommand)
      .thenThrows('action-not-found', 'not-found');
  });

  it('refuses to implement a rejected recommendation', () => {
    given(recommendationDecider)([made, sent, responded('2015-03-02', 'rejected')])
      .when({
        type: 'ReviewImplementation',
        data: { recommendationId: id, by, now, rag: 'green', evidence: 'n/a', reviewedOn: '2015-05-01' },
      })
      .thenThrows('recommendation-rejected', 'conflict');
  });

  it('reviews implementation and closes when the committee agrees; nothing follows closure', () => {
    const closed: RecommendationEvent = {
      type: 'RecommendationClosed',
      data: { recommendationId: id, agreedOn: '2015-05-20', closedBy: by },
    };
    const state = given(recommendationDecider)([made, sent, responded('2015-03-02')])
      .when({ type: 'AgreeRecommendationClosure', data: { recommendationId: id, by, now, agreedOn: '2015-05-20' } })
      .then([closed]);
    expect(state.exists && state.closedOn).toBe('2015-05-20');
    given(recommendationDecider)([made, sent, responded('2015-03-02'), closed])
      .when({
        type: 'ReviewImplementation',
        data: { recommendationId: id, by, now, rag: 'green', evidence: 'Scheme extended', reviewedOn: '2015-05-21' },
      })
      .thenThrows('recommendation-closed', 'conflict');
  });
});

describe('the response status on a date', () => {
  const record = (events: RecommendationEvent[]) => {
    const state = events.reduce(recommendationDecider.evolve, recommendationDecider.initialState());
    if (!state.exists) throw new Error('no recommendation');
    return state;
  };

  it.each([
    ['not sent', [made], '2015-02-01', { status: 'not-sent' }],
    ['awaiting on the last day of the period', [made, sent], '2015-03-27', { status: 'awaiting-response', responseDueOn: '2015-03-27' }],
    ['overdue the day after', [made, sent], '2015-03-28', { status: 'response-overdue', responseDueOn: '2015-03-27', daysOverdue: 1 }],
    [
      'responded late',
      [made, sent, responded('2015-04-01', 'accepted', true)],
      '2015-05-01',
      { status: 'responded', respondedOn: '2015-04-01', late: true },
    ],
  ] as const)('%s', (_case, events, date, expected) => {
    expect(responseStatusOn(record([...events]), date)).toEqual(expected);
  });
});
