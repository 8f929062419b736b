import { createServer, type Server } from 'node:http';
import request from 'supertest';
import {
  consoleMiddleware,
  type ConsoleGateway,
  type DecisionInput,
  type DecisionPage,
  type RecommendationPage,
  type ResponseInput,
} from '../src/index.js';
import { callInFrom, decisionFrom, responseFrom } from '../src/pages/cycle-forms.js';
import { decisionNextSteps, recommendationNextSteps } from '../src/pages/cycle-step-pages.js';
import { DECISION_STEPS, RECOMMENDATION_STEPS, stepApiFields, stepFrom } from '../src/pages/cycle-steps.js';
import { stubGateway } from './support/stub-gateway.js';

const COMMITTEE_ID = '5d7c3f0e-8a8b-4c3e-9f57-2b1f6a9c0d11';
const RECOMMENDATION_ID = '6a0d6c4e-2f4b-4d8e-9a51-0c3b7e2d1f90';
const DECISION_ID = '3f2b8e61-1c4a-4b7e-9d2f-8a6c5e4b3a21';
const RESPONSES = ['accepted', 'accepted-in-part', 'rejected'];
const KINDS = ['executive', 'portfolio-holder', 'full-council'];

const RECOMMENDATION: RecommendationPage = {
  recommendationId: RECOMMENDATION_ID,
  committee: { committeeId: COMMITTEE_ID, name: 'Adult Care and Health PDS Committee' },
  reference: '62',
  text: 'That the proposal to extend the recruitment and retention scheme be supported',
  decisionMaker: 'the Executive',
  madeOn: '2015-01-21',
  source: { reportRef: 'Report CS14078' },
  receivedOn: '2015-01-28',
  responseDueOn: '2015-03-27',
  responseStatus: { on: '2015-04-01', status: 'response-overdue', daysOverdue: 5 },
  history: [{ type: 'RecommendationMade', at: '2015-01-22T10:00:00Z', by: 'Angela Claridge' }],
  version: 2,
  mayRespond: true,
  mayRecordDecision: true,
  implementationActions: [],
  may: { send: true, publishResponse: true, linkAction: true, review: true, close: true },
};

const DECISION: DecisionPage = {
  decisionId: DECISION_ID,
  decisionMaker: 'the Executive',
  title: "Children's Social Care Recruitment & Retention Strategy",
  decision: 'The scheme is extended for 2015/16 and 2016/17',
  decidedOn: '2015-02-11',
  keyDecision: true,
  reasons: 'Recruitment remains difficult',
  recordedOnBehalf: true,
  recommendations: [{ recommendationId: RECOMMENDATION_ID, reference: '62', text: RECOMMENDATION.text }],
  publication: { publishedOn: '2015-02-12', callInEndsOn: '2015-02-19', effectiveOn: '2015-02-20' },
  implementation: { on: '2015-02-13', status: 'in-call-in-period', date: '2015-02-20' },
  history: [],
  version: 2,
  mayCallIn: true,
  may: { publish: true, concludeCallIn: true, reconsider: true },
};

const form = (fields: Record<string, string>) => new URLSearchParams(fields);

describe("the scrutiny cycle's forms as typed", () => {
  it('reads a response with its day, leaving out a blank proposed action', () => {
    const parsed = responseFrom(
      form({
        response: 'accepted-in-part',
        reasons: ' Costs ',
        proposedAction: ' ',
        respondedDay: '2',
        respondedMonth: '3',
        respondedYear: '2015',
      }),
      RESPONSES,
    );
    expect(parsed.errors).toEqual([]);
    expect(parsed.input).toEqual<ResponseInput>({ response: 'accepted-in-part', reasons: 'Costs', respondedOn: '2015-03-02' });
  });

  it('says what a response lacks, field by field, and keeps what was typed', () => {
    const parsed = responseFrom(
      form({ response: 'maybe', reasons: '', respondedDay: '30', respondedMonth: '2', respondedYear: '2015' }),
      RESPONSES,
    );
    expect(parsed.errors.map((e) => e.field)).toEqual(['response', 'reasons', 'respondedDay']);
    expect(parsed.errors[2]?.message).toBe('The day it responded must be a real date');
    expect(parsed.values['respondedDay']).toBe('30');
  });

  it('reads a decision: yes as a key decision, the recommendation chosen as the one it answers', () => {
    const parsed = decisionFrom(
      form({
        makerKind: 'executive',
        makerName: 'the Executive',
        makerPostId: '',
        title: 'Recruitment & Retention',
        decision: 'Extended',
        decidedDay: '11',
        decidedMonth: '2',
        decidedYear: '2015',
        keyDecision: 'yes',
        reasons: 'Hard to recruit',
        alternativesConsidered: '',
        recommendationId: RECOMMENDATION_ID,
        reportRef: 'Report CS14078',
      }),
      KINDS,
    );
    expect(parsed.errors).toEqual([]);
    expect(parsed.input).toEqual<DecisionInput>({
      decisionMaker: { kind: 'executive', name: 'the Executive' },
      title: 'Recruitment & Retention',
      decision: 'Extended',
      decidedOn: '2015-02-11',
      keyDecision: true,
      reasons: 'Hard to recruit',
      recommendationIds: [RECOMMENDATION_ID],
      reportRef: 'Report CS14078',
    });
  });

  it('asks whether a decision is key rather than taking silence for no', () => {
    const parsed = decisionFrom(form({ makerKind: 'executive', makerName: 'x', title: 't', decision: 'd', reasons: 'r' }), KINDS);
    expect(parsed.errors.map((e) => e.field)).toEqual(['decidedDay', 'keyDecision']);
  });

  it('reads the members calling a decision in one a line, blank lines dropped', () => {
    const parsed = callInFrom(form({ members: 'Cllr Ruth Bennett\r\n\r\n  Cllr Mary Cooke ', reasons: 'Costs not set out' }));
    expect(parsed.input).toEqual({ members: ['Cllr Ruth Bennett', 'Cllr Mary Cooke'], reasons: 'Costs not set out' });
    expect(callInFrom(form({ members: ' \n ', reasons: '' })).errors.map((e) => e.field)).toEqual(['members', 'reasons']);
  });
});

function serve(gateway: Partial<ConsoleGateway>): Server {
  const middleware = consoleMiddleware({
    gateway: stubGateway({
      grantableRoles: ['officer', 'scrutiny', 'member', 'monitoring'],
      cycleVocabulary: {
        executiveResponses: RESPONSES,
        decisionMakerKinds: KINDS,
        trackerStatuses: ['not-sent', 'awaiting-response', 'response-overdue', 'responded', 'closed'],
        implementationRags: ['red', 'amber', 'green'],
        callInOutcomes: ['upheld', 'referred-back', 'referred-to-council'],
        reconsiderationOutcomes: ['confirmed', 'amended', 'withdrawn'],
      },
      ...gateway,
    }),
    production: false,
    isAppPath: () => false,
    requestIds: () => ({ correlationId: 'c-1', requestId: 'r-1' }),
  });
  return createServer((req, res) => middleware(req, res, () => res.end()));
}

const tokenOf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';

async function signedIn(server: Server, roles = 'scrutiny') {
  const agent = request.agent(server).set('Accept', 'text/html');
  const page = await agent.get('/sign-in');
  await agent
    .post('/sign-in')
    .type('form')
    .send({ _csrf: tokenOf(page.text), personId: 'p-1', roles });
  return agent;
}

describe("the scrutiny cycle's pages", () => {
  it('tags an overdue response in the tracker and offers the CSV with the filters applied', async () => {
    let asked: unknown;
    const server = serve({
      recommendationsTracker: async (_caller, _id, filters) => {
        asked = filters;
        return {
          kind: 'ok',
          value: {
            committee: RECOMMENDATION.committee,
            asOf: '2015-04-01',
            rows: [
              {
                recommendationId: RECOMMENDATION_ID,
                reference: '62',
                text: RECOMMENDATION.text,
                decisionMaker: 'the Executive',
                receivedOn: '2015-01-28',
                responseDueOn: '2015-03-27',
                status: 'response-overdue',
                daysOverdue: 5,
                response: null,
                decision: null,
                closedOn: null,
              },
            ],
            nextCursor: null,
          },
        };
      },
    });
    const agent = await signedIn(server);
    const page = await agent.get(`/committees/${COMMITTEE_ID}/recommendations?status=response-overdue&municipalYear=2014%2F15`);
    expect(page.status).toBe(200);
    expect(asked).toEqual({ status: 'response-overdue', municipalYear: '2014/15' });
    expect(page.text).toMatch(/govuk-tag--red">\s*Overdue\s*<\/strong>\s*by 5 days/);
    expect(page.text).toContain('27 March 2015');
    expect(page.text).toContain(
      `href="/committees/${COMMITTEE_ID}/recommendations.csv?status=response-overdue&amp;municipalYear=2014%2F15"`,
    );
  });

  it('shows a filter the API refused on the filter form (400)', async () => {
    const server = serve({
      recommendationsTracker: async (_caller, _id, filters) =>
        filters.municipalYear
          ? { kind: 'invalid', errors: [{ field: 'municipalYear', message: 'municipalYear must be written like 2014/15' }] }
          : { kind: 'ok', value: { committee: RECOMMENDATION.committee, asOf: '2015-04-01', rows: [], nextCursor: null } },
    });
    const page = await (await signedIn(server)).get(`/committees/${COMMITTEE_ID}/recommendations?municipalYear=2014`);
    expect(page.status).toBe(400);
    expect(page.text).toContain('govuk-error-summary');
    expect(page.text).toContain('href="#municipalYear"');
    expect(page.text).toContain('value="2014"');
  });

  it('shows a recommendation with its history and offers the response form', async () => {
    const server = serve({ recommendation: async () => ({ kind: 'ok', value: RECOMMENDATION }) });
    const page = await (await signedIn(server)).get(`/recommendations/${RECOMMENDATION_ID}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('Overdue by 5 days');
    expect(page.text).toContain('Recommendation made');
    expect(page.text).toContain(`href="/recommendations/${RECOMMENDATION_ID}/response"`);
    expect(page.text).toContain(`href="/decisions/new?recommendation=${RECOMMENDATION_ID}"`);
  });

  it('sends the response at the version the form was opened at and redirects to the recommendation', async () => {
    const sent: [ResponseInput, number][] = [];
    const server = serve({
      recommendation: async () => ({ kind: 'ok', value: RECOMMENDATION }),
      recordResponse: async (_caller, _id, input, version) => {
        sent.push([input, version]);
        return { kind: 'done', version: 3 };
      },
    });
    const agent = await signedIn(server);
    const formPage = await agent.get(`/recommendations/${RECOMMENDATION_ID}/response`);
    expect(formPage.text).toContain('name="version" value="2"');
    const res = await agent
      .post(`/recommendations/${RECOMMENDATION_ID}/response`)
      .type('form')
      .send({
        _csrf: tokenOf(formPage.text),
        version: '2',
        response: 'accepted',
        reasons: 'Agreed',
        respondedDay: '11',
        respondedMonth: '2',
        respondedYear: '2015',
      });
    expect(res.status).toBe(303);
    expect(res.headers['location']).toBe(`/recommendations/${RECOMMENDATION_ID}`);
    expect(sent).toEqual([[{ response: 'accepted', reasons: 'Agreed', respondedOn: '2015-02-11' }, 2]]);
  });

  it('shows a decision in its call-in period and offers call-in', async () => {
    const server = serve({ decision: async () => ({ kind: 'ok', value: DECISION }) });
    const page = await (await signedIn(server, 'member')).get(`/decisions/${DECISION_ID}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('Not yet: in its call-in period (from 20 February 2015)');
    expect(page.text).toContain('19 February 2015');
    expect(page.text).toContain(`href="/decisions/${DECISION_ID}/call-in"`);
  });

  it('offers the recommendations to answer in the decision form, the one it came from selected', async () => {
    const server = serve({
      mayRecordDecision: async () => true,
      recommendation: async () => ({ kind: 'ok', value: RECOMMENDATION }),
      recommendationOptions: async (_caller, committeeId) => ({
        kind: 'ok',
        value:
          committeeId === COMMITTEE_ID
            ? [{ recommendationId: RECOMMENDATION_ID, committee: 'ACH PDS', reference: '62', text: 'Support' }]
            : [],
      }),
    });
    const page = await (await signedIn(server)).get(`/decisions/new?recommendation=${RECOMMENDATION_ID}`);
    expect(page.status).toBe(200);
    expect(page.text).toMatch(new RegExp(`<option value="${RECOMMENDATION_ID}" selected>ACH PDS, 62: Support</option>`));
    expect(page.text).toContain('value="the Executive"');
    expect(page.text).toContain('value="Report CS14078"');
  });

  it('refuses the decision form to roles that may not record one (403)', async () => {
    const page = await (await signedIn(serve({}), 'monitoring')).get('/decisions/new');
    expect(page.status).toBe(403);
  });

  it('lists the register with the call-in deadline and effective date, and offers recording to those allowed', async () => {
    const server = serve({
      mayRecordDecision: async () => true,
      decisionRegister: async () => ({
        kind: 'ok',
        value: {
          nextCursor: null,
          decisions: [
            {
              decisionId: DECISION_ID,
              decisionMaker: 'the Executive',
              title: DECISION.title,
              decidedOn: '2015-02-11',
              keyDecision: true,
              publishedOn: '2015-02-12',
              callInEndsOn: '2015-02-19',
              callInStatus: 'called-in',
              effectiveOn: null,
            },
          ],
        },
      }),
    });
    const page = await (await signedIn(server)).get('/decisions');
    expect(page.status).toBe(200);
    expect(page.text).toContain('href="/decisions/new"');
    const row = new RegExp(`data-decision-id="${DECISION_ID}">([\\s\\S]*?)</tr>`).exec(page.text)?.[1] ?? '';
    expect(row.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ')).toContain(
      '11 February 2015 12 February 2015 19 February 2015 Called in Not effective',
    );
  });

  it('sends the call-in at the version the form was opened at; a stale one shows the fresh state (409)', async () => {
    const sent: number[] = [];
    const server = serve({
      decision: async () => ({ kind: 'ok', value: DECISION }),
      requestCallIn: async (_caller, _id, _input, version) => {
        sent.push(version);
        return { kind: 'stale', currentVersion: 3 };
      },
    });
    const agent = await signedIn(server, 'member');
    const formPage = await agent.get(`/decisions/${DECISION_ID}/call-in`);
    expect(formPage.status).toBe(200);
    const res = await agent
      .post(`/decisions/${DECISION_ID}/call-in`)
      .type('form')
      .send({ _csrf: tokenOf(formPage.text), version: '2', members: 'Cllr Ruth Bennett', reasons: 'Costs' });
    expect(sent).toEqual([2]);
    expect(res.status).toBe(409);
    expect(res.text).toContain('This record changed since you opened the form');
    expect(res.text).toContain('Cllr Ruth Bennett');
  });
});

describe("the scrutiny cycle's later steps", () => {
  const vocabulary = {
    executiveResponses: RESPONSES,
    decisionMakerKinds: KINDS,
    trackerStatuses: [],
    implementationRags: ['red', 'amber', 'green'],
    callInOutcomes: ['upheld', 'referred-back', 'referred-to-council'],
    reconsiderationOutcomes: ['confirmed', 'amended', 'withdrawn'],
  };
  const step = (slug: string) => [...RECOMMENDATION_STEPS, ...DECISION_STEPS].find((s) => s.slug === slug)!;
  const hrefs = (links: readonly { href: string }[]) => links.map((l) => l.href.split('/').pop());

  it('reads a review as the API body, the day from its date input, and names the day field for the API field', () => {
    const parsed = stepFrom(
      step('reviews'),
      form({ rag: 'amber', evidence: ' Four posts filled ', reviewedDay: '3', reviewedMonth: '9', reviewedYear: '2015' }),
      vocabulary,
    );
    expect(parsed.errors).toEqual([]);
    expect(parsed.input).toEqual({ rag: 'amber', evidence: 'Four posts filled', reviewedOn: '2015-09-03' });
    expect(parsed.values['evidence']).toBe(' Four posts filled ');
    expect(stepApiFields(step('reviews'))).toEqual({ reviewedOn: 'reviewedDay' });
  });

  it('says what a step lacks, leaves a blank optional note out, and refuses a word the API does not offer', () => {
    const closure = stepFrom(step('closure'), form({ note: ' ', agreedDay: '31', agreedMonth: '2', agreedYear: '2016' }), vocabulary);
    expect(closure.errors).toEqual([{ field: 'agreedDay', message: 'The day of the meeting that agreed closure must be a real date' }]);
    expect(closure.input).toEqual({});
    const outcome = stepFrom(step('call-in-outcome'), form({ outcome: 'quashed' }), vocabulary);
    expect(outcome.errors.map((e) => e.field)).toEqual(['outcome', 'concludedDay']);
  });

  it('offers a recommendation only the steps its state allows, to roles that may take them', () => {
    const unsent = { ...RECOMMENDATION, receivedOn: undefined, responseDueOn: undefined };
    expect(hrefs(recommendationNextSteps(unsent))).toEqual(['sending']);
    expect(hrefs(recommendationNextSteps(RECOMMENDATION))).toEqual(['response']);
    const response = { response: 'rejected', reasons: 'No', respondedOn: '2015-02-11', late: false, recordedOnBehalf: true };
    expect(hrefs(recommendationNextSteps({ ...RECOMMENDATION, response }))).toEqual(['response-publication', 'closure']);
    const accepted = { ...RECOMMENDATION, response: { ...response, response: 'accepted' }, publishedOn: '2015-02-12' };
    expect(hrefs(recommendationNextSteps(accepted))).toEqual(['implementation-actions', 'reviews', 'closure']);
    expect(recommendationNextSteps({ ...accepted, closedOn: '2015-09-15' })).toEqual([]);
    const member = { ...accepted, may: { send: false, publishResponse: false, linkAction: false, review: false, close: false } };
    expect(recommendationNextSteps(member)).toEqual([]);
  });

  it('offers a decision publication, then call-in only in its period, then the outcome, then reconsideration once referred', () => {
    expect(hrefs(decisionNextSteps({ ...DECISION, publication: undefined }))).toEqual(['publication']);
    expect(hrefs(decisionNextSteps(DECISION))).toEqual(['call-in']);
    expect(decisionNextSteps({ ...DECISION, implementation: { on: '2015-02-20', status: 'effective', date: '2015-02-20' } })).toEqual([]);
    const callIn = { members: ['Cllr Ruth Bennett'], reasons: 'Costs', requestedOn: '2015-02-13' };
    expect(hrefs(decisionNextSteps({ ...DECISION, callIn }))).toEqual(['call-in-outcome']);
    expect(decisionNextSteps({ ...DECISION, callIn: { ...callIn, outcome: 'upheld', concludedOn: '2015-02-13' } })).toEqual([]);
    const referred = { ...DECISION, callIn: { ...callIn, outcome: 'referred-back', concludedOn: '2015-02-13' } };
    expect(hrefs(decisionNextSteps(referred))).toEqual(['reconsideration']);
    expect(decisionNextSteps({ ...referred, reconsideration: { outcome: 'confirmed', decidedOn: '2015-02-16' } })).toEqual([]);
  });
});
