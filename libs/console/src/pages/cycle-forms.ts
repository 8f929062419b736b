import type { FieldProblem } from '../console-gateway.js';
import type { CallInInput, DecisionInput, ResponseInput } from '../scrutiny-cycle-gateway.js';
import { calendarDateFrom, namesFrom } from './form-input.js';

/** What a form sent: its typed values (kept on the page when it comes back), what it means, and what is wrong with it. */
export interface ParsedForm<T> {
  readonly values: Record<string, string>;
  readonly input: T;
  readonly errors: readonly FieldProblem[];
}

export const RESPONSE_FIELDS = ['response', 'reasons', 'proposedAction', 'respondedDay', 'respondedMonth', 'respondedYear'] as const;
export const DECISION_FIELDS = [
  'makerKind',
  'makerName',
  'makerPostId',
  'title',
  'decision',
  'decidedDay',
  'decidedMonth',
  'decidedYear',
  'keyDecision',
  'reasons',
  'alternativesConsidered',
  'recommendationId',
  'reportRef',
] as const;
export const CALL_IN_FIELDS = ['members', 'reasons'] as const;

function valuesOf(form: URLSearchParams, names: readonly string[]): Record<string, string> {
  return Object.fromEntries(names.map((name) => [name, form.get(name) ?? '']));
}

/** The executive's response: accepted, accepted in part or rejected, its reasons, any proposed action, and the day. */
export function responseFrom(form: URLSearchParams, responses: readonly string[]): ParsedForm<ResponseInput> {
  const values = valuesOf(form, RESPONSE_FIELDS);
  const errors: FieldProblem[] = [];
  if (!responses.includes(values['response'] ?? '')) errors.push({ field: 'response', message: 'Select the response' });
  const reasons = (values['reasons'] ?? '').trim();
  if (reasons === '') errors.push({ field: 'reasons', message: 'Enter the reasons given' });
  const day = calendarDateFrom(form, 'responded', 'The day it responded');
  if ('error' in day) errors.push(day.error);
  else if (day.value === undefined) errors.push({ field: 'respondedDay', message: 'Enter the day it responded' });
  const proposedAction = (values['proposedAction'] ?? '').trim();
  return {
    values,
    errors,
    input: {
      response: values['response'] ?? '',
      reasons,
      ...(proposedAction ? { proposedAction } : {}),
      respondedOn: 'value' in day ? (day.value ?? '') : '',
    },
  };
}

/** An executive decision: who took it, what, when, whether key, why, the alternatives and what it answers. */
export function decisionFrom(form: URLSearchParams, kinds: readonly string[]): ParsedForm<DecisionInput> {
  const values = valuesOf(form, DECISION_FIELDS);
  const text = (name: (typeof DECISION_FIELDS)[number]) => (values[name] ?? '').trim();
  const errors: FieldProblem[] = [];
  if (!kinds.includes(text('makerKind'))) errors.push({ field: 'makerKind', message: 'Select who took the decision' });
  if (text('makerName') === '') errors.push({ field: 'makerName', message: 'Enter the decision maker as the notice names it' });
  if (text('title') === '') errors.push({ field: 'title', message: 'Enter the title of the decision' });
  if (text('decision') === '') errors.push({ field: 'decision', message: 'Enter the decision' });
  const day = calendarDateFrom(form, 'decided', 'The day it was taken');
  if ('error' in day) errors.push(day.error);
  else if (day.value === undefined) errors.push({ field: 'decidedDay', message: 'Enter the day the decision was taken' });
  if (text('keyDecision') !== 'yes' && text('keyDecision') !== 'no') {
    errors.push({ field: 'keyDecision', message: 'Select whether it is a key decision' });
  }
  if (text('reasons') === '') errors.push({ field: 'reasons', message: 'Enter the reasons for the decision' });
  return {
    values,
    errors,
    input: {
      decisionMaker: { kind: text('makerKind'), name: text('makerName'), ...(text('makerPostId') ? { postId: text('makerPostId') } : {}) },
      title: text('title'),
      decision: text('decision'),
      decidedOn: 'value' in day ? (day.value ?? '') : '',
      keyDecision: text('keyDecision') === 'yes',
      reasons: text('reasons'),
      ...(text('alternativesConsidered') ? { alternativesConsidered: text('alternativesConsidered') } : {}),
      recommendationIds: text('recommendationId') ? [text('recommendationId')] : [],
      ...(text('reportRef') ? { reportRef: text('reportRef') } : {}),
    },
  };
}

/** A call-in: the members calling it in, one a line, and their reasons. */
export function callInFrom(form: URLSearchParams): ParsedForm<CallInInput> {
  const values = valuesOf(form, CALL_IN_FIELDS);
  const members = namesFrom(values['members'] ?? '');
  const reasons = (values['reasons'] ?? '').trim();
  const errors: FieldProblem[] = [];
  if (members.length === 0) errors.push({ field: 'members', message: 'Enter the members calling it in, one a line' });
  if (reasons === '') errors.push({ field: 'reasons', message: 'Enter the reasons for the call-in' });
  return { values, errors, input: { members, reasons } };
}

/** The API names a decision's fields by its body; the form by its inputs. */
export const DECISION_API_FIELDS: Readonly<Record<string, string>> = {
  'decisionMaker.kind': 'makerKind',
  'decisionMaker.name': 'makerName',
  'decisionMaker.postId': 'makerPostId',
  decisionMaker: 'makerKind',
  decidedOn: 'decidedDay',
  recommendationIds: 'recommendationId',
  'recommendationIds.0': 'recommendationId',
};
