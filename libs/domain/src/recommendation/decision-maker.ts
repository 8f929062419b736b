import { invalid, notFound } from '../shared/errors.js';
import type { Lookup } from '../shared/lookup.js';
import { requireText } from '../shared/rules.js';

/** Who a recommendation is addressed to and who takes an executive decision. */
export const decisionMakerKinds = ['executive', 'portfolio-holder', 'full-council'] as const;
export type DecisionMakerKind = (typeof decisionMakerKinds)[number];

export type DecisionMaker = {
  readonly kind: DecisionMakerKind;
  /** The post that answers for it (the cabinet's leader, the portfolio holder's post); none for full council. */
  readonly postId?: string;
  /** As the minutes name it: "the Executive", "the Portfolio Holder for Care Services". */
  readonly name: string;
};

/**
 * Who may record what the decision maker said or decided: the holder of its post, or scrutiny staff on its
 * behalf (then recorded as such). Worked out by the caller's edge from the directory and the caller's roles.
 */
export type DecisionMakerFacts = {
  readonly callerHoldsDecisionMakerPost: boolean;
  readonly callerIsScrutinyStaff: boolean;
};

/**
 * A decision maker of a known kind, named, a portfolio holder by their post, and any post it names on record
 * (`post` is that post as the edge looked it up; absent when it names none).
 */
export function requireDecisionMaker(maker: DecisionMaker, post: Lookup | undefined): void {
  if (!(decisionMakerKinds as readonly string[]).includes(maker.kind)) {
    throw invalid('decision-maker-kind-unknown', `Unknown decision maker kind ${String(maker.kind)}`, { allowed: decisionMakerKinds });
  }
  requireText(maker.name, 'decisionMaker.name');
  if (maker.kind === 'portfolio-holder' && !maker.postId) {
    throw invalid('decision-maker-post-required', 'A portfolio holder is named by their post: give decisionMaker.postId', {
      field: 'decisionMaker.postId',
    });
  }
  const postId = maker.postId;
  if (postId !== undefined && !post?.exists) {
    throw notFound('decision-maker-post-not-found', `Post ${postId} does not exist`, { postId });
  }
}
