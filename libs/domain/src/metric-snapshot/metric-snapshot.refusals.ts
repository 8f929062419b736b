import type { CommandRefusals } from '../shared/refusals.js';
import type { MetricSnapshotCommand } from './metric-snapshot.commands.js';

/** Every refusal the metric snapshot decider can answer each command with; refusals.unit.spec reads the decider to keep it so. */
export const metricSnapshotRefusals = {
  CollateMetrics: {
    conflict: ['metric-snapshot-already-collated'],
    invalid: [
      'subject-required',
      'asOf-required',
      'source-required',
      'values-required',
      'metric-name-required',
      'metric-value-not-finite',
      'metric-unit-required',
      'metric-names-duplicated',
    ],
    'not-found': ['linked-action-not-found'],
  },
  CorrectMetrics: {
    conflict: ['metric-correction-unchanged'],
    invalid: [
      'metric-unknown',
      'reason-required',
      'values-required',
      'metric-name-required',
      'metric-value-not-finite',
      'metric-unit-required',
      'metric-names-duplicated',
    ],
    'not-found': ['metric-snapshot-not-found'],
  },
} as const satisfies CommandRefusals<MetricSnapshotCommand['type']>;
