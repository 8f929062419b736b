import type { ServerResponse } from 'node:http';
import type { AuditSearch, VerifyOutcome } from '../audit-gateway.js';
import type { ConsoleCaller, ConsoleGateway, FieldProblem, Refusal } from '../console-gateway.js';

/** What the audit pages use of the console's page handling. */
export interface PageKit<P> {
  signedIn(page: P, work: () => Promise<void>): Promise<boolean>;
  withForm(page: P, work: (form: URLSearchParams) => Promise<unknown> | void): Promise<boolean>;
  send(page: P, status: number, view: string, context: Record<string, unknown>): void;
  refused(page: P, refusal: Refusal & { kind: 'forbidden' | 'not-found' }, what: string): void;
  notFound(page: P): void;
  callerOf(page: P): ConsoleCaller;
}

interface AuditPage {
  readonly req: { readonly headers: { readonly accept?: string | undefined } };
  readonly res: ServerResponse;
  readonly query: URLSearchParams;
  readonly session: object | undefined;
}

const MAX_TEXT = 255;
const POSITION = /^\d{1,18}$/;
const TIME = /^(\d{1,2})[:.](\d{2})(?::(\d{2}))?\s*(am|pm)?$/i;
const LONDON_OFFSET = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', timeZoneName: 'longOffset' });

/**
 * The monitoring officer's pages: the audit search (/audit), a record's history and how it stood at an instant
 * (/audit/streams/{id}), and the verification of the whole log (/audit/verify). Access is the gateway's.
 */
export class AuditPages<P extends AuditPage> {
  /** The latest verification each session ran, shown once by the page the form redirects to. */
  private readonly results = new WeakMap<object, VerifyOutcome>();

  constructor(
    private readonly gateway: ConsoleGateway,
    private readonly kit: PageKit<P>,
  ) {}

  /** Answers the audit paths; false for any other. */
  async handle(page: P, method: string, path: string): Promise<boolean> {
    if (!path.startsWith('/audit')) return false;
    const stream = /^\/audit\/streams\/([^/]+)$/.exec(path);
    if (method === 'GET' || method === 'HEAD') {
      if (path === '/audit') return this.kit.signedIn(page, () => this.search(page));
      if (stream) return this.kit.signedIn(page, () => this.history(page, decodeURIComponent(stream[1] ?? '')));
      if (path === '/audit/verify') return this.kit.signedIn(page, () => this.verifyForm(page));
      if (path === '/audit/verify/result') return this.kit.signedIn(page, () => this.verifyResult(page));
    } else if (method === 'POST' && path === '/audit/verify') {
      return this.kit.withForm(page, () => this.kit.signedIn(page, () => this.verify(page)));
    }
    return false;
  }

  private async search(page: P): Promise<void> {
    const q = page.query;
    const values = Object.fromEntries(
      ['stream', 'actor', 'type', ...instantFields('from'), ...instantFields('to')].map((name) => [name, (q.get(name) ?? '').trim()]),
    );
    const errors: FieldProblem[] = [];
    const search: { -readonly [K in keyof AuditSearch]: AuditSearch[K] } = {};
    for (const [field, key] of [
      ['stream', 'stream'],
      ['actor', 'actorId'],
      ['type', 'type'],
    ] as const) {
      const value = values[field] ?? '';
      if (value === '') continue;
      if (!isText(value)) errors.push({ field, message: 'Enter 255 characters or fewer' });
      else search[key] = value;
    }
    const from = instantFrom(values, 'from', 'Recorded from');
    const to = instantFrom(values, 'to', 'Recorded before');
    if ('error' in from) errors.push(from.error);
    else search.from = from.instant;
    if ('error' in to) errors.push(to.error);
    else search.to = to.instant;
    if (search.from && search.to && search.from > search.to)
      errors.push({ field: 'toDay', message: 'Recorded before must be after recorded from' });
    const after = q.get('after');
    if (after !== null && POSITION.test(after)) search.after = after;
    const people = await this.gateway.directory();
    const context = { title: 'Audit log', activeNav: 'audit', values, people };
    if (errors.length > 0) {
      // Asked without filters only for the route's access rule: whoever may not search sees the 403 page, not the form.
      const allowed = await this.gateway.searchAudit(this.kit.callerOf(page), {});
      if (allowed.kind === 'forbidden' || allowed.kind === 'not-found') return this.kit.refused(page, allowed, 'see the audit log');
      return this.kit.send(page, 400, 'audit/search', { ...context, ...errorContext(errors) });
    }
    const result = await this.gateway.searchAudit(this.kit.callerOf(page), search);
    if (result.kind === 'invalid') return this.kit.send(page, 400, 'audit/search', { ...context, ...errorContext(result.errors) });
    if (result.kind !== 'ok') return this.kit.refused(page, result, 'see the audit log');
    let next: string | undefined;
    if (result.value.nextAfter !== null) {
      const params = new URLSearchParams([...q].filter(([name]) => name !== 'after'));
      params.set('after', String(result.value.nextAfter));
      next = `/audit?${params.toString()}`;
    }
    this.kit.send(page, 200, 'audit/search', { ...context, events: result.value.events, next, searched: q.size > 0 });
  }

  private async history(page: P, streamOrRecordId: string): Promise<void> {
    const caller = this.kit.callerOf(page);
    if (streamOrRecordId === '' || !isText(streamOrRecordId)) return this.kit.notFound(page);
    const entries = await this.gateway.streamEntries(caller, streamOrRecordId);
    if (entries.kind === 'ambiguous') {
      return this.kit.send(page, 409, 'error', {
        title: 'Records of several kinds have this id',
        lines: [`Choose one: ${entries.streams.join(', ')}.`],
        links: entries.streams.map((s) => ({ href: `/audit/streams/${encodeURIComponent(s)}`, text: s })),
      });
    }
    if (entries.kind !== 'ok') return this.kit.refused(page, entries, "see this record's history");
    const values = Object.fromEntries(instantFields('asOf').map((name) => [name, (page.query.get(name) ?? '').trim()]));
    const context = { title: `History of ${entries.value.streamId}`, activeNav: 'audit', history: entries.value, values };
    if (!instantFields('asOf').some((name) => page.query.has(name))) return this.kit.send(page, 200, 'audit/stream', context);
    const asOf = instantFrom(values, 'asOf', 'The instant', true);
    if ('error' in asOf) return this.kit.send(page, 400, 'audit/stream', { ...context, ...errorContext([asOf.error]) });
    const record = await this.gateway.recordAsOf(caller, entries.value.streamId, asOf.instant ?? '');
    if (record.kind !== 'ok') return this.kit.refused(page, record, "see this record's history");
    this.kit.send(page, 200, 'audit/stream', { ...context, record: record.value });
  }

  private async verifyForm(page: P): Promise<void> {
    const allowed = await this.gateway.mayVerify(this.kit.callerOf(page));
    if (allowed.kind !== 'ok') return this.kit.refused(page, allowed, 'verify the audit log');
    this.kit.send(page, 200, 'audit/verify', { title: 'Verify the audit log', activeNav: 'audit' });
  }

  private async verifyResult(page: P): Promise<void> {
    const allowed = await this.gateway.mayVerify(this.kit.callerOf(page));
    if (allowed.kind !== 'ok') return this.kit.refused(page, allowed, 'verify the audit log');
    const result = page.session ? this.results.get(page.session) : undefined;
    if (!result) return this.kit.send(page, 200, 'audit/verify', { title: 'Verify the audit log', activeNav: 'audit' });
    this.kit.send(page, 200, 'audit/verify-result', {
      title: result.ok ? 'The audit log is intact' : 'The audit log is broken',
      activeNav: 'audit',
      result,
    });
  }

  /** With JavaScript the page asks for NDJSON and shows the count as it grows; the result page is the same either way. */
  private async verify(page: P): Promise<void> {
    const res = page.res;
    const streaming = /application\/x-ndjson/.test(page.req.headers.accept ?? '');
    if (streaming) {
      const allowed = await this.gateway.mayVerify(this.kit.callerOf(page));
      if (allowed.kind !== 'ok') return this.kit.refused(page, allowed, 'verify the audit log');
      res.statusCode = 200;
      res.setHeader('Content-Type', 'application/x-ndjson; charset=utf-8');
      res.setHeader('Cache-Control', 'no-store');
      res.write(`${JSON.stringify({ checkedEvents: 0 })}\n`);
    }
    const result = await this.gateway.verifyLog(
      this.kit.callerOf(page),
      streaming ? (checkedEvents) => res.write(`${JSON.stringify({ checkedEvents })}\n`) : undefined,
    );
    if (result.kind !== 'ok') {
      if (streaming) return void res.end(`${JSON.stringify({ error: 'refused' })}\n`);
      return this.kit.refused(page, result, 'verify the audit log');
    }
    if (page.session) this.results.set(page.session, result.value);
    if (streaming) return void res.end(`${JSON.stringify({ done: true, location: '/audit/verify/result' })}\n`);
    res.statusCode = 303;
    res.setHeader('Location', '/audit/verify/result');
    res.end();
  }
}

/** What the store's stream ids and the audit filters can hold: up to 255 characters, no NUL. */
function isText(value: string): boolean {
  return value.length <= MAX_TEXT && !value.includes('\u0000');
}

function instantFields(prefix: string): string[] {
  return [`${prefix}Day`, `${prefix}Month`, `${prefix}Year`, `${prefix}Time`];
}

/**
 * A GOV.UK date input and a time (UK time: "14:30", "14:30:15", "2:30pm"; midnight when left blank) as an instant; nothing
 * when all are blank, unless required.
 */
function instantFrom(
  values: Record<string, string>,
  prefix: string,
  label: string,
  required = false,
): { instant: string | undefined } | { error: FieldProblem } {
  const [day, month, year, time] = instantFields(prefix).map((name) => values[name] ?? '');
  if (!day && !month && !year && !time) {
    return required ? { error: { field: `${prefix}Day`, message: `Enter the date ${label.toLowerCase()}` } } : { instant: undefined };
  }
  const d = Number(day);
  const m = Number(month);
  const y = Number(year);
  const valid = /^\d{1,2}$/.test(day ?? '') && /^\d{1,2}$/.test(month ?? '') && /^\d{4}$/.test(year ?? '');
  const calendar = new Date(Date.UTC(y, m - 1, d));
  if (!valid || calendar.getUTCFullYear() !== y || calendar.getUTCMonth() !== m - 1 || calendar.getUTCDate() !== d || y < 1900) {
    return { error: { field: `${prefix}Day`, message: `${label} must be a real date` } };
  }
  let hours = 0;
  let minutes = 0;
  let seconds = 0;
  if (time) {
    const t = TIME.exec(time);
    hours = Number(t?.[1]);
    minutes = Number(t?.[2]);
    seconds = Number(t?.[3] ?? 0);
    const half = t?.[4]?.toLowerCase();
    if (half) hours = hours === 12 ? (half === 'am' ? 0 : 12) : half === 'pm' ? hours + 12 : hours;
    if (!t || hours > 23 || minutes > 59 || seconds > 59 || (half && Number(t[1]) > 12)) {
      return { error: { field: `${prefix}Time`, message: `${label}: enter a time like 14:30 or 2:30pm` } };
    }
  }
  const wall = Date.UTC(y, m - 1, d, hours, minutes, seconds);
  // UK time: the offset at that wall-clock time (read twice so a time near the clock change settles).
  let instant = wall - londonOffsetMs(wall);
  instant = wall - londonOffsetMs(instant);
  return { instant: new Date(instant).toISOString() };
}

function londonOffsetMs(at: number): number {
  const name = LONDON_OFFSET.formatToParts(new Date(at)).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  if (!match) return 0;
  const sign = match[1] === '-' ? -1 : 1;
  return sign * (Number(match[2]) * 60 + Number(match[3])) * 60_000;
}

function errorContext(errors: readonly FieldProblem[]): Record<string, unknown> {
  const fieldErrors: Record<string, string> = {};
  for (const e of errors) fieldErrors[e.field] ??= e.message;
  return { errors: errors.map((e) => ({ text: e.message, href: `#${e.field}` })), fieldErrors };
}
