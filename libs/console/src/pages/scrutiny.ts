import type { CalendarFeedAddress } from '../account-gateway.js';
import type { ServerResponse } from 'node:http';
import { ACTION_LOG_COLUMNS, actionLogDocx } from '../action-log-docx.js';
import type { CommandResult, ConsoleCaller, ConsoleGateway, FieldProblem, Refusal } from '../console-gateway.js';
import { CURSOR_PARAM, cursorOf, paginationOf } from '../pagination.js';
import type { ActionLogFilters } from '../scrutiny-gateway.js';

/** What the console's handler lends a page: its plumbing for sessions, forms and answers. */
export interface PageTools {
  readonly method: string;
  readonly path: string;
  readonly query: URLSearchParams;
  readonly res: ServerResponse;
  readonly flash: (text?: string) => string | undefined;
  readonly signedIn: (work: () => Promise<void>) => Promise<boolean>;
  readonly withForm: (work: (form: URLSearchParams) => Promise<unknown> | void) => Promise<boolean>;
  readonly caller: () => ConsoleCaller;
  readonly send: (status: number, view: string, context: Record<string, unknown>) => void;
  readonly refused: (refusal: Refusal, what: string) => void;
  readonly notFound: () => void;
  readonly redirect: (location: string) => void;
  /** The origin this request came to (scheme and host), for addresses the app has no public origin for. */
  readonly requestOrigin: () => string;
  /** Keeps a new calendar feed address for the next page only (given one), and hands back the one kept before. */
  readonly calendarFeedAddress: (address?: CalendarFeedAddress) => CalendarFeedAddress | undefined;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const VERSION = /^\d{1,9}$/;
const TEXT_LIMIT = 4000;

/** The statuses the action log's Status column holds, as the filter offers them. */
export const LOG_STATUSES = [
  { value: 'open', text: 'Open' },
  { value: 'overdue', text: 'Overdue' },
  { value: 'completed', text: 'Completed, awaiting sign-off' },
  { value: 'complete', text: 'Signed off' },
  { value: 'withdrawn', text: 'Withdrawn' },
] as const;

/** The scrutiny staff's pages: committees, the action log and its downloads, the chase list, chasing and signing off. */
export async function scrutinyPages(gateway: ConsoleGateway, page: PageTools): Promise<boolean> {
  const { method, path } = page;
  const committee = /^\/committees\/([^/]+)(\/action-log(?:\.(csv|docx))?)?$/.exec(path);
  const action = /^\/actions\/([^/]+)\/(chase|sign-off)$/.exec(path);
  if (method === 'GET' || method === 'HEAD') {
    if (path === '/committees') return page.signedIn(() => committees(gateway, page));
    if (path === '/chase-list') return page.signedIn(() => chaseList(gateway, page));
    if (committee) {
      const id = committee[1] ?? '';
      if (committee[2] === undefined) return page.signedIn(() => committeePage(gateway, page, id));
      return page.signedIn(() => actionLog(gateway, page, id, committee[3] as 'csv' | 'docx' | undefined));
    }
    if (action?.[2] === 'sign-off') return page.signedIn(() => signOffForm(gateway, page, action[1] ?? ''));
  } else if (method === 'POST' && action) {
    const [, id = '', kind] = action;
    return page.withForm((form) =>
      page.signedIn(() => (kind === 'chase' ? chase(gateway, page, id, form) : signOff(gateway, page, id, form))),
    );
  }
  return false;
}

async function committees(gateway: ConsoleGateway, page: PageTools): Promise<void> {
  const [list, mayRecord] = await Promise.all([gateway.committees(page.caller()), gateway.mayRecord(page.caller())]);
  if (list.kind !== 'ok') return page.refused(list, 'see the committees');
  page.send(200, 'scrutiny/committees', {
    title: 'Committees',
    activeNav: 'committees',
    committees: list.value,
    mayRecord,
    flash: page.flash(),
  });
}

async function committeePage(gateway: ConsoleGateway, page: PageTools, committeeId: string): Promise<void> {
  if (!UUID.test(committeeId)) return page.notFound();
  const caller = page.caller();
  const [found, mayRecord, maySetEscalation] = await Promise.all([
    gateway.committee(caller, committeeId),
    gateway.mayRecord(caller),
    gateway.maySetEscalation(caller),
  ]);
  if (found.kind !== 'ok') return page.refused(found, 'see this committee');
  page.send(200, 'scrutiny/committee', {
    title: found.value.committee.name,
    committee: found.value,
    mayRecord,
    maySetEscalation,
    flash: page.flash(),
  });
}

async function actionLog(gateway: ConsoleGateway, page: PageTools, committeeId: string, format: 'csv' | 'docx' | undefined): Promise<void> {
  if (!UUID.test(committeeId)) return page.notFound();
  const caller = page.caller();
  if (format === 'csv') {
    const csv = await gateway.actionLogCsv(caller, committeeId);
    if (csv.kind !== 'ok') return page.refused(csv, 'download this action log');
    return download(page.res, 'text/csv; charset=utf-8', csv.value.fileName, Buffer.from(csv.value.csv, 'utf8'));
  }
  if (format === 'docx') {
    const log = await gateway.wholeActionLog(caller, committeeId);
    if (log.kind !== 'ok') return page.refused(log, 'see this action log');
    const { committee, overdueOn, rows } = log.value;
    const document = await actionLogDocx({ committee: committee.name, date: ukDate(overdueOn), rows });
    const name = `action-log-${slug(committee.name) || committee.committeeId}.docx`;
    return download(page.res, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', name, document);
  }
  const filters: ActionLogFilters = {
    status: page.query.get('status') ?? '',
    overdueOnly: page.query.get('overdue') === 'yes',
    meeting: page.query.get('meeting') ?? '',
  };
  const log = await gateway.actionLog(caller, committeeId, { filters, cursor: cursorOf(page.query) });
  if (log.kind !== 'ok') return page.refused(log, 'see this action log');
  const { committee, overdueOn, rows, meetings, nextCursor } = log.value;
  page.send(200, 'scrutiny/action-log', {
    title: `${committee.name} action log`,
    committee,
    overdueOn,
    columns: ACTION_LOG_COLUMNS,
    rows,
    filters,
    statuses: LOG_STATUSES,
    meetings,
    pagination: paginationOf(page.path, page.query, nextCursor),
  });
}

async function chaseList(
  gateway: ConsoleGateway,
  page: PageTools,
  problem?: { actionId: string; message: string; note: string; after: string | undefined },
): Promise<void> {
  // A chase form sent from a later page answers with that page, where its action is.
  const query = problem ? new URLSearchParams(problem.after ? [[CURSOR_PARAM, problem.after]] : []) : page.query;
  const list = await gateway.chaseList(page.caller(), cursorOf(query));
  if (list.kind !== 'ok') return page.refused(list, 'see the chase list');
  page.send(problem ? 400 : 200, 'scrutiny/chase-list', {
    title: 'Chase list',
    activeNav: 'chase-list',
    list: list.value,
    pagination: paginationOf('/chase-list', query, list.value.nextCursor),
    cursor: cursorOf(query),
    flash: page.flash(),
    problem,
    errors: problem ? [{ text: problem.message, href: `#note-${problem.actionId}` }] : [],
  });
}

async function chase(gateway: ConsoleGateway, page: PageTools, actionId: string, form: URLSearchParams): Promise<void> {
  if (!UUID.test(actionId)) return page.notFound();
  const note = form.get('note') ?? '';
  const after = form.get(CURSOR_PARAM) || undefined;
  const message =
    note.trim() === '' ? 'Enter a message to the owner' : note.length > TEXT_LIMIT ? 'Message must be 4,000 characters or fewer' : '';
  if (message) return chaseList(gateway, page, { actionId, message, note, after });
  const result = await gateway.chaseAction(page.caller(), actionId, note);
  if (result.kind === 'done') {
    page.flash('Action chased');
    return page.redirect(after ? `/chase-list?${new URLSearchParams([[CURSOR_PARAM, after]]).toString()}` : '/chase-list');
  }
  if (result.kind === 'forbidden' || result.kind === 'not-found') return page.refused(result, 'chase this action');
  return chaseList(gateway, page, { actionId, message: problemText(result), note, after });
}

async function signOffForm(
  gateway: ConsoleGateway,
  page: PageTools,
  actionId: string,
  values: { note?: string; version?: number } = {},
  status = 200,
  extra: { errors?: readonly FieldProblem[]; stale?: boolean; refusal?: string } = {},
): Promise<void> {
  if (!UUID.test(actionId)) return page.notFound();
  const caller = page.caller();
  const [found, allowed] = await Promise.all([gateway.action(caller, actionId), gateway.mayChaseAndSignOff(caller)]);
  if (found.kind !== 'ok') return page.refused(found, 'see this action');
  if (!allowed) return page.refused({ kind: 'forbidden', detail: 'Your roles do not allow it.' }, 'sign off this action');
  const errors = extra.errors ?? [];
  page.send(status, 'scrutiny/sign-off', {
    title: 'Sign off',
    action: { ...found.value, version: values.version ?? found.value.version },
    values,
    stale: extra.stale,
    refusal: extra.refusal,
    errors: errors.map((e) => ({ text: e.message, href: `#${e.field}` })),
    fieldErrors: Object.fromEntries(errors.map((e) => [e.field, e.message])),
  });
}

async function signOff(gateway: ConsoleGateway, page: PageTools, actionId: string, form: URLSearchParams): Promise<void> {
  if (!UUID.test(actionId)) return page.notFound();
  const note = form.get('note') ?? '';
  const version = form.get('version') ?? '';
  if (note.length > TEXT_LIMIT) {
    const errors = [{ field: 'note', message: 'Sign-off note must be 4,000 characters or fewer' }];
    return signOffForm(gateway, page, actionId, { note, ...(VERSION.test(version) ? { version: Number(version) } : {}) }, 400, { errors });
  }
  const result: CommandResult = VERSION.test(version)
    ? await gateway.signOffAction(page.caller(), actionId, note, Number(version))
    : { kind: 'stale', currentVersion: -1 };
  switch (result.kind) {
    case 'done':
      page.flash('Action signed off');
      return page.redirect(`/actions/${actionId}`);
    case 'forbidden':
    case 'not-found':
      return page.refused(result, 'sign off this action');
    case 'stale':
      return signOffForm(gateway, page, actionId, { note }, 409, { stale: true });
    case 'invalid':
      return signOffForm(gateway, page, actionId, { note, version: Number(version) }, 400, { errors: result.errors });
    case 'refused':
      return signOffForm(gateway, page, actionId, { note }, 409, { refusal: result.detail });
  }
}

function problemText(result: CommandResult): string {
  switch (result.kind) {
    case 'invalid':
      return result.errors[0]?.message ?? 'Check the message';
    case 'refused':
      return result.detail;
    default:
      return 'This action changed; try again';
  }
}

function download(res: ServerResponse, type: string, fileName: string, body: Buffer): void {
  res.statusCode = 200;
  res.setHeader('Content-Type', type);
  res.setHeader('Content-Disposition', `attachment; filename="${fileName}"`);
  res.setHeader('Content-Length', String(body.length));
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.end(body);
}

function slug(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .toLowerCase()
    .slice(0, 80)
    .replace(/-+$/, '');
}

const UK_DATE = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

function ukDate(isoDate: string): string {
  const date = new Date(`${isoDate}T12:00:00Z`);
  return Number.isNaN(date.getTime()) ? isoDate : UK_DATE.format(date);
}
