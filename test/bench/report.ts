import type { Row } from './measure.js';

const HEADERS = ['adapter', 'scenario', 'ops', 'events', 'events/s', 'p50 ms', 'p99 ms', 'peak RSS MB', 'vs plain', 'notes'] as const;
/** Columns aligned right (numbers); the others align left. */
const NUMERIC = new Set([2, 3, 4, 5, 6, 7, 8]);

function cells(row: Row): string[] {
  return [
    row.adapter,
    row.scenario,
    String(row.ops),
    String(row.events),
    Math.round(row.eventsPerSec).toLocaleString('en-US'),
    row.p50Ms.toFixed(2),
    row.p99Ms.toFixed(2),
    row.peakRssMb.toFixed(0),
    row.ratio === undefined ? '' : `${(row.ratio * 100).toFixed(0)}%`,
    row.note ?? '',
  ];
}

export function formatTable(rows: readonly Row[]): string {
  const breaks = new Set(rows.flatMap((row, i) => (i > 0 && row.adapter !== rows[i - 1]?.adapter ? [i] : [])));
  return formatColumns(HEADERS, rows.map(cells), NUMERIC, breaks);
}

/** Columns padded to their widest cell, numbers aligned right, a rule under the headers and before each break. */
export function formatColumns(
  headers: readonly string[],
  body: readonly string[][],
  numeric: ReadonlySet<number>,
  breaks: ReadonlySet<number>,
): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...body.map((r) => (r[i] ?? '').length)));
  const line = (values: readonly string[]) =>
    values
      .map((v, i) => (numeric.has(i) ? v.padStart(widths[i] ?? 0) : v.padEnd(widths[i] ?? 0)))
      .join(' | ')
      .trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('-+-');
  const out = [line(headers), rule];
  body.forEach((r, i) => {
    if (breaks.has(i)) out.push(rule);
    out.push(line(r));
  });
  return out.join('\n');
}

export interface Verdict {
  readonly label: string;
  /** undefined: the scenario did not run. */
  readonly pass: boolean | undefined;
  readonly detail: string;
}

export function formatVerdicts(title: string, verdicts: readonly Verdict[]): string {
  const lines = verdicts.map((v) => `  ${v.pass === undefined ? 'SKIP' : v.pass ? 'PASS' : 'FAIL'}  ${v.label.padEnd(50)} ${v.detail}`);
  return [title, ...lines].join('\n');
}

const find = (rows: readonly Row[], adapter: string, prefix: string) =>
  rows.find((r) => r.adapter === adapter && r.scenario.startsWith(prefix));

const ratioAtLeast = (label: string, row: Row | undefined, share: number, eps: (r: Row) => string): Verdict => ({
  label,
  pass: row?.ratio === undefined ? undefined : row.ratio >= share,
  detail: row?.ratio === undefined ? 'not run' : `${(row.ratio * 100).toFixed(1)}% (${eps(row)})`,
});

/** The PostgreSQL targets from the briefs (issue 17's target 4: B and C against their plain equivalents). */
export function postgresTargets(rows: readonly Row[]): Verdict[] {
  const a = find(rows, 'postgres', 'A new streams, c=16');
  const b = find(rows, 'postgres', 'B ');
  const c = find(rows, 'postgres', 'C ');
  const d = find(rows, 'postgres', 'D ');
  const e = find(rows, 'postgres', 'E ');
  const eps = (r: Row) => `${Math.round(r.eventsPerSec).toLocaleString('en-US')} events/s`;
  return [
    {
      label: 'A c=16 >= 70% of bare INSERTs',
      pass: a?.ratio === undefined ? undefined : a.ratio >= 0.7,
      detail: a?.ratio === undefined ? 'not run' : `${(a.ratio * 100).toFixed(1)}% (${eps(a)})`,
    },
    ratioAtLeast('B exact versions >= 70% of plain', b, 0.7, eps),
    ratioAtLeast('C 16 writers, 1 stream >= 70% of plain', c, 0.7, eps),
    { label: 'D readAll >= 50,000 events/s', pass: d ? d.eventsPerSec >= 50_000 : undefined, detail: d ? eps(d) : 'not run' },
    { label: 'E catch-up >= 20,000 events/s', pass: e ? e.eventsPerSec >= 20_000 : undefined, detail: e ? eps(e) : 'not run' },
  ];
}
