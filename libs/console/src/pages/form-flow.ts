import type { CommandResult, FieldProblem } from '../console-gateway.js';
import type { CreateResult } from '../recording-gateway.js';
import { errorContext } from './form-input.js';
import type { PageTools } from './scrutiny.js';

const VERSION = /^\d{1,9}$/;

export type Values = Record<string, string>;

/** What a form page shows: what was typed, what is wrong with it, and whether the record moved on since it was opened. */
export interface FormState {
  readonly values: Values;
  readonly errors?: readonly FieldProblem[] | undefined;
  readonly stale?: boolean | undefined;
}

/** Shows the form again: with the problems (400 or 409), or fresh after a stale version (409). */
export type ShowForm = (state: FormState, status: number) => Promise<void>;

export type CommandFailure = Exclude<CommandResult | CreateResult, { kind: 'done' } | { kind: 'created' }>;

/** A form sent against a record at the version it was opened at. */
export interface VersionedSubmission {
  readonly form: URLSearchParams;
  /** What was typed, kept on the form when it comes back. */
  readonly values: Values;
  /** What the console found wrong before asking the API. */
  readonly errors: readonly FieldProblem[];
  readonly show: ShowForm;
  readonly run: (expectedVersion: number) => Promise<CommandResult>;
  /** The refusal page's words: "You cannot <what>". */
  readonly what: string;
  /** The API's field names, as the form names them. */
  readonly fields?: Readonly<Record<string, string>>;
  readonly flash: string;
  readonly location: string;
}

/**
 * The one way a versioned form is answered: its problems on the form (400), the command run at the version the form
 * was opened at, then Post/Redirect/Get with a banner (303), the domain's refusal on top (409), or the fresh state (409).
 */
export async function submitVersioned(page: PageTools, s: VersionedSubmission): Promise<void> {
  const version = s.form.get('version') ?? '';
  const again = (errors: readonly FieldProblem[], status = 400) => s.show({ values: { ...s.values, version }, errors }, status);
  if (s.errors.length > 0) return again(s.errors);
  const result: CommandResult = VERSION.test(version) ? await s.run(Number(version)) : { kind: 'stale', currentVersion: -1 };
  if (result.kind === 'done') return redirectWithBanner(page, s.flash, s.location);
  return answerFailure(page, result, s.what, again, s.fields ?? {}, () => s.show({ values: s.values, stale: true }, 409));
}

/** What a refused command says on its form: the API's field problems on the fields, the domain's refusal on top. */
export function answerFailure(
  page: PageTools,
  result: CommandFailure,
  what: string,
  again: (errors: readonly FieldProblem[], status?: number) => Promise<void>,
  fields: Readonly<Record<string, string>>,
  stale?: () => Promise<void>,
): Promise<void> {
  switch (result.kind) {
    case 'forbidden':
    case 'not-found':
      page.refused(result, what);
      return Promise.resolve();
    case 'invalid':
      return again(result.errors.map((e) => ({ field: fields[e.field] ?? e.field, message: e.message })));
    case 'refused':
      return again([{ field: 'main-content', message: result.detail }], 409);
    case 'stale':
      return stale ? stale() : again([{ field: 'main-content', message: 'This record changed; try again' }], 409);
  }
}

export function redirectWithBanner(page: PageTools, flash: string, location: string): void {
  page.flash(flash);
  page.redirect(location);
}

/** A form page: its title, what was typed, the error summary and inline messages, and the stale banner. */
export function sendForm(
  page: PageTools,
  status: number,
  view: string,
  title: string,
  state: FormState,
  context: Record<string, unknown>,
): void {
  page.send(status, view, { title, values: state.values, stale: state.stale, ...errorContext(state.errors ?? []), ...context });
}

/** A form sent at a version the record has moved past keeps it, so it is refused again until the fresh state is seen. */
export function versionFor(state: FormState | undefined, record: { readonly version: number }): number | string {
  return state?.stale || !state?.values['version'] ? record.version : (state.values['version'] ?? record.version);
}
