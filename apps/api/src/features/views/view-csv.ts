import { stringify } from 'csv-stringify/sync';
import type { HeaderSink } from '../shared/send-folded.js';

export interface CsvColumn<Row> {
  readonly header: string;
  readonly value: (row: Row) => string | number | boolean | null;
}

/**
 * Rows as RFC 4180 CSV, as the action log writes it: a header row, CRLF line ends, quoted fields where needed,
 * formula-like cells made text (CSV injection), a null as an empty field.
 */
export function csvOf<Row>(rows: readonly Row[], columns: readonly CsvColumn<Row>[]): string {
  return stringify(
    rows.map((row) => columns.map((c) => c.value(row))),
    {
      columns: columns.map((c) => c.header),
      header: true,
      record_delimiter: '\r\n',
      quote_record_delimiter: true,
      escape_formulas: true,
      cast: { boolean: (value) => (value ? 'yes' : 'no') },
    },
  );
}

/** A name safe in Content-Disposition: lower-case ASCII words. */
export function fileSlug(name: string, fallback: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .toLowerCase()
    .slice(0, 80)
    .replace(/-+$/, '');
  return slug || fallback;
}

export function sendCsv(res: HeaderSink, fileName: string, csv: string): string {
  res.header('Content-Type', 'text/csv; charset=utf-8');
  res.header('Content-Disposition', `attachment; filename="${fileName}"`);
  return csv;
}
