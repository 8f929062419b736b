import type { CommandRefusals } from '../shared/refusals.js';
import type { ResolutionCommand } from './resolution.commands.js';

/** Every refusal the resolution decider can answer each command with; refusals.unit.spec reads the decider to keep it so. */
export const resolutionRefusals = {
  PassResolution: {
    conflict: ['resolution-already-passed'],
    invalid: [
      'resolution-item-unknown',
      'parts-required',
      'part-label-required',
      'part-text-required',
      'part-kind-unknown',
      'part-labels-duplicated',
    ],
    'not-found': ['meeting-not-found'],
  },
  CorrectResolution: {
    conflict: ['resolution-correction-unchanged'],
    invalid: [
      'reason-required',
      'parts-required',
      'part-label-required',
      'part-text-required',
      'part-kind-unknown',
      'part-labels-duplicated',
    ],
    'not-found': ['resolution-not-found'],
  },
} as const satisfies CommandRefusals<ResolutionCommand['type']>;
