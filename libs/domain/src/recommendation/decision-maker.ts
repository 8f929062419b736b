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
