import type { ActionPage, CommandResult, ConsoleGateway, FieldProblem } from '../console-gateway.js';
import type { MeetingOption, PostEntry } from '../staff-gateway.js';
import type { PageTools } from './scrutiny.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const VERSION = /^\d{1,9}$/;
const TEXT_LIMIT = 4000;

export type ManageKind = 'reopen' | 'due-date' | 'reassign' | 'withdraw';

interface ManageForm {
  readonly title: string;
  readonly what: string;
  readonly done: string;
  readonly button: string;
  /** The statuses the domain accepts the command in: the action page offers the form only then. */
  readonly statuses: readonly string[];
}

export const MANAGE_FORMS: Record<ManageKind, ManageForm> = {
  reopen: {
    title: 'Reopen the action',
    what: 'reopen this action',
    done: 'Action reopened',
    button: 'Reopen',
    statuses: ['completed', 'closed'],
  },
  'due-date': {
    title: 'Change the due date',
    what: 'change the due date of this action',
    done: 'Due date changed',
    button: 'Change the due date',
    statuses: ['open', 'completed'],
  },
  reassign: {
    title: 'Reassign the action',
    what: 'reassign this action',
    done: 'Action reassigned',
    button: 'Reassign',
    statuses: ['open', 'completed'],
  },
  withdraw: {
    title: 'Withdraw the action',
    what: 'withdraw this action',
    done: 'Action withdrawn',
    button: 'Withdraw',
    statuses: ['open', 'completed'],
  },
};

/** The management forms the action page offers for an action in this status. */
export function manageLinksFor(status: string): { kind: ManageKind; text: string }[] {
  return (Object.keys(MANAGE_FORMS) as ManageKind[])
    .filter((kind) => MANAGE_FORMS[kind].statuses.includes(status))
    .map((kind) => ({ kind, text: MANAGE_FORMS[kind].title }));
}

type Values = Record<string, string>;

interface Shown {
  readonly values?: Values;
  readonly version?: number | undefined;
  readonly errors?: readonly FieldProblem[];
  readonly stale?: boolean;
  readonly refusal?: string;
}

/** The staff's forms on an action: reopen, change the due date, reassign and withdraw, each with a reason. */
export async function staffPages(gateway: ConsoleGateway, page: PageTools): Promise<boolean> {
  const match = /^\/actions\/([^/]+)\/(reopen|due-date|reassign|withdraw)$/.exec(page.path);
  if (!match) return false;
  const [, actionId = '', kind] = match as unknown as [string, string, ManageKind];
  if (page.method === 'GET' || page.method === 'HEAD') return page.signedIn(() => showForm(gateway, page, actionId, kind, 200));
  if (page.method === 'POST') return page.withForm((form) => page.signedIn(() => send(gateway, page, actionId, kind, form)));
  return false;
}

async function showForm(gateway: ConsoleGateway, page: PageTools, actionId: string, kind: ManageKind, status: number, shown: Shown = {}) {
  if (!UUID.test(actionId)) return page.notFound();
  const caller = page.caller();
  const [found, allowed] = await Promise.all([gateway.action(caller, actionId), gateway.mayManageActions(caller)]);
  if (found.kind !== 'ok') return page.refused(found, 'see this action');
  if (!allowed) return page.refused({ kind: 'forbidden', detail: 'Your roles do not allow it.' }, MANAGE_FORMS[kind].what);
  const options = await optionsFor(gateway, page, actionId, kind);
  if (options === undefined) return;
  const action: ActionPage = { ...found.value, version: shown.version ?? found.value.version };
  const errors = shown.errors ?? [];
  page.send(status, 'staff/manage-action', {
    title: MANAGE_FORMS[kind].title,
    form: { kind, ...MANAGE_FORMS[kind] },
    action,
    values: shown.values ?? {},
    ...options,
    stale: shown.stale,
    refusal: shown.refusal,
    errors: errors.map((e) => ({ text: e.message, href: `#${anchorOf(e.field)}` })),
    fieldErrors: Object.fromEntries(errors.map((e) => [e.field, e.message])),
  });
}

/** The posts a reassignment may choose, or the meetings a due date may be tied to; undefined when refused. */
async function optionsFor(
  gateway: ConsoleGateway,
  page: PageTools,
  actionId: string,
  kind: ManageKind,
): Promise<{ posts?: readonly PostEntry[]; meetings?: readonly MeetingOption[] } | undefined> {
  const caller = page.caller();
  if (kind === 'reassign') {
    const posts = await gateway.posts(caller, 'all');
    if (posts.kind !== 'ok') return void page.refused(posts, 'see the posts');
    return { posts: posts.value.items };
  }
  if (kind === 'due-date') {
    const meetings = await gateway.dueMeetingOptions(caller, actionId);
    if (meetings.kind !== 'ok') return void page.refused(meetings, MANAGE_FORMS[kind].what);
    return { meetings: meetings.value };
  }
  return {};
}

async function send(gateway: ConsoleGateway, page: PageTools, actionId: string, kind: ManageKind, form: URLSearchParams): Promise<void> {
  if (!UUID.test(actionId)) return page.notFound();
  const values: Values = {
    reason: form.get('reason') ?? '',
    ...(kind === 'due-date'
      ? {
          dueDay: (form.get('dueDay') ?? '').trim(),
          dueMonth: (form.get('dueMonth') ?? '').trim(),
          dueYear: (form.get('dueYear') ?? '').trim(),
          dueMeetingId: form.get('dueMeetingId') ?? '',
        }
      : {}),
    ...(kind === 'reassign' ? { ownerPostId: form.get('ownerPostId') ?? '' } : {}),
  };
  const versionText = form.get('version') ?? '';
  const version = VERSION.test(versionText) ? Number(versionText) : undefined;
  const errors = problemsOf(kind, values);
  if (errors.length > 0) return showForm(gateway, page, actionId, kind, 400, { values, version, errors });
  if (version === undefined) return showForm(gateway, page, actionId, kind, 409, { values, stale: true });
  const result = await run(gateway, page, actionId, kind, values, version);
  switch (result.kind) {
    case 'done':
      page.flash(MANAGE_FORMS[kind].done);
      return page.redirect(`/actions/${actionId}`);
    case 'forbidden':
    case 'not-found':
      return page.refused(result, MANAGE_FORMS[kind].what);
    case 'stale':
      return showForm(gateway, page, actionId, kind, 409, { values, stale: true });
    case 'invalid':
      return showForm(gateway, page, actionId, kind, 400, { values, version, errors: result.errors });
    case 'refused':
      return showForm(gateway, page, actionId, kind, 409, { values, refusal: result.detail });
  }
}

function run(
  gateway: ConsoleGateway,
  page: PageTools,
  actionId: string,
  kind: ManageKind,
  values: Values,
  version: number,
): Promise<CommandResult> {
  const caller = page.caller();
  const reason = values['reason'] ?? '';
  switch (kind) {
    case 'reopen':
      return gateway.reopenAction(caller, actionId, reason, version);
    case 'withdraw':
      return gateway.withdrawAction(caller, actionId, reason, version);
    case 'reassign':
      return gateway.reassignAction(caller, actionId, values['ownerPostId'] ?? '', reason, version);
    case 'due-date': {
      const dueDate = dueDateOf(values);
      const dueMeetingId = values['dueMeetingId'] || undefined;
      return gateway.changeActionDue(caller, actionId, { reason, dueDate: dueDate || undefined, dueMeetingId }, version);
    }
  }
}

function problemsOf(kind: ManageKind, values: Values): FieldProblem[] {
  const errors: FieldProblem[] = [];
  if (kind === 'reassign' && !UUID.test(values['ownerPostId'] ?? ''))
    errors.push({ field: 'ownerPostId', message: 'Select the post to own the action' });
  if (kind === 'due-date') errors.push(...dueProblems(values));
  const reason = values['reason'] ?? '';
  if (reason.trim() === '') errors.push({ field: 'reason', message: 'Enter the reason' });
  else if (reason.length > TEXT_LIMIT) errors.push({ field: 'reason', message: 'Reason must be 4,000 characters or fewer' });
  return errors;
}

function dueProblems(values: Values): FieldProblem[] {
  const meeting = values['dueMeetingId'] ?? '';
  const parts = [values['dueDay'] ?? '', values['dueMonth'] ?? '', values['dueYear'] ?? ''];
  if (meeting !== '' && !UUID.test(meeting)) return [{ field: 'dueMeetingId', message: 'Select a meeting from the list' }];
  if (parts.every((p) => p === '')) {
    return meeting === '' ? [{ field: 'dueDate', message: 'Enter the due date or select a meeting' }] : [];
  }
  if (meeting !== '') return [{ field: 'dueDate', message: 'Enter a due date or select a meeting, not both' }];
  const missing = (['day', 'month', 'year'] as const).filter((_, i) => parts[i] === '');
  if (missing.length > 0) return [{ field: 'dueDate', message: `Due date must include a ${missing.join(' and ')}` }];
  if (dueDateOf(values) === '') return [{ field: 'dueDate', message: 'Due date must be a real date' }];
  return [];
}

/** YYYY-MM-DD from the day, month and year typed, or '' when they make no real date. */
function dueDateOf(values: Values): string {
  const [day, month, year] = [values['dueDay'] ?? '', values['dueMonth'] ?? '', values['dueYear'] ?? ''];
  if (!/^\d{1,2}$/.test(day) || !/^\d{1,2}$/.test(month) || !/^\d{4}$/.test(year)) return '';
  const iso = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  const date = new Date(`${iso}T12:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === iso ? iso : '';
}

function anchorOf(field: string): string {
  return field === 'dueDate' ? 'dueDate-day' : field;
}
