import type { Lookup } from '../shared/lookup.js';
import type { MetricValue } from './metric-snapshot.events.js';

export type CollateMetrics = {
  readonly type: 'CollateMetrics';
  readonly data: {
    readonly snapshotId: string;
    readonly subject: string;
    readonly asOf: string;
    readonly source: string;
    readonly actionId?: string;
    readonly values: readonly MetricValue[];
    readonly now: string;
    /** Give `action` whenever `actionId` is set (an ActionState fits); without it the action counts as unknown. */
    readonly facts: { readonly action?: Lookup };
  };
};

/** Names only the metrics to correct; the others keep their values. */
export type CorrectMetrics = {
  readonly type: 'CorrectMetrics';
  readonly data: {
    readonly snapshotId: string;
    readonly values: readonly MetricValue[];
    readonly reason: string;
    readonly now: string;
  };
};

export type MetricSnapshotCommand = CollateMetrics | CorrectMetrics;
