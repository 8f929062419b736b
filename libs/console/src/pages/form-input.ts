import type { FieldProblem } from '../console-gateway.js';

const TIME = /^(\d{1,2})(?:[:.](\d{2}))?\s*(am|pm)?$/i;
const LONDON_OFFSET = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', timeZoneName: 'longOffset' });

export type Parsed<T> = { readonly value: T } | { readonly error: FieldProblem };

/** A GOV.UK date input (fields `<prefix>Day`, `<prefix>Month`, `<prefix>Year`) as YYYY-MM-DD; undefined when all are blank. */
export function calendarDateFrom(form: URLSearchParams, prefix: string, label: string): Parsed<string | undefined> {
  const [day, month, year] = ['Day', 'Month', 'Year'].map((part) => (form.get(`${prefix}${part}`) ?? '').trim());
  if (!day && !month && !year) return { value: undefined };
  const d = Number(day);
  const m = Number(month);
  const y = Number(year);
  const calendar = new Date(Date.UTC(y, m - 1, d));
  const real =
    /^\d{1,2}$/.test(day ?? '') &&
    /^\d{1,2}$/.test(month ?? '') &&
    /^\d{4}$/.test(year ?? '') &&
    calendar.getUTCFullYear() === y &&
    calendar.getUTCMonth() === m - 1 &&
    calendar.getUTCDate() === d;
  if (!real) return { error: { field: `${prefix}Day`, message: `${label} must be a real date` } };
  return { value: `${String(y)}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}` };
}

/** A UK wall-clock time ("18:00", "6pm", "6:30pm") on a UK date, as an instant in UTC. */
export function ukInstantFrom(date: string, time: string, field: string, label: string): Parsed<string> {
  const t = TIME.exec(time.trim());
  let hours = Number(t?.[1]);
  const minutes = Number(t?.[2] ?? 0);
  const half = t?.[3]?.toLowerCase();
  if (half) hours = hours === 12 ? (half === 'am' ? 0 : 12) : half === 'pm' ? hours + 12 : hours;
  if (!t || hours > 23 || minutes > 59 || (half && Number(t[1]) > 12) || (!half && t[2] === undefined)) {
    return { error: { field, message: `${label}: enter a time like 18:00 or 6pm` } };
  }
  const [y, m, d] = date.split('-').map(Number);
  const wall = Date.UTC(y ?? 0, (m ?? 1) - 1, d ?? 1, hours, minutes);
  // The offset at that wall-clock time, read twice so a time near the clock change settles.
  let instant = wall - londonOffsetMs(wall);
  instant = wall - londonOffsetMs(instant);
  return { value: new Date(instant).toISOString() };
}

function londonOffsetMs(at: number): number {
  const name = LONDON_OFFSET.formatToParts(new Date(at)).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  if (!match) return 0;
  const sign = match[1] === '-' ? -1 : 1;
  return sign * (Number(match[2]) * 60 + Number(match[3])) * 60_000;
}

/** One name a line, blank lines and surrounding spaces dropped. */
export function namesFrom(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/** The error summary and the inline messages of a form: each problem linked to the field it is about. */
export function errorContext(errors: readonly FieldProblem[]): Record<string, unknown> {
  const fieldErrors: Record<string, string> = {};
  for (const e of errors) fieldErrors[e.field] ??= e.message;
  return { errors: errors.map((e) => ({ text: e.message, href: `#${e.field}` })), fieldErrors };
}
