import type { ActionLog, ActionLogRow } from './action-log.query.js';

const COLUMNS: readonly (readonly [heading: string, cell: (row: ActionLogRow) => string | null])[] = [
  ['Ref', (r) => r.ref],
  ['Meeting date', (r) => r.meetingDate],
  ['Item', (r) => r.itemNumber],
  ['Resolution part', (r) => r.partLabel],
  ['Action', (r) => r.action],
  ['Owner', (r) => r.owner],
  ['Due', (r) => r.dueOn],
  ['Status', (r) => r.status],
  ['RAG', (r) => r.rag],
  ['Latest update', (r) => r.latestUpdate],
  ['Date closed', (r) => r.dateClosed],
];

/** Spreadsheets run a cell that starts like a formula: an apostrophe makes it text (CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;
/** RFC 4180: a field holding a comma, a double quote or a line break is quoted, its quotes doubled. */
const NEEDS_QUOTES = /[",\r\n]/;

export function csvCell(value: string | null): string {
  const text = value ?? '';
  const safe = FORMULA_START.test(text) ? `'${text}` : text;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The action log as RFC 4180 CSV: a header row, CRLF line ends. */
export function actionLogCsv(log: ActionLog): string {
  const lines = [COLUMNS.map(([heading]) => csvCell(heading)), ...log.rows.map((row) => COLUMNS.map(([, cell]) => csvCell(cell(row))))];
  return lines.map((cells) => `${cells.join(',')}\r\n`).join('');
}

/** A file name that is safe in a Content-Disposition header: the committee's name in lower-case ASCII words. */
export function actionLogFileName(log: ActionLog): string {
  const slug = log.committee.name
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .toLowerCase()
    .slice(0, 80)
    .replace(/-+$/, '');
  return `action-log-${slug || log.committee.committeeId}.csv`;
}
