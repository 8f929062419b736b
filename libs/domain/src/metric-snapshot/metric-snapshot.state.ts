import type { MetricSnapshotEvent, MetricValue } from './metric-snapshot.events.js';
import { applyCorrection } from './metric-snapshot.values.js';

export type MetricSnapshotRecord = {
  readonly exists: true;
  readonly snapshotId: string;
  readonly subject: string;
  readonly asOf: string;
  readonly source: string;
  readonly actionId?: string;
  readonly values: readonly MetricValue[];
  readonly collatedAt: string;
  readonly corrections: number;
  readonly correctedAt?: string;
};

export type MetricSnapshotState = { readonly exists: false } | MetricSnapshotRecord;

export const initialMetricSnapshotState = (): MetricSnapshotState => ({ exists: false });

export const evolveMetricSnapshot = (state: MetricSnapshotState, event: MetricSnapshotEvent): MetricSnapshotState => {
  switch (event.type) {
    case 'MetricsCollated':
      return { exists: true, ...event.data, corrections: 0 };
    case 'MetricsCorrected':
      if (!state.exists) return state;
      return {
        ...state,
        values: applyCorrection(state.values, event.data.values),
        corrections: state.corrections + 1,
        correctedAt: event.data.correctedAt,
      };
    default: {
      const _exhaustive: never = event;
      return state;
    }
  }
};
