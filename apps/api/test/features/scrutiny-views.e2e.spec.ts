import { expectProblem, startFeatureApp, type FeatureApp } from './support/feature-app.js';
import { setClock, ViewClient } from './support/views-world.js';

const EXECUTIVE = { kind: 'executive', name: 'the Executive' } as const;

type Tracked = { reference: string; status: string; [key: string]: unknown };

/**
 * Bromley's Adult Care and Health PDS Committee on 1 June 2015: one recommendation answered late and closed,
 * one awaiting a response due within a fortnight, one overdue, one (made in 2015/16) not yet sent; and the
 * Executive's decisions at each stage of call-in.
 */
describe('views over HTTP: the recommendations tracker, the decision register and responses on the chase list', () => {
  let f: FeatureApp;
  let client: ViewClient;
  let committeeId: string;
  let otherCommitteeId: string;
  let answered: string;
  let actionId: string;
  let decisionIds: { answering: string; calledIn: string; unpublished: string };
  const send = (path: string, body: object) => client.send('post', path, body);
  const view = (path: string, query: Record<string, string> = {}, headers: Record<string, string> = {}) =>
    client.view(path, query, headers);
  const tracker = (query: Record<string, string> = {}, headers: Record<string, string> = {}) =>
    view(`/committees/${committeeId}/recommendations`, query, headers);
  const references = (rows: Tracked[]) => rows.map((r) => r.reference);

  beforeAll(async () => {
    f = await startFeatureApp();
    client = new ViewClient(f);
    setClock(f, '2015-05-26T10:00:00Z');
    committeeId = await send('/committees', { name: 'Adult Care and Health PDS Committee', kind: 'scrutiny' });
    otherCommitteeId = await send('/committees', { name: 'Children, Education and Families PDS Committee', kind: 'scrutiny' });
    const meetingId = await send('/meetings', { committeeId, date: '2015-01-21' });
    await send(`/meetings/${meetingId}/items`, { number: '62', title: 'Recruitment & Retention Strategy', paperRef: 'Report CS14078' });
    const resolutionId = await send(`/meetings/${meetingId}/resolutions`, {
      itemNumber: '62',
      parts: [{ text: 'RESOLVED that the proposal … be supported.', kind: 'supported' }],
    });
    const postId = await send('/posts', { title: 'Portfolio Holder for Care Services' });
    const recommend = (reference: string, madeOn = '2015-01-21', source: object = { resolutionId }) =>
      send('/recommendations', {
        committeeId,
        ...source,
        reference,
        text: `Recommendation ${reference}`,
        decisionMaker: EXECUTIVE,
        madeOn,
      });

    answered = await recommend('R1');
    await send(`/recommendations/${answered}/sending`, { receivedOn: '2015-01-28' });
    await send(`/recommendations/${answered}/response`, { response: 'accepted', reasons: 'Agreed', respondedOn: '2015-03-30' });
    actionId = await send('/actions', { resolutionId, title: 'Extend the scheme', ownerPostId: postId, dueDate: '2015-04-30' });
    await send(`/actions/${actionId}/progress`, { note: 'Under way', rag: 'amber' });
    await send(`/recommendations/${answered}/implementation-actions`, { actionId });
    await send(`/recommendations/${answered}/reviews`, { rag: 'green', evidence: 'Scheme extended', reviewedOn: '2015-05-20' });
    await send(`/recommendations/${answered}/closure`, { agreedOn: '2015-05-20' });
    const awaited = await recommend('R2');
    await send(`/recommendations/${awaited}/sending`, { receivedOn: '2015-04-10' });
    const overdue = await recommend('R3');
    await send(`/recommendations/${overdue}/sending`, { receivedOn: '2015-03-02' });
    await recommend('R4', '2015-05-12', { reportRef: 'Report CS15001' });
    const elsewhere = await send('/recommendations', {
      committeeId: otherCommitteeId,
      reportRef: 'Report ED15002',
      reference: 'E1',
      text: 'Another committee',
      decisionMaker: EXECUTIVE,
      madeOn: '2015-02-01',
    });
    await send(`/recommendations/${elsewhere}/sending`, { receivedOn: '2015-03-02' });

    const decide = (title: string, decidedOn: string, extra: object = {}) =>
      send('/decisions', { decisionMaker: EXECUTIVE, title, decision: title, decidedOn, keyDecision: true, reasons: 'Reasons', ...extra });
    const answering = await decide('Extend the recruitment scheme', '2015-03-30', {
      recommendationIds: [answered],
      reportRef: 'Report CS14078',
    });
    await send(`/decisions/${answering}/publication`, { publishedOn: '2015-03-31' });
    const calledIn = await decide('Close the day centre', '2015-05-22', { keyDecision: false });
    await send(`/decisions/${calledIn}/publication`, { publishedOn: '2015-05-26' });
    await send(`/decisions/${calledIn}/call-in`, { members: ['Cllr A', 'Cllr B'], reasons: 'Not consulted' });
    const unpublished = await decide('Review the charging policy', '2015-05-26');
    decisionIds = { answering, calledIn, unpublished };
    setClock(f, '2015-06-01T10:00:00Z');
  }, 60_000);
  afterAll(() => f.close());

  describe('the recommendations tracker', () => {
    it('lists each recommendation with its clock, the response (late), the decision, implementation actions and closure', async () => {
      const res = await tracker();
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ committee: { committeeId, name: 'Adult Care and Health PDS Committee' }, asOf: '2015-06-01' });
      expect(references(res.body.rows)).toEqual(['R1', 'R2', 'R3', 'R4']);
      expect(res.body.rows[0]).toEqual({
        recommendationId: answered,
        reference: 'R1',
        text: 'Recommendation R1',
        decisionMaker: { kind: 'executive', name: 'the Executive', postId: null },
        madeOn: '2015-01-21',
        receivedOn: '2015-01-28',
        responseDueOn: '2015-03-27',
        status: 'closed',
        responseOverdue: false,
        daysOverdue: 0,
        response: { response: 'accepted', respondedOn: '2015-03-30', late: true, recordedOnBehalf: true, publishedOn: null },
        decision: {
          decisionId: decisionIds.answering,
          title: 'Extend the recruitment scheme',
          decidedOn: '2015-03-30',
          callInStatus: 'none',
          callInEndsOn: expect.stringMatching(/^2015-04-/),
          effectiveOn: expect.stringMatching(/^2015-04-/),
        },
        implementationActions: [{ actionId, ref: 'A1', title: 'Extend the scheme', status: 'open', rag: 'amber', dueOn: '2015-04-30' }],
        lastReview: { rag: 'green', reviewedOn: '2015-05-20' },
        closureAgreed: true,
        closedOn: '2015-05-20',
      });
    });

    it('shows a response overdue on today by the Clock, and awaited when asked as of a day before it fell due', async () => {
      const rows: Tracked[] = (await tracker()).body.rows;
      expect(rows.map((r) => [r.reference, r.status, r.responseOverdue, r.daysOverdue])).toEqual([
        ['R1', 'closed', false, 0],
        ['R2', 'awaiting-response', false, 0],
        ['R3', 'response-overdue', true, 31],
        ['R4', 'not-sent', false, 0],
      ]);
      const earlier: Tracked[] = (await tracker({ asOf: '2015-05-01' })).body.rows;
      expect(earlier.find((r) => r.reference === 'R3')).toMatchObject({ status: 'awaiting-response', responseDueOn: '2015-05-01' });
    });

    it('filters by status and by municipal year (2014/15 is 1 May 2014 to 30 April 2015)', async () => {
      expect(references((await tracker({ status: 'response-overdue' })).body.rows)).toEqual(['R3']);
      expect(references((await tracker({ status: 'awaiting-response' })).body.rows)).toEqual(['R2']);
      expect(references((await tracker({ status: 'closed' })).body.rows)).toEqual(['R1']);
      expect(references((await tracker({ status: 'responded' })).body.rows)).toEqual([]);
      expect(references((await tracker({ municipalYear: '2014/15' })).body.rows)).toEqual(['R1', 'R2', 'R3']);
      expect(references((await tracker({ municipalYear: '2015/16' })).body.rows)).toEqual(['R4']);
      expect(references((await tracker({ municipalYear: '2015/16', status: 'not-sent' })).body.rows)).toEqual(['R4']);
    });

    it('pages in the order made (as recorded within a day), each page continuing after the last', async () => {
      const first = await tracker({ limit: '2' });
      expect(references(first.body.rows)).toEqual(['R1', 'R2']);
      const second = await tracker({ limit: '2', after: first.body.nextAfter });
      expect(references(second.body.rows)).toEqual(['R3', 'R4']);
      expect(second.body.nextAfter).toBeNull();
      expectProblem(await tracker({ after: Buffer.from('["2015-01-21","R1"]').toString('base64url') }), 400, 'validation-failed');
    });

    it('answers CSV for Accept: text/csv or ?format=csv, the whole list, late and overdue in their columns', async () => {
      const res = await tracker({}, { Accept: 'text/csv' });
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/csv/);
      expect(res.headers['content-disposition']).toBe('attachment; filename="recommendations-adult-care-and-health-pds-committee.csv"');
      const lines = res.text.trimEnd().split('\r\n');
      expect(lines[0]).toBe(
        'Reference,Recommendation,Decision maker,Made,Received,Response due,Status,Days overdue,Response,Responded,Response late,' +
          'Decision,Decided,Call-in status,Effective,Implementation actions,Last review RAG,Closure agreed',
      );
      expect(lines).toHaveLength(5);
      expect(lines[1]).toMatch(/^R1,Recommendation R1,the Executive,2015-01-21,2015-01-28,2015-03-27,closed,,accepted,2015-03-30,yes,/);
      expect(lines[1]).toMatch(/,A1 open \(amber\),green,2015-05-20$/);
      expect(lines[3]).toMatch(/^R3,.*,response-overdue,31,/);
      expect((await tracker({ format: 'csv', status: 'not-sent' })).text.trimEnd().split('\r\n')).toHaveLength(2);
    });

    it('refuses a municipal year that is not two consecutive years, a bad status, and an unknown committee', async () => {
      expectProblem(await tracker({ municipalYear: '2014/16' }), 400, 'validation-failed');
      expectProblem(await tracker({ municipalYear: '2014-15' }), 400, 'validation-failed');
      expectProblem(await tracker({ status: 'late' }), 400, 'validation-failed');
      expectProblem(await view(`/committees/00000000-0000-4000-8000-000000000000/recommendations`), 404, 'committee-not-found');
    });

    it('lets members, officers and the monitoring officer read it, late responses included', async () => {
      for (const role of ['member', 'officer', 'monitoring'] as const) {
        const res = await tracker().set(f.as([role]));
        expect(res.status).toBe(200);
        expect(res.body.rows[0].response.late).toBe(true);
      }
    });
  });

  describe('the decision register', () => {
    it('lists decisions newest first with publication, call-in deadline and status, and effective date', async () => {
      const res = await view('/decisions');
      expect(res.status).toBe(200);
      const ours = res.body.decisions.filter((d: { decisionId: string }) => Object.values(decisionIds).includes(d.decisionId));
      expect(ours.map((d: { title: string }) => d.title)).toEqual([
        'Review the charging policy',
        'Close the day centre',
        'Extend the recruitment scheme',
      ]);
      expect(ours[0]).toMatchObject({ publishedOn: null, callInEndsOn: null, callInStatus: 'none', effectiveOn: null, keyDecision: true });
      expect(ours[1]).toMatchObject({
        decidedOn: '2015-05-22',
        keyDecision: false,
        publishedOn: '2015-05-26',
        callInStatus: 'called-in',
        callInRequestedOn: '2015-05-26',
        effectiveOn: null,
      });
      expect(ours[2]).toMatchObject({
        decisionMaker: { kind: 'executive', name: 'the Executive', postId: null },
        reportRef: 'Report CS14078',
        recommendationIds: [answered],
        publishedOn: '2015-03-31',
        callInStatus: 'none',
      });
      expect(ours[2].callInEndsOn < ours[2].effectiveOn).toBe(true);
    });

    it('shows a call-in upheld as upheld, effective from its conclusion', async () => {
      setClock(f, '2015-05-28T10:00:00Z');
      await send(`/decisions/${decisionIds.calledIn}/call-in-outcome`, { outcome: 'upheld', concludedOn: '2015-05-28' });
      setClock(f, '2015-06-01T10:00:00Z');
      const upheld = (await view('/decisions', { callInStatus: 'upheld' })).body.decisions;
      expect(upheld).toHaveLength(1);
      expect(upheld[0]).toMatchObject({ decisionId: decisionIds.calledIn, callInConcludedOn: '2015-05-28' });
      expect(upheld[0].effectiveOn >= '2015-05-28').toBe(true);
    });

    it('filters by decided-on dates and pages', async () => {
      const titles = async (query: Record<string, string>) =>
        (await view('/decisions', query)).body.decisions.map((d: { title: string }) => d.title);
      expect(await titles({ from: '2015-05-01', to: '2015-05-25' })).toEqual(['Close the day centre']);
      expect(await titles({ to: '2015-04-01' })).toEqual(['Extend the recruitment scheme']);
      const first = await view('/decisions', { limit: '2' });
      const second = await view('/decisions', { limit: '2', after: first.body.nextAfter });
      expect([...first.body.decisions, ...second.body.decisions].map((d: { title: string }) => d.title)).toEqual([
        'Review the charging policy',
        'Close the day centre',
        'Extend the recruitment scheme',
      ]);
    });

    it('answers CSV, and refuses dates in the wrong order or an unknown call-in status', async () => {
      const csv = await view('/decisions', { format: 'csv' });
      expect(csv.headers['content-type']).toMatch(/^text\/csv/);
      const lines = csv.text.trimEnd().split('\r\n');
      expect(lines[0]).toBe(
        'Decision maker,Title,Decided,Key decision,Report,Published,Call-in deadline,Call-in status,Reconsideration,Effective',
      );
      expect(lines[1]).toBe('the Executive,Review the charging policy,2015-05-26,yes,,,,none,,');
      expectProblem(await view('/decisions', { from: '2015-06-01', to: '2015-05-01' }), 400, 'validation-failed');
      expectProblem(await view('/decisions', { callInStatus: 'maybe' }), 400, 'validation-failed');
    });
  });

  describe('the chase list', () => {
    it('lists executive responses due within 14 days or overdue, with the decision maker, due date and days overdue', async () => {
      const res = await view('/overdue', { committeeId });
      expect(res.status).toBe(200);
      expect(res.body.responses.map((r: { reference: string }) => r.reference)).toEqual(['R3', 'R2']);
      expect(res.body.responses[0]).toMatchObject({
        reference: 'R3',
        committee: { committeeId, name: 'Adult Care and Health PDS Committee' },
        decisionMaker: { kind: 'executive', name: 'the Executive', postId: null },
        receivedOn: '2015-03-02',
        responseDueOn: '2015-05-01',
        overdue: true,
        daysOverdue: 31,
      });
      expect(res.body.responses[1]).toMatchObject({ reference: 'R2', responseDueOn: '2015-06-09', overdue: false, daysOverdue: 0 });
    });

    it('leaves out a response due beyond 14 days, and keeps to the committee asked for', async () => {
      const early = await view('/overdue', { committeeId, asOf: '2015-05-20' });
      expect(early.body.responses.map((r: { reference: string }) => r.reference)).toEqual(['R3']);
      const everyone = (await view('/overdue')).body.responses.map((r: { reference: string }) => r.reference);
      expect(everyone).toEqual(['R3', 'E1', 'R2']);
    });
  });
});
