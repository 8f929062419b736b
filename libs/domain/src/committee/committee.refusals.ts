import type { CommandRefusals } from '../shared/refusals.js';
import type { CommitteeCommand } from './committee.commands.js';

/** Every refusal the committee decider can answer each command with; refusals.unit.spec reads the decider to keep it so. */
export const committeeRefusals = {
  CreateCommittee: { conflict: ['committee-already-exists'], invalid: ['committee-kind-unknown', 'name-required'] },
  SetCommitteeEscalation: { invalid: ['escalation-days-out-of-range'], 'not-found': ['committee-not-found', 'escalation-post-not-found'] },
} as const satisfies CommandRefusals<CommitteeCommand['type']>;
