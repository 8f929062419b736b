import type { FieldProblem } from '../console-gateway.js';
import type { CycleVocabulary } from '../scrutiny-cycle-gateway.js';
import type { ParsedForm } from './cycle-forms.js';
import { calendarDateFrom } from './form-input.js';

/**
 * A field of a step form, named by the API body's field it fills. A date is a GOV.UK date input whose inputs are
 * `<prefix>Day`, `<prefix>Month` and `<prefix>Year`; radios offer words of the API's vocabulary; a select, records.
 */
export type StepField =
  | { readonly kind: 'date'; readonly name: string; readonly prefix: string; readonly legend: string; readonly hint?: string }
  | {
      readonly kind: 'radios';
      readonly name: string;
      readonly legend: string;
      readonly options: (vocabulary: CycleVocabulary) => readonly string[];
      readonly words: Readonly<Record<string, string>>;
      readonly missing: string;
    }
  /** A choice among records the page lists (the committee's actions), not among the API's words. */
  | { readonly kind: 'select'; readonly name: string; readonly label: string; readonly missing: string }
  | {
      readonly kind: 'textarea';
      readonly name: string;
      readonly label: string;
      readonly hint?: string;
      /** What the error says when it is left blank; absent when it is optional. */
      readonly missing?: string;
    };

/** A step of the cycle taken through a form: one API route, its body's fields, and what the page says around it. */
export interface CycleStep {
  /** The API's word for the step, as the gateway takes it. */
  readonly kind: string;
  /** The form's address under the record, as the API's route names it. */
  readonly slug: string;
  readonly title: string;
  readonly button: string;
  /** "You cannot <what>". */
  readonly what: string;
  readonly flash: string;
  readonly fields: readonly StepField[];
}

export const RAG_WORDS = { red: 'Red: not on track', amber: 'Amber: some concerns', green: 'Green: on track or done' } as const;
export const OUTCOME_WORDS = {
  upheld: 'Upheld: the decision stands',
  'referred-back': 'Referred back to the decision maker',
  'referred-to-council': 'Referred to full council',
} as const;
export const RECONSIDERATION_WORDS = { confirmed: 'Confirmed', amended: 'Amended', withdrawn: 'Withdrawn' } as const;

const date = (name: string, prefix: string, legend: string): StepField => ({
  kind: 'date',
  name,
  prefix,
  legend,
  hint: 'For example, 28 1 2015',
});

/** The steps of a recommendation after it was made, besides the response (its own form). */
export const RECOMMENDATION_STEPS: readonly CycleStep[] = [
  {
    kind: 'send',
    slug: 'sending',
    title: 'Record when the decision maker received it',
    button: 'Record receipt',
    what: 'record when it was received',
    flash: 'Receipt recorded: the response is due two months from it',
    fields: [date('receivedOn', 'received', 'The day the decision maker received it')],
  },
  {
    kind: 'publish-response',
    slug: 'response-publication',
    title: 'Record the publication of the response',
    button: 'Record publication',
    what: 'record the publication of the response',
    flash: 'Publication of the response recorded',
    fields: [date('publishedOn', 'published', 'The day the response was published')],
  },
  {
    kind: 'link-action',
    slug: 'implementation-actions',
    title: 'Link an action that implements it',
    button: 'Link action',
    what: 'link an implementation action',
    flash: 'Implementation action linked',
    fields: [
      {
        kind: 'select',
        name: 'actionId',
        label: "The action, from the committee's action log",
        missing: 'Select the action that implements it',
      },
    ],
  },
  {
    kind: 'review',
    slug: 'reviews',
    title: 'Record a review of implementation',
    button: 'Record review',
    what: 'record a review of implementation',
    flash: 'Review recorded',
    fields: [
      {
        kind: 'radios',
        name: 'rag',
        legend: 'How implementation stands',
        options: (v) => v.implementationRags,
        words: RAG_WORDS,
        missing: 'Select how implementation stands',
      },
      { kind: 'textarea', name: 'evidence', label: 'Evidence', missing: 'Enter the evidence the committee saw' },
      date('reviewedOn', 'reviewed', 'The day of the meeting that reviewed it'),
    ],
  },
  {
    kind: 'close',
    slug: 'closure',
    title: 'Record that the committee agreed to close it',
    button: 'Record closure',
    what: 'record closure',
    flash: 'Closure recorded',
    fields: [
      date('agreedOn', 'agreed', 'The day of the meeting that agreed closure'),
      { kind: 'textarea', name: 'note', label: 'Note (optional)', hint: 'For example, implemented in full.' },
    ],
  },
];

/** The steps of a decision after it was recorded, besides the call-in request (its own form). */
export const DECISION_STEPS: readonly CycleStep[] = [
  {
    kind: 'publish',
    slug: 'publication',
    title: 'Record the publication of the decision',
    button: 'Record publication',
    what: 'record the publication of the decision',
    flash: 'Publication recorded: the call-in deadline is shown below',
    fields: [date('publishedOn', 'published', 'The day it was published')],
  },
  {
    kind: 'conclude-call-in',
    slug: 'call-in-outcome',
    title: 'Record the outcome of the call-in',
    button: 'Record outcome',
    what: 'record the outcome of the call-in',
    flash: 'Outcome of the call-in recorded',
    fields: [
      {
        kind: 'radios',
        name: 'outcome',
        legend: 'What the committee decided',
        options: (v) => v.callInOutcomes,
        words: OUTCOME_WORDS,
        missing: 'Select what the committee decided',
      },
      { kind: 'textarea', name: 'note', label: 'Note (optional)' },
      date('concludedOn', 'concluded', 'The day of the meeting that considered the call-in'),
    ],
  },
  {
    kind: 'reconsider',
    slug: 'reconsideration',
    title: 'Record the reconsideration',
    button: 'Record reconsideration',
    what: 'record the reconsideration',
    flash: 'Reconsideration recorded',
    fields: [
      {
        kind: 'radios',
        name: 'outcome',
        legend: 'What the decision maker decided',
        options: (v) => v.reconsiderationOutcomes,
        words: RECONSIDERATION_WORDS,
        missing: 'Select what the decision maker decided',
      },
      { kind: 'textarea', name: 'decision', label: 'The amended decision (if amended)' },
      { kind: 'textarea', name: 'reasons', label: 'Reasons', missing: 'Enter the reasons given' },
      date('decidedOn', 'decided', 'The day it was reconsidered'),
    ],
  },
];

/** A step's form as typed: each field checked, the body as the API takes it (blank optional fields left out). */
export function stepFrom(step: CycleStep, form: URLSearchParams, vocabulary: CycleVocabulary): ParsedForm<Record<string, string>> {
  const values: Record<string, string> = {};
  const input: Record<string, string> = {};
  const errors: FieldProblem[] = [];
  for (const field of step.fields) {
    if (field.kind === 'date') {
      for (const part of ['Day', 'Month', 'Year']) values[`${field.prefix}${part}`] = form.get(`${field.prefix}${part}`) ?? '';
      const day = calendarDateFrom(form, field.prefix, field.legend);
      if ('error' in day) errors.push(day.error);
      else if (day.value === undefined) errors.push({ field: `${field.prefix}Day`, message: `Enter ${lowerFirst(field.legend)}` });
      else input[field.name] = day.value;
      continue;
    }
    const typed = form.get(field.name) ?? '';
    values[field.name] = typed;
    const text = typed.trim();
    if (field.kind === 'radios' && !field.options(vocabulary).includes(text)) errors.push({ field: field.name, message: field.missing });
    else if (text === '' && field.kind !== 'radios' && field.missing) errors.push({ field: field.name, message: field.missing });
    else if (text !== '') input[field.name] = text;
  }
  return { values, input, errors };
}

/** The API names a date by its body's field; the form by its Day input. */
export function stepApiFields(step: CycleStep): Record<string, string> {
  return Object.fromEntries(step.fields.flatMap((f) => (f.kind === 'date' ? [[f.name, `${f.prefix}Day`]] : [])));
}

/** A step's fields as the template shows them: radios in the page's words for the API's, a select with the records listed. */
export function stepFieldsForView(
  step: CycleStep,
  vocabulary: CycleVocabulary,
  records: readonly { readonly value: string; readonly text: string }[] = [],
): readonly Record<string, unknown>[] {
  return step.fields.map((f) => {
    if (f.kind === 'radios') return { ...f, items: f.options(vocabulary).map((value) => ({ value, text: f.words[value] ?? value })) };
    if (f.kind === 'select') return { ...f, items: [{ value: '', text: 'Select an action' }, ...records] };
    return f;
  });
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
