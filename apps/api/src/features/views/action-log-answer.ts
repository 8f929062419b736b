import type { HeaderSink } from '../shared/send-folded.js';
import { prefersCsv } from './accept-csv.js';
import { actionLogCsv, actionLogFileName } from './action-log.csv.js';
import type { ActionLog } from './action-log.query.js';
import type { ActionLogFormat } from './view-queries.dto.js';

/**
 * The action log as JSON (`json`, which the route may have shaped for its audience) or as the CSV of `log`:
 * `?format=` decides, else the Accept header.
 */
export function answerActionLog<Json>(
  log: ActionLog, json: Json, format: ActionLogFormat | undefined, accept: string | undefined, res: HeaderSink,
): Json | string {
  res.setHeader('Vary', 'Accept');
  if ((format ?? (prefersCsv(accept) ? 'csv' : 'json')) === 'json') return json;
  res.setHeader('Content-Type', 'text/csv; charset=utf-8');
  res.setHeader('Content-Disposition', `attachment; filename="${actionLogFileName(log)}"`);
  return actionLogCsv(log);
}
