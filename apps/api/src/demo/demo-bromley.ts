import type { CommitteeKind, ResolutionPart } from '#domain';
import { demoId } from './demo-data.js';

/**
 * The second demo: Bromley's Adult Care and Health PDS Committee, 21 January 2015, item 62 (Report CS14078),
 * written by hand from its minutes (../shared/seeds/004_db611732c023a0b2.txt). The minutes end at the committee's
 * support for the proposal; what the Executive did next (receipt, response, decision, publication) is INVENTED for
 * the demo, and each text says so.
 */
export const bromleyCommittee: { readonly id: string; readonly name: string; readonly kind: CommitteeKind } = {
  id: demoId('bromley/committee'),
  name: 'Adult Care and Health Policy Development and Scrutiny Committee',
  kind: 'scrutiny',
};

/** The minutes give the day, not the time. */
export const bromleyMeeting = { id: demoId('bromley/meeting/2015-01-21'), date: '2015-01-21' } as const;

export const bromleyItem = {
  number: '62',
  title: "Children's Social Care Recruitment & Retention Strategy",
  paperRef: 'Report CS14078',
} as const;

const SUPPORTED =
  'RESOLVED that the proposal that the current scheme be extended for the 2015/16 and 2016/17 financial years by utilising ' +
  'the residual funding from the LAA reward grant from the agreed recruitment and retention package for 2010/14, including ' +
  'the proposed enhancements set out in Appendix B to the report, be supported.';

export const bromleyResolution: { readonly id: string; readonly itemNumber: string; readonly parts: readonly ResolutionPart[] } = {
  id: demoId('bromley/resolution/62'),
  itemNumber: '62',
  parts: [{ text: SUPPORTED, kind: 'supported' }],
};

const EXECUTIVE = { kind: 'executive', name: 'the Executive' } as const;

export const bromleyRecommendation = {
  id: demoId('bromley/recommendation/62'),
  reference: '62',
  text: SUPPORTED,
  decisionMaker: EXECUTIVE,
  madeOn: '2015-01-21',
  /** Invented: the day the Executive received the committee's view. */
  receivedOn: '2015-01-22',
  /** Invented: the Executive's response, the day of its decision. */
  response: {
    response: 'accepted',
    reasons: "The Executive agreed with the committee's support for extending the scheme (invented for the demo).",
    proposedAction: 'Extend the scheme for 2015/16 and 2016/17 with the enhancements in Appendix B (invented for the demo).',
    respondedOn: '2015-02-11',
  },
} as const;

/** Invented for the demo: the minutes stop at the committee; the Executive's decision is not in the seeds. */
export const bromleyDecision = {
  id: demoId('bromley/decision/cs14078'),
  decisionMaker: EXECUTIVE,
  title: "Children's Social Care Recruitment & Retention Strategy (invented for the demo)",
  decision:
    'The recruitment and retention scheme for children’s social workers is extended for the 2015/16 and 2016/17 financial ' +
    'years from the residual LAA reward grant, with the enhancements in Appendix B (invented for the demo).',
  decidedOn: '2015-02-11',
  keyDecision: true,
  reasons:
    'All authorities find qualified social workers hard to recruit and keep; funding is available for two years (invented for the demo).',
  alternativesConsidered: 'Ending the scheme in March 2015 (invented for the demo).',
  reportRef: 'Report CS14078',
  /** Invented: five clear working days from then, the call-in period ends on 19 February 2015. */
  publishedOn: '2015-02-12',
} as const;
