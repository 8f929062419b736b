import { stringify } from 'csv-stringify/sync';
import type { ActionLog, ActionLogRow } from './action-log.query.js';

type TextField = { [K in keyof ActionLogRow]: ActionLogRow[K] extends string | null ? K : never }[keyof ActionLogRow];

const COLUMNS: readonly { readonly key: TextField; readonly header: string }[] = [
  { key: 'ref', header: 'Ref' },
  { key: 'meetingDate', header: 'Meeting date' },
  { key: 'itemNumber', header: 'Item' },
  { key: 'itemTitle', header: 'Item title' },
  { key: 'paperRef', header: 'Paper ref' },
  { key: 'partLabel', header: 'Resolution part' },
  { key: 'action', header: 'Action' },
  { key: 'owner', header: 'Owner' },
  { key: 'dueOn', header: 'Due' },
  { key: 'status', header: 'Status' },
  { key: 'ragStatus', header: 'RAG' },
  { key: 'latestUpdate', header: 'Latest update' },
  { key: 'outcome', header: 'Outcome' },
  { key: 'signOffNote', header: 'Sign-off note' },
  { key: 'dateClosed', header: 'Date closed' },
];

/**
 * The action log as RFC 4180 CSV: a header row, CRLF line ends, no BOM; a field holding a comma, a double quote
 * or a line break is quoted with its quotes doubled. Spreadsheets run a cell that starts like a formula
 * (= + - @, a tab or CR, or their full-width forms): escape_formulas makes it text with an apostrophe (CSV injection).
 * A null is an empty field.
 */
export function actionLogCsv(log: ActionLog): string {
  return stringify([...log.rows], {
    columns: [...COLUMNS],
    header: true,
    record_delimiter: '\r\n',
    // Given a record_delimiter, csv-stringify would otherwise leave a lone CR or LF in a field unquoted.
    quote_record_delimiter: true,
    escape_formulas: true,
  });
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
