import { expectProblem, startFeatureApp, type FeatureApp } from './support/feature-app.js';
import { setClock, ViewClient } from './support/views-world.js';

const TODAY = '2026-12-05';
const DAY = 86_400_000;
const daysFrom = (dueOn: string): number => (Date.parse(TODAY) - Date.parse(dueOn)) / DAY;

type Row = Record<string, unknown> & { actionId: string };
type AuditRow = { type: string; recordedAt: string; occurredAt: string };

/**
 * Past business recorded long after it happened: a January 2015 meeting typed in in December 2026, its action
 * progressed, completed and signed off with the dates the minutes give. The views shown to committees use those
 * dates; the audit shows them beside when each was recorded.
 */
describe('business time over HTTP: a 2015 action recorded in 2026', () => {
  let f: FeatureApp;
  let client: ViewClient;
  const w = {
    committeeId: '',
    meeting: '',
    march: '',
    resolution: '',
    postId: '',
    officer: '',
    closed: '',
    open: '',
    awaiting: '',
    withdrawn: '',
  };
  const send = (path: string, body: object) => client.send('post', path, body);
  const view = (path: string, query: Record<string, string> = {}) => client.view(path, query);
  const log = (query: Record<string, string> = {}) => view(`/committees/${w.committeeId}/action-log`, query);
  const rowOf = (rows: Row[], id: string): Row | undefined => rows.find((r) => r.actionId === id);

  beforeAll(async () => {
    f = await startFeatureApp({ env: { PUBLIC_ACTION_LOG: 'true' } });
    client = new ViewClient(f);
    setClock(f, `${TODAY}T10:00:00Z`);
    w.committeeId = await send('/committees', { name: 'Care Services PDS Committee', kind: 'scrutiny' });
    w.meeting = await send('/meetings', { committeeId: w.committeeId, startsAt: '2015-01-21T19:00:00Z' });
    w.march = await send('/meetings', { committeeId: w.committeeId, startsAt: '2015-03-18T19:00:00Z' });
    await send(`/meetings/${w.meeting}/items`, { number: '62', title: 'Gateway report: extra care housing', paperRef: 'CS14112' });
    w.resolution = await send(`/meetings/${w.meeting}/resolutions`, {
      itemNumber: '62',
      parts: [{ label: '(1)', text: 'That the proposal be supported', kind: 'agreed' }],
    });
    w.postId = await send('/posts', { title: 'Head of Strategic Commissioning' });
    w.officer = await send('/people', { name: 'Lorna Blackwood' });
    await send(`/posts/${w.postId}/holder`, { personId: w.officer });
    const assign = (title: string, dueDate: string) =>
      send('/actions', { resolutionId: w.resolution, partLabel: '(1)', title, ownerPostId: w.postId, dueDate });
    w.closed = await assign('Report the tender outcome to the Committee', '2015-02-28');
    w.open = await assign('Circulate the site plans to Members', '2015-03-31');
    w.awaiting = await assign('Confirm the contract start date', '2015-02-28');
    await send(`/actions/${w.closed}/progress`, { note: 'Tenders returned; evaluation under way', rag: 'amber', occurredAt: '2015-02-10' });
    await send(`/actions/${w.closed}/completion`, { outcome: 'Tender outcome reported on 25 February', occurredAt: '2015-02-25' });
    await send(`/actions/${w.closed}/sign-off`, {
      meetingId: w.march,
      note: 'Noted by the Committee as complete',
      occurredAt: '2015-03-18T19:00:00Z',
    });
    await send(`/actions/${w.awaiting}/completion`, { outcome: 'Start date confirmed as 1 April', occurredAt: '2015-02-20' });
    w.withdrawn = await assign('Visit the preferred bidder', '2015-03-31');
    await send(`/actions/${w.withdrawn}/withdrawal`, { reason: 'Overtaken by the tender timetable', occurredAt: '2015-03-02' });
    await send(`/actions/${w.open}/chase`, { note: 'Site plans still awaited', occurredAt: '2015-04-10' });
  });
  afterAll(() => f.close());

  it('passes the resolution at its meeting, not when it was typed', async () => {
    const res = await view(`/resolutions/${w.resolution}`);
    expect(res.body.passedAt).toBe('2015-01-21T19:00:00.000Z');
  });

  it('shows the action page with the business dates, closed and not overdue', async () => {
    const res = await view(`/actions/${w.closed}`);
    expect(res.body).toMatchObject({
      status: 'closed',
      assignedAt: '2015-01-21T19:00:00.000Z',
      completedAt: '2015-02-25T00:00:00.000Z',
      closedAt: '2015-03-18T19:00:00.000Z',
      overdue: false,
      daysOverdue: 0,
    });
    expect(res.body.updates).toEqual([
      expect.objectContaining({ note: 'Tenders returned; evaluation under way', reportedAt: '2015-02-10T00:00:00.000Z' }),
    ]);
  });

  it("lists the action page's history with when each step happened and when it was recorded", async () => {
    const res = await view(`/actions/${w.closed}`);
    const history = res.body.history as { type: string; at: string; recordedAt: string }[];
    expect(history.map((h) => [h.type, h.at])).toEqual([
      ['ActionAssigned', '2015-01-21T19:00:00.000Z'],
      ['ActionProgressReported', '2015-02-10T00:00:00.000Z'],
      ['ActionCompleted', '2015-02-25T00:00:00.000Z'],
      ['ActionSignedOff', '2015-03-18T19:00:00.000Z'],
    ]);
    for (const h of history) expect(Date.parse(h.recordedAt)).toBeGreaterThan(Date.parse('2020-01-01'));
  });

  it('leaves closed and completed actions off the chase list and counts days overdue from the due date to today', async () => {
    const res = await view('/overdue', { committeeId: w.committeeId });
    expect(res.body.actions.map((a: { actionId: string }) => a.actionId)).toEqual([w.open]);
    expect(res.body.actions[0]).toMatchObject({ dueOn: '2015-03-31', daysOverdue: daysFrom('2015-03-31') });
    const page = await view(`/actions/${w.open}`);
    expect(page.body).toMatchObject({ overdue: true, daysOverdue: daysFrom('2015-03-31') });
  });

  it('shows a chase dated in the past on the chase list and the action page as when it happened (the start of that UK day)', async () => {
    const startOf10April2015 = '2015-04-09T23:00:00.000Z'; // British Summer Time
    const res = await view('/overdue', { committeeId: w.committeeId });
    expect(res.body.actions[0]).toMatchObject({ actionId: w.open, chaseCount: 1, lastChasedAt: startOf10April2015 });
    const page = await view(`/actions/${w.open}`);
    expect(page.body.chases).toEqual([expect.objectContaining({ note: 'Site plans still awaited', chasedAt: startOf10April2015 })]);
  });

  it('closes a withdrawal dated in the past on that day: the action page, the action log (JSON and CSV) and the audit', async () => {
    const page = await view(`/actions/${w.withdrawn}`);
    expect(page.body).toMatchObject({ status: 'withdrawn', withdrawnAt: '2015-03-02T00:00:00.000Z', overdue: false });
    const row = rowOf((await log()).body.rows as Row[], w.withdrawn);
    expect(row).toMatchObject({ status: 'withdrawn', dateClosed: '2015-03-02' });
    const csv = (await log({ format: 'csv' })).text.split('\r\n');
    expect(csv.find((line) => line.includes('Visit the preferred bidder'))).toMatch(/,withdrawn,,,,,2015-03-02$/);
    const audit = await view(`/audit/streams/${w.withdrawn}`);
    const withdrawal = (audit.body.events as AuditRow[]).find((e) => e.type === 'ActionWithdrawn');
    expect(withdrawal?.occurredAt).toBe('2015-03-02T00:00:00.000Z');
    expect(Date.parse(withdrawal!.recordedAt)).toBeGreaterThan(Date.parse('2020-01-01'));
  });

  it("shows the post's queue with the business dates: the completion awaiting sign-off as dated, the closed action gone", async () => {
    const res = await view(`/posts/${w.postId}/queue`);
    const rows = res.body.actions as Row[];
    expect(rows.map((r) => r.actionId).sort()).toEqual([w.open, w.awaiting].sort());
    expect(rowOf(rows, w.awaiting)).toMatchObject({ completedAt: '2015-02-20T00:00:00.000Z', overdue: false, daysOverdue: 0 });
  });

  it('prints the action log with item title, paper ref, outcome, sign-off note, status complete and the date it was closed', async () => {
    const res = await log();
    const rows = res.body.rows as Row[];
    expect(rowOf(rows, w.closed)).toMatchObject({
      meetingDate: '2015-01-21',
      itemNumber: '62',
      itemTitle: 'Gateway report: extra care housing',
      paperRef: 'CS14112',
      status: 'complete',
      ragStatus: 'amber',
      latestUpdate: 'Tenders returned; evaluation under way',
      outcome: 'Tender outcome reported on 25 February',
      signOffNote: 'Noted by the Committee as complete',
      dateClosed: '2015-03-18',
    });
    expect(rowOf(rows, w.awaiting)).toMatchObject({ status: 'completed', outcome: 'Start date confirmed as 1 April', dateClosed: null });
    expect(rowOf(rows, w.open)).toMatchObject({ status: 'overdue', dateClosed: null });
  });

  it('publishes the same business dates in the public log', async () => {
    const res = await f
      .anonymous()
      .get(`/api/v1/public/committees/${w.committeeId}/action-log`)
      .query({ minPosition: String(client.position) });
    expect(rowOf(res.body.rows as Row[], w.closed)).toMatchObject({
      owner: 'Head of Strategic Commissioning',
      status: 'complete',
      outcome: 'Tender outcome reported on 25 February',
      signOffNote: 'Noted by the Committee as complete',
      dateClosed: '2015-03-18',
      paperRef: 'CS14112',
    });
  });

  it('prints the same in the CSV export', async () => {
    const res = await log({ format: 'csv' });
    const lines = res.text.split('\r\n');
    expect(lines[0]).toBe(
      'Ref,Meeting date,Item,Item title,Paper ref,Resolution part,Action,Owner,Due,Status,RAG,Latest update,Outcome,Sign-off note,Date closed',
    );
    expect(lines).toContain(
      'A1,2015-01-21,62,Gateway report: extra care housing,CS14112,(1),Report the tender outcome to the Committee,' +
        'Head of Strategic Commissioning (Lorna Blackwood),2015-02-28,complete,amber,Tenders returned; evaluation under way,' +
        'Tender outcome reported on 25 February,Noted by the Committee as complete,2015-03-18',
    );
  });

  it('judges overdue on the day overdueOn names, and says so', async () => {
    const before = await log({ overdueOn: '2015-03-01' });
    expect(before.body).toMatchObject({ asOf: '2015-03-01', overdueOn: '2015-03-01' });
    expect(rowOf(before.body.rows as Row[], w.open)?.status).toBe('open');
    const after = await log({ overdueOn: '2015-04-01' });
    expect(rowOf(after.body.rows as Row[], w.open)?.status).toBe('overdue');
    expect((await log()).body.overdueOn).toBe(TODAY);
  });

  it('reads asOf on the recording clock: in 2015 nothing had been recorded yet; at each recording the action stood as recorded, with its business dates', async () => {
    const in2015 = await log({ asOf: '2015-06-01T12:00:00Z' });
    expect(in2015.body).toMatchObject({ overdueOn: '2015-06-01', rows: [] });
    const audit = await view(`/audit/streams/${w.closed}`);
    const recordedAt = (type: string) => (audit.body.events as AuditRow[]).find((e) => e.type === type)!.recordedAt;
    const completed = await log({ asOf: recordedAt('ActionCompleted') });
    expect(rowOf(completed.body.rows as Row[], w.closed)).toMatchObject({ status: 'completed', dateClosed: null });
    const signedOff = await log({ asOf: recordedAt('ActionSignedOff') });
    expect(rowOf(signedOff.body.rows as Row[], w.closed)).toMatchObject({ status: 'complete', dateClosed: '2015-03-18' });
  });

  it('refuses overdueOn that is not a date, and a date given both as asOf and overdueOn', async () => {
    expectProblem(await log({ overdueOn: '2015-02-30' }), 400, 'validation-failed');
    expectProblem(await log({ overdueOn: '2015-03-01T00:00:00Z' }), 400, 'validation-failed');
    expectProblem(await log({ overdueOn: '2015-03-01', asOf: '2015-03-01' }), 422, 'overdue-on-given-twice');
  });

  it('shows both clocks in the audit: occurredAt when it happened, recordedAt when it was typed', async () => {
    const res = await view(`/audit/streams/action-${w.closed}`);
    const events = res.body.events as AuditRow[];
    expect(events.map((e) => [e.type, e.occurredAt])).toEqual([
      ['ActionAssigned', '2015-01-21T19:00:00.000Z'],
      ['ActionProgressReported', '2015-02-10T00:00:00.000Z'],
      ['ActionCompleted', '2015-02-25T00:00:00.000Z'],
      ['ActionSignedOff', '2015-03-18T19:00:00.000Z'],
    ]);
    for (const event of events) expect(Date.parse(event.recordedAt)).toBeGreaterThan(Date.parse('2020-01-01'));
    const searched = await view('/audit/events', { streamId: `action-${w.closed}`, type: 'ActionSignedOff' });
    expect(searched.body.events[0]).toMatchObject({ occurredAt: '2015-03-18T19:00:00.000Z', recordedAt: expect.any(String) });
  });

  describe('refused dates', () => {
    it('an officer dating their own report in the past is 403', async () => {
      const res = await f
        .http()
        .post(`/api/v1/actions/${w.open}/progress`)
        .set(f.as(['officer'], w.officer))
        .send({ note: 'Plans circulated', occurredAt: '2015-03-20' });
      expectProblem(res, 403, 'occurred-at-past-by-officer');
    });

    it('the officer reporting without a date reports as of now', async () => {
      const res = await f
        .http()
        .post(`/api/v1/actions/${w.open}/progress`)
        .set(f.as(['officer'], w.officer))
        .send({ note: 'Plans with the printers' });
      expect(res.status).toBe(200);
      client.position = Math.max(client.position, res.body.position as number);
      const page = await view(`/actions/${w.open}`);
      expect(page.body.updates.at(-1)).toMatchObject({ note: 'Plans with the printers', reportedAt: `${TODAY}T10:00:00.000Z` });
    });

    it('a date in the future is 422', async () => {
      const res = await f.http().post(`/api/v1/actions/${w.open}/chase`).send({ occurredAt: '2026-12-06' });
      expectProblem(res, 422, 'occurred-at-in-future');
    });

    it('a date before what the event follows is 422, naming both dates', async () => {
      const res = await f.http().post(`/api/v1/actions/${w.awaiting}/sign-off`).send({ occurredAt: '2015-02-01' });
      expectProblem(res, 422, 'occurred-at-before-predecessor');
      expect(res.body.detail).toBe('occurredAt 2015-02-01 is before the completion on 2015-02-20');
      const early = await f.http().post('/api/v1/actions').send({
        resolutionId: w.resolution,
        title: 'Set before its meeting',
        ownerPostId: w.postId,
        dueDate: '2015-03-31',
        occurredAt: '2015-01-01',
      });
      expectProblem(early, 422, 'occurred-at-before-predecessor');
      expect(early.body.detail).toBe('occurredAt 2015-01-01 is before the meeting on 2015-01-21');
    });

    it('a malformed occurredAt is 400', async () => {
      const res = await f.http().post(`/api/v1/actions/${w.open}/chase`).send({ occurredAt: '20 March 2015' });
      expectProblem(res, 400, 'validation-failed');
    });
  });
});
