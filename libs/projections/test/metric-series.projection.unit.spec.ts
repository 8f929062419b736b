import type { MetricSnapshotEvent } from '#domain';
import { projectInMemory } from '../src/engine/project-in-memory.js';
import { metricPointsTable, metricSeriesProjection } from '../src/metric-series/metric-series.projection.js';
import { EventLog } from './support/event-log.js';

const VALUES = [
  { metric: 'vacancy-rate', value: 24.5, unit: '%' },
  { metric: 'turnover-rate', value: 17, unit: '%' },
];

function collated(log: EventLog, snapshotId: string, extra: object = {}) {
  const event = {
    type: 'MetricsCollated',
    data: {
      snapshotId,
      subject: 'Adult Social Care social workers',
      asOf: '2017-01-31',
      source: 'HR evidence gathering',
      values: VALUES,
      collatedAt: '2017-02-01T09:00:00Z',
      ...extra,
    },
  };
  return log.to('metric', snapshotId, event as MetricSnapshotEvent);
}
const corrected = (log: EventLog, snapshotId: string, values: readonly object[], reason: string) =>
  log.to('metric', snapshotId, { type: 'MetricsCorrected', data: { snapshotId, values, reason, correctedAt: '2017-02-03T09:00:00Z' } });
const point = (log: EventLog, snapshotId: string, metric: string) =>
  projectInMemory(metricSeriesProjection, log.events).get(metricPointsTable.name, `${snapshotId}:${metric}`);

describe('metric-series projection', () => {
  it('given MetricsCollated, then one point per metric, the first figure kept as the original', () => {
    const log = new EventLog();
    const event = collated(log, 's-1', { actionId: 'a-1' });
    const rows = projectInMemory(metricSeriesProjection, log.events).all(metricPointsTable.name);
    expect(rows).toEqual(
      VALUES.map(({ metric, value, unit }) => ({
        point_id: `s-1:${metric}`,
        snapshot_id: 's-1',
        metric,
        subject: 'Adult Social Care social workers',
        as_of: '2017-01-31',
        value,
        unit,
        source: 'HR evidence gathering',
        action_id: 'a-1',
        recorded_at: event.recordedAt.toISOString(),
        original_value: value,
        original_unit: unit,
        corrections: [],
        snapshot_position: event.globalPosition,
      })),
    );
  });

  it('given a snapshot linked to no action, then a null action_id', () => {
    const log = new EventLog();
    collated(log, 's-1');
    expect(point(log, 's-1', 'vacancy-rate')).toMatchObject({ action_id: null });
  });

  it('given MetricsCorrected, then only the named metric changes; the original value stays and each correction is kept', () => {
    const log = new EventLog();
    collated(log, 's-1');
    const first = corrected(log, 's-1', [{ metric: 'vacancy-rate', value: 21, unit: '%' }], 'HR confirmed the baseline');
    const second = corrected(log, 's-1', [{ metric: 'vacancy-rate', value: 0.21, unit: 'ratio' }], 'As a ratio');
    expect(point(log, 's-1', 'vacancy-rate')).toMatchObject({
      value: 0.21,
      unit: 'ratio',
      original_value: 24.5,
      original_unit: '%',
      corrections: [
        {
          value: 21,
          unit: '%',
          reason: 'HR confirmed the baseline',
          correctedAt: '2017-02-03T09:00:00Z',
          recordedAt: first.recordedAt.toISOString(),
        },
        {
          value: 0.21,
          unit: 'ratio',
          reason: 'As a ratio',
          correctedAt: '2017-02-03T09:00:00Z',
          recordedAt: second.recordedAt.toISOString(),
        },
      ],
    });
    expect(point(log, 's-1', 'turnover-rate')).toMatchObject({ value: 17, unit: '%', corrections: [] });
  });

  it('keeps the collated position and recording time through corrections, so the series order does not move', () => {
    const log = new EventLog();
    const event = collated(log, 's-1');
    corrected(log, 's-1', [{ metric: 'turnover-rate', value: 15, unit: '%' }], 'Recount');
    expect(point(log, 's-1', 'turnover-rate')).toMatchObject({
      snapshot_position: event.globalPosition,
      recorded_at: event.recordedAt.toISOString(),
    });
  });

  it('ignores a correction of a metric the snapshot never had, and of a snapshot it never saw', () => {
    const log = new EventLog();
    collated(log, 's-1');
    corrected(log, 's-1', [{ metric: 'overspend', value: 1_200_000, unit: 'GBP' }], 'Add it');
    corrected(log, 's-unknown', [{ metric: 'vacancy-rate', value: 1, unit: '%' }], 'Who?');
    const rows = projectInMemory(metricSeriesProjection, log.events).all(metricPointsTable.name);
    expect(rows.map((row) => row.point_id)).toEqual(['s-1:vacancy-rate', 's-1:turnover-rate']);
  });

  it('touches the points an event names, and nothing for other events', () => {
    const log = new EventLog();
    const event = collated(log, 's-1');
    const correction = corrected(log, 's-1', [{ metric: 'turnover-rate', value: 15, unit: '%' }], 'Recount');
    const other = log.to('committee', 'c-1', {
      type: 'CommitteeCreated',
      data: { committeeId: 'c-1', name: 'C', kind: 'other', createdAt: '2017-01-01T00:00:00Z' },
    });
    expect(metricSeriesProjection.touches(event)).toEqual([
      [metricPointsTable.name, 's-1:vacancy-rate'],
      [metricPointsTable.name, 's-1:turnover-rate'],
    ]);
    expect(metricSeriesProjection.touches(correction)).toEqual([[metricPointsTable.name, 's-1:turnover-rate']]);
    expect(metricSeriesProjection.touches(other)).toEqual([]);
    expect(projectInMemory(metricSeriesProjection, [other]).all(metricPointsTable.name)).toEqual([]);
  });
});
