import type { CommandRefusals } from '../shared/refusals.js';
import type { DecisionCommand } from './decision.commands.js';

/** Every refusal the decision decider can answer each command with; refusals.unit.spec reads the decider to keep it so. */
export const decisionRefusals = {
  RecordDecision: {
    conflict: ['decision-already-exists'],
    invalid: [
      'decision-maker-kind-unknown',
      'decision-maker-post-required',
      'decisionMaker.name-required',
      'title-required',
      'decision-required',
      'reasons-required',
      'decidedOn-not-a-date',
      'decided-on-in-future',
    ],
    'not-found': ['recommendation-not-found', 'decision-maker-post-not-found'],
    forbidden: ['not-the-decision-maker'],
  },
  PublishDecision: {
    conflict: ['decision-already-published'],
    invalid: [
      'call-in-days-out-of-range',
      'bank-holidays-unknown',
      'publishedOn-not-a-date',
      'published-on-in-future',
      'published-on-before-date-decided',
    ],
    'not-found': ['decision-not-found'],
  },
  RequestCallIn: {
    conflict: ['decision-not-published', 'decision-already-called-in', 'call-in-period-ended'],
    invalid: ['members-required', 'members.{index}-required', 'reasons-required'],
    'not-found': ['decision-not-found'],
  },
  ConcludeCallIn: {
    conflict: ['decision-not-called-in', 'call-in-already-concluded'],
    invalid: ['outcome-unknown', 'concludedOn-not-a-date', 'concluded-on-in-future', 'concluded-on-before-date-called-in'],
    'not-found': ['decision-not-found'],
  },
  ReconsiderDecision: {
    conflict: ['decision-not-referred', 'decision-already-reconsidered'],
    invalid: [
      'outcome-unknown',
      'decision-required',
      'reasons-required',
      'decidedOn-not-a-date',
      'decided-on-in-future',
      'decided-on-before-date-referred',
    ],
    'not-found': ['decision-not-found'],
    forbidden: ['not-the-decision-maker'],
  },
} as const satisfies CommandRefusals<DecisionCommand['type']>;
