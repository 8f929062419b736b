import type { Decider } from '../shared/decider.js';
import { conflict, invalid, notFound, unknownCommand } from '../shared/errors.js';
import { requireText } from '../shared/rules.js';
import type { CollateMetrics, CorrectMetrics, MetricSnapshotCommand } from './metric-snapshot.commands.js';
import type { MetricSnapshotEvent, MetricValue } from './metric-snapshot.events.js';
import { evolveMetricSnapshot, initialMetricSnapshotState, type MetricSnapshotState } from './metric-snapshot.state.js';
import { cleanValues, validateValues } from './metric-snapshot.values.js';

const collate = ({ data }: CollateMetrics, state: MetricSnapshotState): MetricSnapshotEvent[] => {
  if (state.exists) {
    throw conflict('metric-snapshot-already-collated', `Snapshot ${state.snapshotId} is already collated`, {
      snapshotId: state.snapshotId,
    });
  }
  requireText(data.subject, 'subject');
  requireText(data.asOf, 'asOf');
  requireText(data.source, 'source');
  validateValues(data.values);
  if (data.actionId !== undefined && data.facts.action?.exists !== true) {
    throw notFound('linked-action-not-found', `Action ${data.actionId} does not exist`, { actionId: data.actionId });
  }
  const { snapshotId, subject, asOf, source, actionId } = data;
  return [
    {
      type: 'MetricsCollated',
      data: { snapshotId, subject, asOf, source, actionId, values: cleanValues(data.values), collatedAt: data.now },
    },
  ];
};

/**
 * A correction names only the metrics it corrects and replaces their value and unit; it may
 * not add a metric, since a snapshot is what was collated at one point in time.
 */
const correct = ({ data }: CorrectMetrics, state: MetricSnapshotState): MetricSnapshotEvent[] => {
  if (!state.exists) {
    throw notFound('metric-snapshot-not-found', `Snapshot ${data.snapshotId} does not exist`, {
      snapshotId: data.snapshotId,
    });
  }
  requireText(data.reason, 'reason');
  validateValues(data.values);
  const unknown = data.values.filter((value) => !state.values.some((known) => known.metric === value.metric));
  if (unknown.length > 0) {
    throw invalid('metric-unknown', 'A correction may only name metrics already in the snapshot', {
      metrics: unknown.map((value) => value.metric),
      known: state.values.map((value) => value.metric),
    });
  }
  const unchanged = ({ metric, value, unit }: MetricValue): boolean =>
    state.values.some((known) => known.metric === metric && known.value === value && known.unit === unit);
  if (data.values.every(unchanged)) {
    throw conflict('metric-correction-unchanged', 'The correction repeats the current values', {
      snapshotId: state.snapshotId,
    });
  }
  return [
    {
      type: 'MetricsCorrected',
      data: {
        snapshotId: state.snapshotId,
        values: cleanValues(data.values),
        reason: data.reason,
        correctedAt: data.now,
      },
    },
  ];
};

export const decideMetricSnapshot = (command: MetricSnapshotCommand, state: MetricSnapshotState): MetricSnapshotEvent[] => {
  switch (command.type) {
    case 'CollateMetrics':
      return collate(command, state);
    case 'CorrectMetrics':
      return correct(command, state);
    default: {
      const _exhaustive: never = command;
      return unknownCommand(command);
    }
  }
};

export const metricSnapshotDecider: Decider<MetricSnapshotCommand, MetricSnapshotEvent, MetricSnapshotState> = {
  decide: decideMetricSnapshot,
  evolve: evolveMetricSnapshot,
  initialState: initialMetricSnapshotState,
};
