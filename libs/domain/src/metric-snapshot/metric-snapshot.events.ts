export type MetricValue = {
  /** e.g. "vacancy-rate"; unique within a snapshot. */
  readonly metric: string;
  readonly value: number;
  /** e.g. "%", "FTE", "GBP". */
  readonly unit: string;
};

export type MetricsCollated = {
  readonly type: 'MetricsCollated';
  readonly data: {
    readonly snapshotId: string;
    /** What the figures describe, e.g. "Adult Social Care social workers". */
    readonly subject: string;
    /** YYYY-MM-DD the snapshot in time stands for. */
    readonly asOf: string;
    readonly source: string;
    readonly actionId?: string;
    readonly values: readonly MetricValue[];
    readonly collatedAt: string;
  };
};

/** Carries only the metrics corrected; each replaces the value and unit of that metric. */
export type MetricsCorrected = {
  readonly type: 'MetricsCorrected';
  readonly data: {
    readonly snapshotId: string;
    readonly values: readonly MetricValue[];
    readonly reason: string;
    readonly correctedAt: string;
  };
};

export type MetricSnapshotEvent = MetricsCollated | MetricsCorrected;

export const metricSnapshotEventTypes = ['MetricsCollated', 'MetricsCorrected'] as const satisfies readonly MetricSnapshotEvent['type'][];

export const isMetricSnapshotEvent = (event: { readonly type: string }): event is MetricSnapshotEvent =>
  (metricSnapshotEventTypes as readonly string[]).includes(event.type);
