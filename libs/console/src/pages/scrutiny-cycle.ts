import type { CommandResult, ConsoleGateway, FieldProblem } from '../console-gateway.js';
import type { CreateResult } from '../recording-gateway.js';
import type { DecisionPage, RecommendationPage, TrackerFilters } from '../scrutiny-cycle-gateway.js';
import { callInFrom, DECISION_API_FIELDS, decisionFrom, responseFrom } from './cycle-forms.js';
import { errorContext } from './form-input.js';
import type { PageTools } from './scrutiny.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const VERSION = /^\d{1,9}$/;

type Values = Record<string, string>;
type FormState = { values: Values; errors?: readonly FieldProblem[]; stale?: boolean };

/** The tracker's Status filter, in the API's words and the page's. */
export const TRACKER_STATUS_TEXT: Readonly<Record<string, string>> = {
  'not-sent': 'Not sent',
  'awaiting-response': 'Awaiting response',
  'response-overdue': 'Response overdue',
  responded: 'Responded',
  closed: 'Closed',
};

/** The API's words for the cycle as its pages write them. */
const WORDS = {
  status: TRACKER_STATUS_TEXT,
  response: { accepted: 'Accepted', 'accepted-in-part': 'Accepted in part', rejected: 'Rejected' },
  makerKind: { executive: 'The Executive', 'portfolio-holder': 'A portfolio holder', 'full-council': 'Full council' },
  callIn: {
    none: 'None',
    'called-in': 'Called in',
    upheld: 'Upheld: the decision stands',
    'referred-back': 'Referred back to the decision maker',
    'referred-to-council': 'Referred to full council',
    reconsidered: 'Reconsidered',
  },
  implementation: {
    'awaiting-publication': 'Not yet: awaiting publication',
    'in-call-in-period': 'Not yet: in its call-in period',
    'called-in': 'Paused: called in',
    'awaiting-reconsideration': 'Paused: awaiting reconsideration',
    withdrawn: 'Withdrawn',
    effective: 'Effective',
  },
} as const;

/**
 * The scrutiny cycle (issue 15): a committee's recommendations tracker, a recommendation and the executive's response,
 * the decision register, recording a decision and requesting call-in. Who may do what is the gateway's (the API's rules).
 */
export async function scrutinyCyclePages(gateway: ConsoleGateway, page: PageTools): Promise<boolean> {
  const pages = new ScrutinyCyclePages(gateway, page);
  const { method, path } = page;
  const read = method === 'GET' || method === 'HEAD';
  if (!read && method !== 'POST') return false;
  const on = (show: () => Promise<void>, send: (form: URLSearchParams) => Promise<void>): Promise<boolean> =>
    read ? page.signedIn(show) : page.withForm((form) => page.signedIn(() => send(form)));
  const tracker = /^\/committees\/([^/]+)\/recommendations(\.csv)?$/.exec(path);
  if (tracker) return read ? page.signedIn(() => pages.tracker(tracker[1] ?? '', tracker[2] !== undefined)) : false;
  const recommendation = /^\/recommendations\/([^/]+)(\/response)?$/.exec(path);
  if (recommendation) {
    const [, id = '', form] = recommendation;
    if (form === undefined) return read ? page.signedIn(() => pages.recommendationPage(id)) : false;
    return on(
      () => pages.responseForm(id, { values: {} }),
      (f) => pages.recordResponse(id, f),
    );
  }
  if (path === '/decisions') return read ? page.signedIn(() => pages.register()) : false;
  if (path === '/decisions/new') {
    return on(
      () => pages.newDecision(),
      (f) => pages.recordDecision(f),
    );
  }
  const decision = /^\/decisions\/([^/]+)(\/call-in)?$/.exec(path);
  if (decision) {
    const [, id = '', form] = decision;
    if (form === undefined) return read ? page.signedIn(() => pages.decisionPage(id)) : false;
    return on(
      () => pages.callInForm(id, { values: {} }),
      (f) => pages.requestCallIn(id, f),
    );
  }
  return false;
}

class ScrutinyCyclePages {
  constructor(
    private readonly gateway: ConsoleGateway,
    private readonly page: PageTools,
  ) {}

  // ---- the tracker -----------------------------------------------------------------------------------------

  async tracker(committeeId: string, csv: boolean): Promise<void> {
    if (!UUID.test(committeeId)) return this.page.notFound();
    const filters: TrackerFilters = {
      status: this.page.query.get('status') ?? '',
      municipalYear: this.page.query.get('municipalYear') ?? '',
    };
    const caller = this.page.caller();
    if (csv) {
      const file = await this.gateway.recommendationsTrackerCsv(caller, committeeId, filters);
      if (file.kind === 'ok') return download(this.page, file.value.fileName, file.value.csv);
      if (file.kind !== 'invalid') return this.page.refused(file, 'download this tracker');
    }
    const found = await this.gateway.recommendationsTracker(caller, committeeId, filters);
    if (found.kind === 'ok') {
      const query = new URLSearchParams(Object.entries(filters).filter(([, v]) => v !== '')).toString();
      return this.show(200, 'cycle/tracker', {
        title: `${found.value.committee.name} recommendations`,
        tracker: found.value,
        filters,
        statuses: this.statusItems(filters.status),
        csvHref: `/committees/${committeeId}/recommendations.csv${query ? `?${query}` : ''}`,
      });
    }
    if (found.kind !== 'invalid') return this.page.refused(found, 'see this tracker');
    // The filters the API refused are said on the filter form; the committee is shown unfiltered below it.
    const unfiltered = await this.gateway.recommendationsTracker(caller, committeeId, { status: '', municipalYear: '' });
    if (unfiltered.kind !== 'ok')
      return unfiltered.kind === 'invalid' ? this.page.notFound() : this.page.refused(unfiltered, 'see this tracker');
    this.show(400, 'cycle/tracker', {
      title: `${unfiltered.value.committee.name} recommendations`,
      tracker: unfiltered.value,
      filters,
      statuses: this.statusItems(filters.status),
      csvHref: `/committees/${committeeId}/recommendations.csv`,
      ...errorContext(found.errors),
    });
  }

  // ---- a recommendation and the response -------------------------------------------------------------------

  async recommendationPage(recommendationId: string): Promise<void> {
    const recommendation = await this.recommendation(recommendationId);
    if (!recommendation) return;
    this.show(200, 'cycle/recommendation', {
      title: `Recommendation ${recommendation.reference}`,
      recommendation,
      flash: this.page.flash(),
    });
  }

  async responseForm(recommendationId: string, state: FormState, status = 200): Promise<void> {
    const recommendation = await this.recommendation(recommendationId);
    if (!recommendation) return;
    if (!recommendation.mayRespond) {
      return this.page.refused(
        { kind: 'forbidden', detail: "Your roles do not allow it: the decision maker's post holder or scrutiny staff record it." },
        'record the response',
      );
    }
    this.send(status, 'cycle/response-form', "Record the decision maker's response", state, {
      recommendation,
      responses: this.gateway.cycleVocabulary.executiveResponses,
      version: versionFor(state, recommendation),
    });
  }

  async recordResponse(recommendationId: string, form: URLSearchParams): Promise<void> {
    if (!UUID.test(recommendationId)) return this.page.notFound();
    const { values, input, errors } = responseFrom(form, this.gateway.cycleVocabulary.executiveResponses);
    const version = form.get('version') ?? '';
    const again = (problems: readonly FieldProblem[], status = 400) =>
      this.responseForm(recommendationId, { values: { ...values, version }, errors: problems }, status);
    if (errors.length > 0) return again(errors);
    const result: CommandResult = VERSION.test(version)
      ? await this.gateway.recordResponse(this.page.caller(), recommendationId, input, Number(version))
      : { kind: 'stale', currentVersion: -1 };
    if (result.kind === 'done') return this.done('Response recorded', `/recommendations/${recommendationId}`);
    return this.failed(result, 'record the response', again, { respondedOn: 'respondedDay' }, () =>
      this.responseForm(recommendationId, { values, stale: true }, 409),
    );
  }

  // ---- decisions -------------------------------------------------------------------------------------------

  async register(): Promise<void> {
    const caller = this.page.caller();
    const [found, mayRecord] = await Promise.all([this.gateway.decisionRegister(caller), this.gateway.mayRecordDecision(caller)]);
    if (found.kind !== 'ok') return this.page.refused(found, 'see the decision register');
    this.show(200, 'cycle/register', { title: 'Decision register', decisions: found.value, mayRecord, flash: this.page.flash() });
  }

  async newDecision(): Promise<void> {
    const recommendationId = this.page.query.get('recommendation') ?? '';
    const values: Values = { committee: this.page.query.get('committee') ?? '' };
    if (UUID.test(recommendationId)) {
      const found = await this.gateway.recommendation(this.page.caller(), recommendationId);
      if (found.kind === 'ok') {
        Object.assign(values, {
          committee: found.value.committee.committeeId,
          recommendationId,
          makerName: found.value.decisionMaker,
          reportRef: found.value.source.reportRef ?? '',
        });
      }
    }
    return this.decisionForm({ values });
  }

  async decisionForm(state: FormState, status = 200): Promise<void> {
    const caller = this.page.caller();
    if (!(await this.gateway.mayRecordDecision(caller))) {
      return this.page.refused(
        { kind: 'forbidden', detail: "Your roles do not allow it: the decision maker's post holder or scrutiny staff record it." },
        'record a decision',
      );
    }
    const committee = state.values['committee'] ?? '';
    const [options, posts] = await Promise.all([
      this.gateway.recommendationOptions(caller, UUID.test(committee) ? committee : undefined),
      this.gateway.decisionMakerPosts(caller),
    ]);
    if (options.kind !== 'ok') return this.page.refused(options, 'see the recommendations');
    this.send(status, 'cycle/decision-form', 'Record a decision', state, {
      kinds: this.gateway.cycleVocabulary.decisionMakerKinds,
      recommendations: options.value,
      posts: posts.kind === 'ok' ? posts.value : [],
    });
  }

  async recordDecision(form: URLSearchParams): Promise<void> {
    const { values, input, errors } = decisionFrom(form, this.gateway.cycleVocabulary.decisionMakerKinds);
    const kept = { ...values, committee: form.get('committee') ?? '' };
    const again = (problems: readonly FieldProblem[], status = 400) => this.decisionForm({ values: kept, errors: problems }, status);
    if (errors.length > 0) return again(errors);
    const result = await this.gateway.recordDecision(this.page.caller(), input);
    if (result.kind === 'created') return this.done('Decision recorded', `/decisions/${result.id}`);
    return this.failed(result, 'record a decision', again, DECISION_API_FIELDS);
  }

  async decisionPage(decisionId: string): Promise<void> {
    const decision = await this.decision(decisionId);
    if (!decision) return;
    this.show(200, 'cycle/decision', { title: decision.title, decision, flash: this.page.flash() });
  }

  // ---- call-in ---------------------------------------------------------------------------------------------

  async callInForm(decisionId: string, state: FormState, status = 200): Promise<void> {
    const decision = await this.decision(decisionId);
    if (!decision) return;
    if (!decision.mayCallIn) {
      return this.page.refused(
        { kind: 'forbidden', detail: 'Your roles do not allow it: members and scrutiny staff request call-in.' },
        'request call-in',
      );
    }
    this.send(status, 'cycle/call-in-form', 'Request call-in', state, { decision, version: versionFor(state, decision) });
  }

  async requestCallIn(decisionId: string, form: URLSearchParams): Promise<void> {
    if (!UUID.test(decisionId)) return this.page.notFound();
    const { values, input, errors } = callInFrom(form);
    const version = form.get('version') ?? '';
    const again = (problems: readonly FieldProblem[], status = 400) =>
      this.callInForm(decisionId, { values: { ...values, version }, errors: problems }, status);
    if (errors.length > 0) return again(errors);
    const result: CommandResult = VERSION.test(version)
      ? await this.gateway.requestCallIn(this.page.caller(), decisionId, input, Number(version))
      : { kind: 'stale', currentVersion: -1 };
    if (result.kind === 'done') return this.done('Call-in requested', `/decisions/${decisionId}`);
    return this.failed(result, 'request call-in', again, { 'members.0': 'members' }, () =>
      this.callInForm(decisionId, { values, stale: true }, 409),
    );
  }

  // ---- plumbing --------------------------------------------------------------------------------------------

  private statusItems(selected: string): { value: string; text: string; selected: boolean }[] {
    return [
      { value: '', text: 'Any status', selected: selected === '' },
      ...this.gateway.cycleVocabulary.trackerStatuses.map((value) => ({
        value,
        text: TRACKER_STATUS_TEXT[value] ?? value,
        selected: value === selected,
      })),
    ];
  }

  private async recommendation(recommendationId: string): Promise<RecommendationPage | undefined> {
    if (!UUID.test(recommendationId)) {
      this.page.notFound();
      return undefined;
    }
    const found = await this.gateway.recommendation(this.page.caller(), recommendationId);
    if (found.kind === 'ok') return found.value;
    this.page.refused(found, 'see this recommendation');
    return undefined;
  }

  private async decision(decisionId: string): Promise<DecisionPage | undefined> {
    if (!UUID.test(decisionId)) {
      this.page.notFound();
      return undefined;
    }
    const found = await this.gateway.decision(this.page.caller(), decisionId);
    if (found.kind === 'ok') return found.value;
    this.page.refused(found, 'see this decision');
    return undefined;
  }

  private show(status: number, view: string, context: Record<string, unknown>): void {
    this.page.send(status, view, { words: WORDS, ...context });
  }

  private send(status: number, view: string, title: string, state: FormState, context: Record<string, unknown>): void {
    this.show(status, view, { title, values: state.values, stale: state.stale, ...errorContext(state.errors ?? []), ...context });
  }

  private done(flash: string, location: string): void {
    this.page.flash(flash);
    this.page.redirect(location);
  }

  /** What a refused command says on its form: the API's field problems on the fields, the domain's refusal on top. */
  private failed(
    result: Exclude<CommandResult | CreateResult, { kind: 'done' } | { kind: 'created' }>,
    what: string,
    again: (errors: readonly FieldProblem[], status?: number) => Promise<void>,
    fields: Readonly<Record<string, string>>,
    stale?: () => Promise<void>,
  ): Promise<void> {
    switch (result.kind) {
      case 'forbidden':
      case 'not-found':
        this.page.refused(result, what);
        return Promise.resolve();
      case 'invalid':
        return again(result.errors.map((e) => ({ field: fields[e.field] ?? e.field, message: e.message })));
      case 'refused':
        return again([{ field: 'main-content', message: result.detail }], 409);
      case 'stale':
        return stale ? stale() : again([{ field: 'main-content', message: 'This record changed; try again' }], 409);
    }
  }
}

/** A form sent at a version the record has moved past keeps it, so it is refused again until the fresh state is seen. */
function versionFor(state: FormState, record: { readonly version: number }): number | string {
  return state.stale || !state.values['version'] ? record.version : (state.values['version'] ?? record.version);
}

function download(page: PageTools, fileName: string, csv: string): void {
  const body = Buffer.from(csv, 'utf8');
  const res = page.res;
  res.statusCode = 200;
  res.setHeader('Content-Type', 'text/csv; charset=utf-8');
  res.setHeader('Content-Disposition', `attachment; filename="${fileName}"`);
  res.setHeader('Content-Length', String(body.length));
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.end(body);
}
