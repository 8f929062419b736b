import type { HeaderSink } from '../shared/send-folded.js';
import { prefersCsv } from './accept-csv.js';
import { actionLogCsv, actionLogFileName } from './action-log.csv.js';
import type { ActionLog, ActionLogPaging } from './action-log.query.js';
import { pageSizeOf, type ActionLogFormat, type ActionLogQueryDto } from './view-queries.dto.js';

/** Which form the caller asked for: `?format=` decides, else the Accept header. */
export const wantsCsv = (format: ActionLogFormat | undefined, accept: string | undefined): boolean =>
  (format ?? (prefersCsv(accept) ? 'csv' : 'json')) === 'csv';

/** JSON pages by default; the CSV export is the whole log unless the caller gives a limit. */
export function actionLogPaging(query: ActionLogQueryDto, accept: string | undefined): ActionLogPaging {
  const limit = query.limit === undefined && wantsCsv(query.format, accept) ? undefined : pageSizeOf(query);
  return { asOf: query.asOf, overdueOn: query.overdueOn, after: query.after, limit };
}

/**
 * The action log as JSON (`json`, which the route may have shaped for its audience) or as the CSV of `log`:
 * `?format=` decides, else the Accept header.
 */
export function answerActionLog<Json>(
  log: ActionLog,
  json: Json,
  format: ActionLogFormat | undefined,
  accept: string | undefined,
  res: HeaderSink,
): Json | string {
  res.header('Vary', 'Accept');
  if (!wantsCsv(format, accept)) return json;
  res.header('Content-Type', 'text/csv; charset=utf-8');
  res.header('Content-Disposition', `attachment; filename="${actionLogFileName(log)}"`);
  return actionLogCsv(log);
}
