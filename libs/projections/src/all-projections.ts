import { auditLogProjection } from './audit-log/audit-log.projection.js';
import type { Projection } from './engine/projection.js';
import { metricSeriesProjection } from './metric-series/metric-series.projection.js';
import { recordsProjection } from './records/records.projection.js';

export const allProjections: readonly Projection[] = [recordsProjection, metricSeriesProjection, auditLogProjection];
