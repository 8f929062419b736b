import type { ConsoleGateway, FieldProblem } from '../console-gateway.js';
import { cursorOf, paginationOf } from '../pagination.js';
import type { TrackerFilters } from '../scrutiny-cycle-gateway.js';
import { callInFrom, DECISION_API_FIELDS, decisionFrom, responseFrom } from './cycle-forms.js';
import {
  CycleStepPages,
  decisionFor,
  decisionNextSteps,
  decisionStep,
  recommendationFor,
  recommendationNextSteps,
  recommendationStep,
} from './cycle-step-pages.js';
import { OUTCOME_WORDS, RECONSIDERATION_WORDS } from './cycle-steps.js';
import { answerFailure, redirectWithBanner, sendForm, submitVersioned, versionFor, type FormState, type Values } from './form-flow.js';
import { errorContext } from './form-input.js';
import type { PageTools } from './scrutiny.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

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
  callIn: { none: 'None', 'called-in': 'Called in', ...OUTCOME_WORDS, reconsidered: 'Reconsidered' },
  reconsideration: RECONSIDERATION_WORDS,
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
  const steps = new CycleStepPages(gateway, page, WORDS);
  const recommendation = /^\/recommendations\/([^/]+)(?:\/([a-z-]+))?$/.exec(path);
  if (recommendation) {
    const [, id = '', form] = recommendation;
    if (form === undefined) return read ? page.signedIn(() => pages.recommendationPage(id)) : false;
    if (form === 'response') {
      return on(
        () => pages.responseForm(id, { values: {} }),
        (f) => pages.recordResponse(id, f),
      );
    }
    const step = recommendationStep(form);
    if (!step) return false;
    return on(
      () => steps.recommendationForm(id, step, { values: {} }),
      (f) => steps.takeRecommendationStep(id, step, f),
    );
  }
  if (path === '/decisions') return read ? page.signedIn(() => pages.register()) : false;
  if (path === '/decisions/new') {
    return on(
      () => pages.newDecision(),
      (f) => pages.recordDecision(f),
    );
  }
  const decision = /^\/decisions\/([^/]+)(?:\/([a-z-]+))?$/.exec(path);
  if (decision) {
    const [, id = '', form] = decision;
    if (form === undefined) return read ? page.signedIn(() => pages.decisionPage(id)) : false;
    if (form === 'call-in') {
      return on(
        () => pages.callInForm(id, { values: {} }),
        (f) => pages.requestCallIn(id, f),
      );
    }
    const step = decisionStep(form);
    if (!step) return false;
    return on(
      () => steps.decisionForm(id, step, { values: {} }),
      (f) => steps.takeDecisionStep(id, step, f),
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
    const found = await this.gateway.recommendationsTracker(caller, committeeId, filters, cursorOf(this.page.query));
    if (found.kind === 'ok') {
      const query = new URLSearchParams(Object.entries(filters).filter(([, v]) => v !== '')).toString();
      return this.show(200, 'cycle/tracker', {
        title: `${found.value.committee.name} recommendations`,
        tracker: found.value,
        filters,
        statuses: this.statusItems(filters.status),
        csvHref: `/committees/${committeeId}/recommendations.csv${query ? `?${query}` : ''}`,
        pagination: paginationOf(this.page.path, this.page.query, found.value.nextCursor),
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
      pagination: paginationOf(this.page.path, new URLSearchParams(), unfiltered.value.nextCursor),
      ...errorContext(found.errors),
    });
  }

  // ---- a recommendation and the response -------------------------------------------------------------------

  async recommendationPage(recommendationId: string): Promise<void> {
    const recommendation = await recommendationFor(this.gateway, this.page, recommendationId);
    if (!recommendation) return;
    this.show(200, 'cycle/recommendation', {
      title: `Recommendation ${recommendation.reference}`,
      recommendation,
      nextSteps: recommendationNextSteps(recommendation),
      flash: this.page.flash(),
    });
  }

  async responseForm(recommendationId: string, state: FormState, status = 200): Promise<void> {
    const recommendation = await recommendationFor(this.gateway, this.page, recommendationId);
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

  recordResponse(recommendationId: string, form: URLSearchParams): Promise<void> {
    if (!UUID.test(recommendationId)) return Promise.resolve(this.page.notFound());
    const { values, input, errors } = responseFrom(form, this.gateway.cycleVocabulary.executiveResponses);
    return submitVersioned(this.page, {
      form,
      values,
      errors,
      show: (state, status) => this.responseForm(recommendationId, state, status),
      run: (version) => this.gateway.recordResponse(this.page.caller(), recommendationId, input, version),
      what: 'record the response',
      fields: { respondedOn: 'respondedDay' },
      flash: 'Response recorded',
      location: `/recommendations/${recommendationId}`,
    });
  }

  // ---- decisions -------------------------------------------------------------------------------------------

  async register(): Promise<void> {
    const caller = this.page.caller();
    const [found, mayRecord] = await Promise.all([
      this.gateway.decisionRegister(caller, cursorOf(this.page.query)),
      this.gateway.mayRecordDecision(caller),
    ]);
    if (found.kind !== 'ok') return this.page.refused(found, 'see the decision register');
    this.show(200, 'cycle/register', {
      title: 'Decision register',
      decisions: found.value.decisions,
      pagination: paginationOf(this.page.path, this.page.query, found.value.nextCursor),
      mayRecord,
      flash: this.page.flash(),
    });
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
    if (result.kind === 'created') return redirectWithBanner(this.page, 'Decision recorded', `/decisions/${result.id}`);
    return answerFailure(this.page, result, 'record a decision', again, DECISION_API_FIELDS);
  }

  async decisionPage(decisionId: string): Promise<void> {
    const decision = await decisionFor(this.gateway, this.page, decisionId);
    if (!decision) return;
    this.show(200, 'cycle/decision', {
      title: decision.title,
      decision,
      nextSteps: decisionNextSteps(decision),
      flash: this.page.flash(),
    });
  }

  // ---- call-in ---------------------------------------------------------------------------------------------

  async callInForm(decisionId: string, state: FormState, status = 200): Promise<void> {
    const decision = await decisionFor(this.gateway, this.page, decisionId);
    if (!decision) return;
    if (!decision.mayCallIn) {
      return this.page.refused(
        { kind: 'forbidden', detail: 'Your roles do not allow it: members and scrutiny staff request call-in.' },
        'request call-in',
      );
    }
    this.send(status, 'cycle/call-in-form', 'Request call-in', state, { decision, version: versionFor(state, decision) });
  }

  requestCallIn(decisionId: string, form: URLSearchParams): Promise<void> {
    if (!UUID.test(decisionId)) return Promise.resolve(this.page.notFound());
    const { values, input, errors } = callInFrom(form);
    return submitVersioned(this.page, {
      form,
      values,
      errors,
      show: (state, status) => this.callInForm(decisionId, state, status),
      run: (version) => this.gateway.requestCallIn(this.page.caller(), decisionId, input, version),
      what: 'request call-in',
      fields: { 'members.0': 'members' },
      flash: 'Call-in requested',
      location: `/decisions/${decisionId}`,
    });
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

  private show(status: number, view: string, context: Record<string, unknown>): void {
    this.page.send(status, view, { words: WORDS, ...context });
  }

  private send(status: number, view: string, title: string, state: FormState, context: Record<string, unknown>): void {
    sendForm(this.page, status, view, title, state, { words: WORDS, ...context });
  }
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
