import { bromleyCommittee, bromleyDecision, bromleyRecommendation, bromleyResolution } from '../../src/demo/demo-bromley.js';
import { demoActions, demoCommittee, demoFebruaryMeeting, demoMarchMeeting, demoMeeting, demoOfficers } from '../../src/demo/demo-data.js';
import { demoCommands, loadDemo, type DemoLoadOutcome } from '../../src/demo/load-demo.js';
import { startFeatureApp, type FeatureApp } from '../features/support/feature-app.js';
import { committedEvents } from '../support/e2e-store.js';

/** The expectations are written from the minutes again, not read from demo-data.ts, so a slip in either shows. */
// committee, posts, people, appointments, meetings (one invented), attendance, items, resolutions, actions, and the
// invented history: three progress reports, two completions, two sign-offs; then Bromley's item 62: committee,
// meeting, item, resolution, recommendation made, sent and responded to, the Executive's decision and its publication.
const EXPECTED_EVENTS = 1 + 7 + 7 + 7 + 3 + 1 + 3 + 3 + 2 + 3 + 2 + 2 + 9;

async function allEvents(f: FeatureApp) {
  return committedEvents(f.store);
}

describe('demo data: the 16 January 2017 task & finish group, loaded through the command bus', () => {
  let f: FeatureApp;
  let firstLoad: DemoLoadOutcome;

  beforeAll(async () => {
    f = await startFeatureApp();
    firstLoad = await loadDemo(f.app);
  });
  afterAll(async () => {
    await f?.close();
  });

  it('sends every command once and every event names the demo loader as its author, under one correlation id', async () => {
    expect(firstLoad).toMatchObject({ status: 'loaded', commandsSent: demoCommands().length });
    const events = await allEvents(f);
    expect(events).toHaveLength(EXPECTED_EVENTS);
    for (const event of events) {
      expect(event.metadata.actor).toEqual({ id: 'demo-loader', name: 'Demo data loader', roles: ['admin', 'scrutiny'] });
    }
    const correlationIds = new Set(events.map((event) => event.metadata.correlationId));
    expect([...correlationIds]).toEqual([firstLoad.status === 'loaded' ? firstLoad.correlationId : 'not loaded']);
  });

  it("loads Bromley's item 62: the committee's support as a recommendation to the Executive, answered on time", async () => {
    const meetings = await f.http().get(`/api/v1/committees/${bromleyCommittee.id}/meetings`).expect(200);
    expect(JSON.stringify(meetings.body)).toContain('2015-01-21');
    const res = await f.http().get(`/api/v1/recommendations/${bromleyRecommendation.id}`).expect(200);
    expect(res.body).toMatchObject({
      source: { kind: 'resolution', resolutionId: bromleyResolution.id },
      sent: { receivedOn: '2015-01-22', responseDueOn: '2015-03-21' },
      response: { response: 'accepted', respondedOn: '2015-02-11', late: false, recordedOnBehalf: true },
    });
  });

  it("publishes the Executive's (invented) decision with its call-in period: five clear working days to 19 February 2015", async () => {
    const res = await f.http().get(`/api/v1/decisions/${bromleyDecision.id}`).expect(200);
    expect(res.body).toMatchObject({
      recommendationIds: [bromleyRecommendation.id],
      publication: { publishedOn: '2015-02-12', callInEndsOn: '2015-02-19', effectiveOn: '2015-02-20' },
      implementation: { status: 'effective', since: '2015-02-20' },
    });
  });

  it('GET /meetings/{id} shows the attendance as the minutes print it', async () => {
    const res = await f.http().get(`/api/v1/meetings/${demoMeeting.id}`).expect(200);
    expect(res.body).toMatchObject({ startsAt: '2017-01-16T18:00:00Z', minutesApproved: null });
    const attendance = (res.body.attendees as { name: string; role: string; status: string; personId?: string }[]).map(
      ({ name, role, status, personId }) => [name, role, status, personId === undefined ? 'unregistered' : 'registered'],
    );
    expect(attendance).toEqual([
      ['Councillor Green', 'chair', 'present', 'unregistered'],
      ['Councillor Keens', 'member', 'present', 'unregistered'],
      ['Councillor Rowlands', 'member', 'present', 'unregistered'],
      ['Councillor J. Taylor', 'member', 'present', 'unregistered'],
      ['Councillor N. Ayub', 'portfolio-holder', 'present', 'unregistered'],
      ['Councillor Hussain', 'portfolio-holder', 'present', 'unregistered'],
      ['Angela Claridge', 'officer', 'present', 'registered'],
      ['Tony Fitzgerald', 'officer', 'present', 'registered'],
      ['Matt Hussey', 'officer', 'present', 'registered'],
      ["Maud O'Leary", 'officer', 'present', 'registered'],
      ['Sally Rowe', 'officer', 'present', 'registered'],
      ['Kate Savenko', 'officer', 'present', 'registered'],
      ['Councillor Franks', 'member', 'apologies', 'unregistered'],
      ['Councillor Rivers', 'member', 'apologies', 'unregistered'],
    ]);
  });

  it('registers every officer of the minutes and appoints each to their post from the day of the meeting', async () => {
    const posts = await Promise.all(
      Object.values(demoOfficers).map(async ({ postId }) => {
        const { body } = await f.http().get(`/api/v1/posts/${postId}`).expect(200);
        return [body.title, body.holder?.name, body.holder?.from];
      }),
    );
    expect(posts).toEqual([
      ['Service Director, HR and Monitoring Officer', 'Angela Claridge', '2017-01-16'],
      ['Project Manager, Transformation & Technology', 'Tony Fitzgerald', '2017-01-16'],
      ['Democracy and Scrutiny Officer', 'Matt Hussey', '2017-01-16'],
      ['Service Director, Adult Social Care', "Maud O'Leary", '2017-01-16'],
      ['Corporate Director, People', 'Sally Rowe', '2017-01-16'],
      ['Project Officer, Transformation Team', 'Kate Savenko', '2017-01-16'],
      ['Senior Consultation Officer', 'Farah Ismail', '2017-01-16'],
    ]);
    const meeting = await f.http().get(`/api/v1/meetings/${demoMeeting.id}`).expect(200);
    for (const { name, personId } of (meeting.body.attendees as { name: string; personId?: string }[]).filter((a) => a.personId)) {
      const person = await f.http().get(`/api/v1/people/${personId}`).expect(200);
      expect(person.body.name).toBe(name);
    }
  });

  it('GET /meetings/{id} shows items 01 to 03 with their paper references and the resolutions with their parts', async () => {
    const res = await f.http().get(`/api/v1/meetings/${demoMeeting.id}`).expect(200);
    expect(res.body.items).toEqual([
      { number: '01', title: 'Apologies for Absence', paperRef: 'Ref: 1' },
      { number: '02', title: 'Draft Consultation Summary', paperRef: 'Ref: 4.1' },
      {
        number: '03',
        title: expect.stringMatching(/^Draft Task & Finish Group Report Part 1 – Summary Analysis of Luton Borough Council's Strengths/),
        paperRef: 'Ref: 7',
      },
    ]);
    const resolutions = (res.body.resolutions as { itemNumber: string; parts: { label: string; text: string; kind: string }[] }[]).map(
      ({ itemNumber, parts }) => [itemNumber, parts.map(({ label, kind, text }) => `${label} ${kind}: ${text}`)],
    );
    expect(resolutions).toEqual([
      ['01', ['(i) noted: Apologies for absence from the meeting were received on behalf of Councillors Franks and Rivers.']],
      ['02', ['(i) noted: That the Report (Ref: 4.1) be noted.']],
      [
        '03',
        [
          '(i) noted: That the Report (Ref: 7) be noted.',
          '(ii) instructed: That the Project Manager, Transformation & Technology be instructed to collate final metrics for Vacancy, Turnover and Agency Rates',
        ],
      ],
    ]);
  });

  it('GET /meetings/{id} shows both actions arising, closed since, owned by the right posts, due at the February meeting', async () => {
    const res = await f.http().get(`/api/v1/meetings/${demoMeeting.id}`).expect(200);
    const itemOf = new Map(
      (res.body.resolutions as { resolutionId: string; itemNumber: string }[]).map((r) => [r.resolutionId, r.itemNumber]),
    );
    const actions = res.body.actions as {
      title: string;
      ownerPostId: string;
      resolutionId: string;
      partLabel?: string;
      status: string;
      due: object;
    }[];
    const described = await Promise.all(
      actions.map(async (action) => {
        const post = await f.http().get(`/api/v1/posts/${action.ownerPostId}`).expect(200);
        return {
          title: action.title,
          owner: post.body.title,
          item: itemOf.get(action.resolutionId),
          part: action.partLabel ?? null,
          status: action.status,
          due: action.due,
        };
      }),
    );
    expect(described).toEqual([
      {
        title: 'Submit the final consultation report to the February meeting',
        owner: 'Senior Consultation Officer',
        item: '02',
        part: null,
        status: 'closed',
        due: { dueMeetingId: demoFebruaryMeeting.id },
      },
      {
        title: 'Collate final metrics for Vacancy, Turnover and Agency Rates',
        owner: 'Project Manager, Transformation & Technology',
        item: '03',
        part: '(ii)',
        status: 'closed',
        due: { dueMeetingId: demoFebruaryMeeting.id },
      },
    ]);
  });

  it('GET /actions/{id} names the holder of the owner post, the due day and the instruction it came from', async () => {
    const metrics = await f.http().get(`/api/v1/actions/${demoActions.finalMetrics.id}`).expect(200);
    expect(metrics.body).toMatchObject({
      owner: { title: 'Project Manager, Transformation & Technology', holder: { name: 'Tony Fitzgerald' } },
      dueOn: '2017-02-20',
      origin: { partLabel: '(ii)', partText: expect.stringContaining('be instructed to collate final metrics') },
      description: expect.stringMatching(/baseline data.*snap shot' in time.*turnover rate.*overspend/),
    });
    const report = await f.http().get(`/api/v1/actions/${demoActions.finalConsultationReport.id}`).expect(200);
    expect(report.body).toMatchObject({
      owner: { title: 'Senior Consultation Officer', holder: { name: 'Farah Ismail' } },
      dueOn: '2017-02-20',
    });
  });

  it('gives the actions an invented history, dated when it happened: February updates, completion at the February meeting, sign-off in March', async () => {
    const metrics = await f.http().get(`/api/v1/actions/${demoActions.finalMetrics.id}`).expect(200);
    expect(metrics.body).toMatchObject({
      status: 'closed',
      assignedAt: '2017-01-16T18:00:00.000Z',
      completedAt: '2017-02-20T18:00:00.000Z',
      closedAt: '2017-03-20T18:00:00.000Z',
      overdue: false,
      daysOverdue: 0,
    });
    const updates = metrics.body.updates as { note: string; reportedAt: string }[];
    expect(updates.map((u) => u.reportedAt)).toEqual(['2017-02-03T00:00:00.000Z', '2017-02-13T00:00:00.000Z']);
    for (const u of updates) expect(u.note).toMatch(/\(invented for the demo\)$/);
    const march = await f.http().get(`/api/v1/meetings/${demoMarchMeeting.id}`).expect(200);
    expect(march.body).toMatchObject({ startsAt: '2017-03-20T18:00:00Z', title: expect.stringMatching(/invented for the demo/) });
    const log = await f.http().get(`/api/v1/committees/${demoCommittee.id}/action-log`).expect(200);
    expect(
      (log.body.rows as { action: string; status: string; dateClosed: string; paperRef: string }[]).map((r) => [
        r.action,
        r.status,
        r.dateClosed,
        r.paperRef,
      ]),
    ).toEqual([
      ['Submit the final consultation report to the February meeting', 'complete', '2017-03-20', 'Ref: 4.1'],
      ['Collate final metrics for Vacancy, Turnover and Agency Rates', 'complete', '2017-03-20', 'Ref: 7'],
    ]);
  });

  it('schedules the undated February meeting on 20 February 2017 at 18:00 and says the date is assumed', async () => {
    const res = await f.http().get(`/api/v1/meetings/${demoFebruaryMeeting.id}`).expect(200);
    expect(res.body.startsAt).toBe('2017-02-20T18:00:00Z');
    expect(res.body.title).toMatch(/date assumed/);
  });

  it('loading again finds the demo committee, writes nothing and says so', async () => {
    const before = await allEvents(f);
    await expect(loadDemo(f.app)).resolves.toEqual({ status: 'already-present', complete: true });
    const after = await allEvents(f);
    expect(after.map((e) => e.eventId)).toEqual(before.map((e) => e.eventId));
  });
});

describe('demo data: two loaders at once on an empty store', () => {
  let f: FeatureApp;

  beforeAll(async () => {
    f = await startFeatureApp();
  });
  afterAll(async () => {
    await f?.close();
  });

  it('write the demo once: one loads it, the other finds the committee and stops', async () => {
    const outcomes = await Promise.all([loadDemo(f.app), loadDemo(f.app)]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(['already-present', 'loaded']);
    expect(await allEvents(f)).toHaveLength(EXPECTED_EVENTS);
  });
});
