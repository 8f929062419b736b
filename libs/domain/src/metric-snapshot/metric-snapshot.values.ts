import { invalid } from '../shared/errors.js';
import { duplicatesIn } from '../shared/rules.js';
import type { MetricValue } from './metric-snapshot.events.js';

export const validateValues = (values: readonly MetricValue[]): void => {
  if (values.length === 0) {
    throw invalid('values-required', 'Give at least one metric value', { field: 'values' });
  }
  values.forEach(({ metric, value, unit }, index) => {
    if (metric.trim() === '') {
      throw invalid('metric-name-required', `Value ${index} names no metric`, { field: `values[${index}].metric` });
    }
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      throw invalid('metric-value-not-finite', `Metric ${metric} needs a finite number`, {
        field: `values[${index}].value`,
      });
    }
    if (unit.trim() === '') {
      throw invalid('metric-unit-required', `Metric ${metric} has no unit`, { field: `values[${index}].unit` });
    }
  });
  const duplicated = duplicatesIn(values.map((value) => value.metric));
  if (duplicated.length > 0) {
    throw invalid('metric-names-duplicated', `Metrics named more than once: ${duplicated.join(', ')}`, {
      metrics: duplicated,
    });
  }
};

/** Copies only the known fields, so nothing extra a caller attached ends up in an event. */
export const cleanValues = (values: readonly MetricValue[]): MetricValue[] =>
  values.map(({ metric, value, unit }) => ({ metric, value, unit }));

/** Each correction replaces the metric of the same name, keeping the snapshot's order. */
export const applyCorrection = (current: readonly MetricValue[], corrections: readonly MetricValue[]): MetricValue[] =>
  current.map((value) => corrections.find((c) => c.metric === value.metric) ?? value);
