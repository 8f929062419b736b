type Range = { readonly type: string; readonly subtype: string; readonly q: number };

function rangesOf(accept: string): Range[] {
  return accept.split(',').flatMap((entry) => {
    const [media = '', ...params] = entry.trim().toLowerCase().split(';');
    const [type, subtype] = media.trim().split('/');
    if (!type || !subtype) return [];
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const q = qParam === undefined ? 1 : Number(qParam.slice(2));
    return Number.isFinite(q) ? [{ type, subtype, q }] : [];
  });
}

/** The weight the most specific matching range gives a media type, and whether it was named outright. */
function weightOf(ranges: readonly Range[], type: string, subtype: string): { readonly q: number; readonly named: boolean } {
  const exact = ranges.find((r) => r.type === type && r.subtype === subtype);
  if (exact) return { q: exact.q, named: true };
  const partial = ranges.find((r) => r.type === type && r.subtype === '*') ?? ranges.find((r) => r.type === '*' && r.subtype === '*');
  return { q: partial?.q ?? 0, named: false };
}

/** True when the Accept header prefers text/csv to JSON (a tie goes to the type it names outright). */
export function prefersCsv(accept: string | undefined): boolean {
  if (!accept) return false;
  const ranges = rangesOf(accept);
  const csv = weightOf(ranges, 'text', 'csv');
  const json = weightOf(ranges, 'application', 'json');
  if (csv.q <= 0) return false;
  return csv.q > json.q || (csv.q === json.q && csv.named && !json.named);
}
