import type { CommandRefusals } from '../shared/refusals.js';
import type { RecommendationCommand } from './recommendation.commands.js';

/** Every refusal the recommendation decider can answer each command with; refusals.unit.spec reads the decider to keep it so. */
export const recommendationRefusals = {
  MakeRecommendation: {
    conflict: ['recommendation-already-exists'],
    invalid: [
      'reference-required',
      'text-required',
      'reportRef-required',
      'resolution-of-another-committee',
      'part-not-found',
      'decision-maker-kind-unknown',
      'decision-maker-post-required',
      'decisionMaker.name-required',
      'madeOn-not-a-date',
      'made-on-in-future',
    ],
    'not-found': ['committee-not-found', 'resolution-not-found', 'decision-maker-post-not-found'],
  },
  SendRecommendation: {
    conflict: ['recommendation-already-sent', 'recommendation-closed'],
    invalid: ['receivedOn-not-a-date', 'received-on-in-future', 'received-on-before-date-made'],
    'not-found': ['recommendation-not-found'],
  },
  RecordExecutiveResponse: {
    conflict: ['recommendation-not-sent', 'recommendation-already-responded', 'recommendation-closed'],
    invalid: [
      'response-unknown',
      'reasons-required',
      'respondedOn-not-a-date',
      'responded-on-in-future',
      'responded-on-before-date-received',
    ],
    'not-found': ['recommendation-not-found'],
    forbidden: ['not-the-decision-maker'],
  },
  PublishResponse: {
    conflict: ['response-already-published', 'recommendation-not-responded', 'recommendation-closed'],
    invalid: ['publishedOn-not-a-date', 'published-on-in-future', 'published-on-before-date-responded'],
    'not-found': ['recommendation-not-found'],
  },
  LinkImplementationAction: {
    conflict: ['action-already-linked', 'recommendation-rejected', 'recommendation-not-responded', 'recommendation-closed'],
    'not-found': ['action-not-found', 'recommendation-not-found'],
  },
  ReviewImplementation: {
    conflict: ['recommendation-rejected', 'recommendation-not-responded', 'recommendation-closed'],
    invalid: ['rag-unknown', 'evidence-required', 'reviewedOn-not-a-date', 'reviewed-on-in-future', 'reviewed-on-before-date-responded'],
    'not-found': ['recommendation-not-found'],
  },
  AgreeRecommendationClosure: {
    conflict: ['recommendation-not-responded', 'recommendation-closed'],
    invalid: ['agreedOn-not-a-date', 'agreed-on-in-future', 'agreed-on-before-date-responded'],
    'not-found': ['recommendation-not-found'],
  },
} as const satisfies CommandRefusals<RecommendationCommand['type']>;
