import { randomUUID } from 'node:crypto';
import type { CommandResult, ConsoleGateway, FieldProblem } from '../console-gateway.js';
import type { AskedMetric, FiguresInput } from '../metrics-gateway.js';
import type { PageTools } from './scrutiny.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** The API's limits on a snapshot's subject and source. */
const SHORT_TEXT_LIMIT = 300;
/** 12, 12.5, -3, 1,250 or 12.5% (the unit may be typed too). */
const NUMBER = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/;

export type FiguresValues = Record<string, string>;

/** The input of one metric on the form. */
export const metricField = (metric: string): string => `metric-${metric}`;

/** The officer's figures form for an action that asks for figures: /actions/{id}/figures. */
export async function figuresPages(gateway: ConsoleGateway, page: PageTools): Promise<boolean> {
  const match = /^\/actions\/([^/]+)\/figures$/.exec(page.path);
  if (!match) return false;
  const actionId = match[1] ?? '';
  if (page.method === 'GET' || page.method === 'HEAD') return page.signedIn(() => figuresForm(gateway, page, actionId));
  if (page.method === 'POST') return page.withForm((form) => page.signedIn(() => recordFigures(gateway, page, actionId, form)));
  return false;
}

async function figuresForm(
  gateway: ConsoleGateway,
  page: PageTools,
  actionId: string,
  values: FiguresValues = {},
  status = 200,
  extra: { errors?: readonly FieldProblem[]; stale?: boolean; refusal?: string } = {},
): Promise<void> {
  if (!UUID.test(actionId)) return page.notFound();
  const caller = page.caller();
  const [action, figures] = await Promise.all([gateway.action(caller, actionId), gateway.actionFigures(caller, actionId)]);
  if (action.kind !== 'ok') return page.refused(action, 'see this action');
  if (figures.kind !== 'ok') return page.refused(figures, 'see this action');
  if (figures.value.asked.length === 0) return page.notFound();
  if (!figures.value.mayRecord)
    return page.refused(
      { kind: 'forbidden', detail: 'Only the officer holding the post that owns the action, or scrutiny staff, may record its figures.' },
      'record the figures for this action',
    );
  const errors = extra.errors ?? [];
  page.send(status, 'officer/figures', {
    title: 'Record the figures',
    action: action.value,
    figures: figures.value,
    values: { ...values, snapshotId: extra.stale || !UUID.test(values['snapshotId'] ?? '') ? randomUUID() : values['snapshotId'] },
    stale: extra.stale,
    refusal: extra.refusal,
    errors: errors.map((e) => ({ text: e.message, href: `#${anchorOf(e.field)}` })),
    fieldErrors: Object.fromEntries([...errors].reverse().map((e) => [e.field, e.message])),
  });
}

async function recordFigures(gateway: ConsoleGateway, page: PageTools, actionId: string, form: URLSearchParams): Promise<void> {
  if (!UUID.test(actionId)) return page.notFound();
  const caller = page.caller();
  const figures = await gateway.actionFigures(caller, actionId);
  if (figures.kind !== 'ok') return page.refused(figures, 'record the figures for this action');
  const asked = figures.value.asked;
  if (asked.length === 0) return page.notFound();
  const values: FiguresValues = Object.fromEntries(
    ['snapshotId', 'subject', 'asOfDay', 'asOfMonth', 'asOfYear', 'source', ...asked.map((m) => metricField(m.metric))].map((name) => [
      name,
      form.get(name) ?? '',
    ]),
  );
  const read = readFigures(values, asked);
  let result: CommandResult;
  if (read.errors.length > 0) result = { kind: 'invalid', errors: read.errors };
  else if (!UUID.test(values['snapshotId'] ?? '')) result = { kind: 'stale', currentVersion: -1 };
  else result = await gateway.recordFigures(caller, actionId, read.input);
  switch (result.kind) {
    case 'done':
      page.flash('Figures recorded');
      return page.redirect(`/actions/${actionId}`);
    case 'forbidden':
    case 'not-found':
      return page.refused(result, 'record the figures for this action');
    case 'invalid':
      return figuresForm(gateway, page, actionId, values, 400, { errors: result.errors.map((e) => formProblemOf(e, asked)) });
    case 'stale':
      return figuresForm(gateway, page, actionId, values, 409, { stale: true });
    case 'refused':
      return figuresForm(gateway, page, actionId, values, 409, { refusal: result.detail });
  }
}

/** The form's fields as the API's snapshot, or every problem with them, in the order the form shows them. */
export function readFigures(values: FiguresValues, asked: readonly AskedMetric[]): { input: FiguresInput; errors: FieldProblem[] } {
  const errors: FieldProblem[] = [];
  const subject = (values['subject'] ?? '').trim();
  const source = (values['source'] ?? '').trim();
  if (subject === '') errors.push({ field: 'subject', message: 'Enter who or what the figures are for' });
  else if (subject.length > SHORT_TEXT_LIMIT)
    errors.push({ field: 'subject', message: 'Who or what the figures are for must be 300 characters or fewer' });
  const asOf = calendarDate(values['asOfDay'] ?? '', values['asOfMonth'] ?? '', values['asOfYear'] ?? '');
  if (asOf === 'missing') errors.push({ field: 'asOf', message: 'Enter the date the figures stand for' });
  else if (asOf === 'invalid')
    errors.push({ field: 'asOf', message: 'The date the figures stand for must be a real date, like 31 12 2016' });
  if (source === '') errors.push({ field: 'source', message: 'Enter where the figures come from' });
  else if (source.length > SHORT_TEXT_LIMIT)
    errors.push({ field: 'source', message: 'Where the figures come from must be 300 characters or fewer' });
  const numbers = asked.map(({ metric, label, unit }) => {
    const typed = (values[metricField(metric)] ?? '').trim();
    const plain = (unit === '%' ? typed.replace(/\s*%$/, '') : typed).replace(/,/g, '');
    const what = label.charAt(0).toLowerCase() + label.slice(1);
    if (typed === '') errors.push({ field: metricField(metric), message: `Enter the ${what}` });
    else if (!NUMBER.test(unit === '%' ? typed.replace(/\s*%$/, '') : typed) || !Number.isFinite(Number(plain)))
      errors.push({ field: metricField(metric), message: `The ${what} must be a number, like 12.5` });
    return { metric, value: Number(plain), unit };
  });
  const date = asOf === 'missing' || asOf === 'invalid' ? '' : asOf;
  return { input: { snapshotId: values['snapshotId'] ?? '', subject, asOf: date, source, values: numbers }, errors };
}

function calendarDate(day: string, month: string, year: string): string | 'missing' | 'invalid' {
  const [d, m, y] = [day.trim(), month.trim(), year.trim()];
  if (d === '' && m === '' && y === '') return 'missing';
  if (!/^\d{1,2}$/.test(d) || !/^\d{1,2}$/.test(m) || !/^\d{4}$/.test(y)) return 'invalid';
  const iso = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(iso) ? iso : 'invalid';
}

/** The API names a snapshot's fields (values.1.value); the form names its inputs. */
function formProblemOf(problem: FieldProblem, asked: readonly AskedMetric[]): FieldProblem {
  const value = /^values\.(\d+)\./.exec(problem.field);
  const metric = value ? asked[Number(value[1])]?.metric : undefined;
  if (metric !== undefined) return { field: metricField(metric), message: problem.message };
  const formField = ['subject', 'asOf', 'source'].includes(problem.field) || asked.some((m) => metricField(m.metric) === problem.field);
  return formField ? problem : { field: 'subject', message: problem.message };
}

function anchorOf(field: string): string {
  return field === 'asOf' ? 'asOfDay' : field;
}
