import { found, missing } from '../../src/shared/lookup.js';
import { given } from '../support/given-when-then.js';
import type { CollateMetrics, CorrectMetrics } from '../../src/metric-snapshot/metric-snapshot.commands.js';
import { metricSnapshotDecider } from '../../src/metric-snapshot/metric-snapshot.decider.js';
import type { MetricsCollated, MetricsCorrected, MetricValue } from '../../src/metric-snapshot/metric-snapshot.events.js';

const snapshotId = 's-jan';
const now = '2017-02-10T10:00:00Z';
const vacancy: MetricValue = { metric: 'vacancy-rate', value: 27.5, unit: '%' };
const turnover: MetricValue = { metric: 'turnover-rate', value: 18, unit: '%' };
const agency: MetricValue = { metric: 'agency-rate', value: 31, unit: '%' };

const collate = (overrides: Partial<CollateMetrics['data']> = {}): CollateMetrics => ({
  type: 'CollateMetrics',
  data: {
    snapshotId,
    subject: 'Adult Social Care social workers',
    asOf: '2017-01-31',
    source: 'HR establishment report',
    actionId: 'a-metrics',
    values: [vacancy, turnover, agency],
    now,
    facts: { action: found({}) },
    ...overrides,
  },
});
const collated: MetricsCollated = {
  type: 'MetricsCollated',
  data: {
    snapshotId,
    subject: 'Adult Social Care social workers',
    asOf: '2017-01-31',
    source: 'HR establishment report',
    actionId: 'a-metrics',
    values: [vacancy, turnover, agency],
    collatedAt: now,
  },
};

const fixedTurnover: MetricValue = { ...turnover, value: 21.2 };
const correct = (values: readonly MetricValue[], reason = 'Leavers in January were missed'): CorrectMetrics => ({
  type: 'CorrectMetrics',
  data: { snapshotId, values, reason, now: '2017-02-15T10:00:00Z' },
});
const corrected: MetricsCorrected = {
  type: 'MetricsCorrected',
  data: {
    snapshotId,
    values: [fixedTurnover],
    reason: 'Leavers in January were missed',
    correctedAt: '2017-02-15T10:00:00Z',
  },
};

describe('metric snapshot decider', () => {
  describe('CollateMetrics', () => {
    it('collates a snapshot in time linked to the action that asked for it', () => {
      const state = given(metricSnapshotDecider)([]).when(collate()).then([collated]);
      expect(state).toEqual({ exists: true, ...collated.data, corrections: 0 });
    });

    it('collates a snapshot linked to no action', () => {
      given(metricSnapshotDecider)([])
        .when(collate({ actionId: undefined, facts: {} }))
        .then([{ ...collated, data: { ...collated.data, actionId: undefined } }]);
    });

    it('refuses to collate the same snapshot twice (conflict)', () => {
      given(metricSnapshotDecider)([collated]).when(collate()).thenThrows('metric-snapshot-already-collated', 'conflict');
    });

    it('refuses a snapshot without values (invalid)', () => {
      given(metricSnapshotDecider)([])
        .when(collate({ values: [] }))
        .thenThrows('values-required', 'invalid');
    });

    it('refuses a metric named twice (invalid)', () => {
      given(metricSnapshotDecider)([])
        .when(collate({ values: [vacancy, { ...vacancy, value: 30 }] }))
        .thenThrows('metric-names-duplicated', 'invalid');
    });

    it('refuses a blank metric name or unit (invalid)', () => {
      given(metricSnapshotDecider)([])
        .when(collate({ values: [{ ...vacancy, metric: ' ' }] }))
        .thenThrows('metric-name-required', 'invalid');
      given(metricSnapshotDecider)([])
        .when(collate({ values: [{ ...vacancy, unit: '' }] }))
        .thenThrows('metric-unit-required', 'invalid');
    });

    it('refuses a value that is not a finite number (invalid)', () => {
      given(metricSnapshotDecider)([])
        .when(collate({ values: [{ ...vacancy, value: Number.NaN }] }))
        .thenThrows('metric-value-not-finite', 'invalid');
    });

    it('refuses a blank subject, asOf or source (invalid)', () => {
      given(metricSnapshotDecider)([])
        .when(collate({ subject: '' }))
        .thenThrows('subject-required', 'invalid');
      given(metricSnapshotDecider)([])
        .when(collate({ asOf: '' }))
        .thenThrows('asOf-required', 'invalid');
      given(metricSnapshotDecider)([])
        .when(collate({ source: ' ' }))
        .thenThrows('source-required', 'invalid');
    });

    it('refuses a linked action that does not exist (not-found)', () => {
      given(metricSnapshotDecider)([])
        .when(collate({ facts: { action: missing } }))
        .thenThrows('linked-action-not-found', 'not-found');
      given(metricSnapshotDecider)([])
        .when(collate({ facts: {} }))
        .thenThrows('linked-action-not-found', 'not-found');
    });
  });

  describe('CorrectMetrics', () => {
    it('replaces only the metrics it names', () => {
      const state = given(metricSnapshotDecider)([collated])
        .when(correct([fixedTurnover]))
        .then([corrected]);
      expect(state).toMatchObject({ values: [vacancy, fixedTurnover, agency], corrections: 1 });
    });

    it('refuses a snapshot that does not exist (not-found)', () => {
      given(metricSnapshotDecider)([])
        .when(correct([fixedTurnover]))
        .thenThrows('metric-snapshot-not-found', 'not-found');
    });

    it('refuses a correction without a reason (invalid)', () => {
      given(metricSnapshotDecider)([collated])
        .when(correct([fixedTurnover], ' '))
        .thenThrows('reason-required', 'invalid');
    });

    it('refuses a metric the snapshot does not have (invalid)', () => {
      given(metricSnapshotDecider)([collated])
        .when(correct([{ metric: 'sickness-rate', value: 4, unit: '%' }]))
        .thenThrows('metric-unknown', 'invalid');
    });

    it('refuses no values or a metric named twice (invalid)', () => {
      given(metricSnapshotDecider)([collated]).when(correct([])).thenThrows('values-required', 'invalid');
      given(metricSnapshotDecider)([collated])
        .when(correct([fixedTurnover, turnover]))
        .thenThrows('metric-names-duplicated', 'invalid');
    });

    it('refuses a correction that changes nothing (conflict)', () => {
      given(metricSnapshotDecider)([collated])
        .when(correct([turnover, agency]))
        .thenThrows('metric-correction-unchanged', 'conflict');
      given(metricSnapshotDecider)([collated, corrected])
        .when(correct([fixedTurnover]))
        .thenThrows('metric-correction-unchanged', 'conflict');
    });
  });

  describe('evolve', () => {
    it('starts as not existing and ignores a correction of nothing', () => {
      expect(given(metricSnapshotDecider)([]).state()).toEqual({ exists: false });
      expect(given(metricSnapshotDecider)([corrected]).state()).toEqual({ exists: false });
    });

    it('folds successive corrections onto the collated values', () => {
      const unit: MetricsCorrected = {
        type: 'MetricsCorrected',
        data: {
          snapshotId,
          values: [{ ...agency, value: 112, unit: 'FTE' }],
          reason: 'Headcount, not rate',
          correctedAt: '2017-02-20T10:00:00Z',
        },
      };
      expect(given(metricSnapshotDecider)([collated, corrected, unit]).state()).toEqual({
        exists: true,
        ...collated.data,
        values: [vacancy, fixedTurnover, { metric: 'agency-rate', value: 112, unit: 'FTE' }],
        corrections: 2,
        correctedAt: '2017-02-20T10:00:00Z',
      });
    });
  });
});
