import { actionRefusals } from './action/action.refusals.js';
import { committeeRefusals } from './committee/committee.refusals.js';
import { personRefusals } from './directory/person/person.refusals.js';
import { postRefusals } from './directory/post/post.refusals.js';
import { decisionRefusals } from './executive-decision/decision.refusals.js';
import { meetingRefusals } from './meeting/meeting.refusals.js';
import { metricSnapshotRefusals } from './metric-snapshot/metric-snapshot.refusals.js';
import { recommendationRefusals } from './recommendation/recommendation.refusals.js';
import { resolutionRefusals } from './resolution/resolution.refusals.js';
import type { Refusals } from './shared/refusals.js';

/** Every command of every aggregate, with the refusals its decider can answer it with: what the API documents. */
export const commandRefusals = {
  ...actionRefusals,
  ...committeeRefusals,
  ...personRefusals,
  ...postRefusals,
  ...decisionRefusals,
  ...meetingRefusals,
  ...metricSnapshotRefusals,
  ...recommendationRefusals,
  ...resolutionRefusals,
} as const satisfies Record<string, Refusals>;

export type CommandType = keyof typeof commandRefusals;
