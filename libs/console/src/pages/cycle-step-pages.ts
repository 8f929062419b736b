import type { ConsoleCaller, ConsoleGateway, Read } from '../console-gateway.js';
import type { DecisionPage, DecisionStepInput, RecommendationPage, RecommendationStepInput } from '../scrutiny-cycle-gateway.js';
import { DECISION_STEPS, RECOMMENDATION_STEPS, stepApiFields, stepFieldsForView, stepFrom, type CycleStep } from './cycle-steps.js';
import { sendForm, submitVersioned, versionFor, type FormState } from './form-flow.js';
import type { PageTools } from './scrutiny.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SCRUTINY_ONLY = 'Your roles do not allow it: scrutiny staff record it.';
const DECISION_MAKER_OR_STAFF = "Your roles do not allow it: the decision maker's post holder or scrutiny staff record it.";

/** A link to a next step, shown only when the record's state allows the step and the caller's roles may take it. */
export interface NextStep {
  readonly text: string;
  readonly href: string;
}

export const recommendationStep = (slug: string): CycleStep | undefined => RECOMMENDATION_STEPS.find((s) => s.slug === slug);
export const decisionStep = (slug: string): CycleStep | undefined => DECISION_STEPS.find((s) => s.slug === slug);

/** Whether the caller's roles let them take a step, by the flag the gateway read from the step's route. */
function mayTake(step: CycleStep, record: RecommendationPage | DecisionPage): boolean {
  if ('recommendationId' in record) {
    const may = record.may;
    const byKind: Record<string, boolean> = {
      send: may.send,
      'publish-response': may.publishResponse,
      'link-action': may.linkAction,
      review: may.review,
      close: may.close,
    };
    return byKind[step.kind] ?? false;
  }
  const may = record.may;
  return { publish: may.publish, 'conclude-call-in': may.concludeCallIn, reconsider: may.reconsider }[step.kind] ?? false;
}

/** The steps a recommendation's page offers: what its state allows next and the caller's roles permit. */
export function recommendationNextSteps(r: RecommendationPage): NextStep[] {
  const base = `/recommendations/${r.recommendationId}`;
  const open = r.closedOn === undefined;
  const accepted = r.response?.response === 'accepted' || r.response?.response === 'accepted-in-part';
  return [
    { text: 'Record receipt', href: `${base}/sending`, when: r.may.send && open && !r.receivedOn },
    { text: 'Record the response', href: `${base}/response`, when: r.mayRespond && open && !!r.receivedOn && !r.response },
    {
      text: 'Record publication of the response',
      href: `${base}/response-publication`,
      when: r.may.publishResponse && open && !!r.response && !r.publishedOn,
    },
    { text: 'Link an implementation action', href: `${base}/implementation-actions`, when: r.may.linkAction && open && accepted },
    { text: 'Record a review', href: `${base}/reviews`, when: r.may.review && open && accepted },
    { text: 'Record closure', href: `${base}/closure`, when: r.may.close && open && !!r.response },
  ].flatMap(({ when, ...link }) => (when ? [link] : []));
}

/** The steps a decision's page offers: what its state allows next and the caller's roles permit. */
export function decisionNextSteps(d: DecisionPage): NextStep[] {
  const base = `/decisions/${d.decisionId}`;
  const inPeriod = !!d.publication && d.implementation.on <= d.publication.callInEndsOn;
  const referred = d.callIn?.outcome === 'referred-back' || d.callIn?.outcome === 'referred-to-council';
  return [
    { text: 'Record publication', href: `${base}/publication`, when: d.may.publish && !d.publication },
    { text: 'Request call-in', href: `${base}/call-in`, when: d.mayCallIn && inPeriod && !d.callIn },
    {
      text: 'Record the outcome of the call-in',
      href: `${base}/call-in-outcome`,
      when: d.may.concludeCallIn && !!d.callIn && !d.callIn.outcome,
    },
    { text: 'Record the reconsideration', href: `${base}/reconsideration`, when: d.may.reconsider && referred && !d.reconsideration },
  ].flatMap(({ when, ...link }) => (when ? [link] : []));
}

/** The forms of the cycle's later steps: one form per step, each answered the one versioned way. */
export class CycleStepPages {
  constructor(
    private readonly gateway: ConsoleGateway,
    private readonly page: PageTools,
    private readonly words: object,
  ) {}

  async recommendationForm(id: string, step: CycleStep, state: FormState, status = 200): Promise<void> {
    const r = await recommendationFor(this.gateway, this.page, id);
    if (!r) return;
    const records = step.kind === 'link-action' ? await this.unlinkedActions(r) : [];
    this.form(step, state, status, r, { recommendation: r, action: `/recommendations/${id}/${step.slug}` }, records);
  }

  takeRecommendationStep(id: string, step: CycleStep, form: URLSearchParams): Promise<void> {
    if (!UUID.test(id)) return Promise.resolve(this.page.notFound());
    const { values, input, errors } = stepFrom(step, form, this.gateway.cycleVocabulary);
    return submitVersioned(this.page, {
      form,
      values,
      errors,
      show: (state, status) => this.recommendationForm(id, step, state, status),
      run: (version) =>
        this.gateway.recommendationStep(this.page.caller(), id, { kind: step.kind, ...input } as RecommendationStepInput, version),
      what: step.what,
      fields: stepApiFields(step),
      flash: step.flash,
      location: `/recommendations/${id}`,
    });
  }

  async decisionForm(id: string, step: CycleStep, state: FormState, status = 200): Promise<void> {
    const d = await decisionFor(this.gateway, this.page, id);
    if (d) this.form(step, state, status, d, { decision: d, action: `/decisions/${id}/${step.slug}` });
  }

  takeDecisionStep(id: string, step: CycleStep, form: URLSearchParams): Promise<void> {
    if (!UUID.test(id)) return Promise.resolve(this.page.notFound());
    const { values, input, errors } = stepFrom(step, form, this.gateway.cycleVocabulary);
    return submitVersioned(this.page, {
      form,
      values,
      errors,
      show: (state, status) => this.decisionForm(id, step, state, status),
      run: (version) => this.gateway.decisionStep(this.page.caller(), id, { kind: step.kind, ...input } as DecisionStepInput, version),
      what: step.what,
      fields: stepApiFields(step),
      flash: step.flash,
      location: `/decisions/${id}`,
    });
  }

  /** The committee's actions not yet linked to the recommendation, as its action log lists them (none if it may not be seen). */
  private async unlinkedActions(r: RecommendationPage): Promise<{ value: string; text: string }[]> {
    const log = await this.gateway.wholeActionLog(this.page.caller(), r.committee.committeeId);
    if (log.kind !== 'ok') return [];
    const linked = new Set(r.implementationActions.map((a) => a.actionId));
    return log.value.rows.filter((a) => !linked.has(a.actionId)).map((a) => ({ value: a.actionId, text: `${a.ref}: ${a.action}` }));
  }

  private form(
    step: CycleStep,
    state: FormState,
    status: number,
    record: RecommendationPage | DecisionPage,
    context: Record<string, unknown>,
    records: readonly { value: string; text: string }[] = [],
  ): void {
    if (!mayTake(step, record)) {
      const detail = step.kind === 'reconsider' ? DECISION_MAKER_OR_STAFF : SCRUTINY_ONLY;
      return this.page.refused({ kind: 'forbidden', detail }, step.what);
    }
    sendForm(this.page, status, 'cycle/step-form', step.title, state, {
      words: this.words,
      fields: stepFieldsForView(step, this.gateway.cycleVocabulary, records),
      button: step.button,
      version: versionFor(state, record),
      ...context,
    });
  }
}

/** A record to show, or the page already answered (404 for a malformed id, or the gateway's refusal of `what`). */
export async function recordFor<T>(
  page: PageTools,
  id: string,
  read: (caller: ConsoleCaller, id: string) => Promise<Read<T>>,
  what: string,
): Promise<T | undefined> {
  if (!UUID.test(id)) {
    page.notFound();
    return undefined;
  }
  const found = await read(page.caller(), id);
  if (found.kind === 'ok') return found.value;
  page.refused(found, what);
  return undefined;
}

export const recommendationFor = (gateway: ConsoleGateway, page: PageTools, id: string): Promise<RecommendationPage | undefined> =>
  recordFor(page, id, (caller, recommendationId) => gateway.recommendation(caller, recommendationId), 'see this recommendation');

export const decisionFor = (gateway: ConsoleGateway, page: PageTools, id: string): Promise<DecisionPage | undefined> =>
  recordFor(page, id, (caller, decisionId) => gateway.decision(caller, decisionId), 'see this decision');
