import type request from 'supertest';
import { startFeatureApp, type FeatureApp } from '../features/support/feature-app.js';
import { docxText } from './support/docx-text.js';
import { csrfOf, seedConsoleWorld, signIn, textOf, waitForReadModels, type ConsoleWorld } from './support/console-world.js';

type Agent = ReturnType<typeof request.agent>;

const COLUMNS = [
  'Ref',
  'Meeting date',
  'Item',
  'Item title',
  'Paper ref',
  'Resolution part',
  'Action',
  'Owner',
  'Due',
  'Status',
  'RAG',
  'Latest update',
  'Outcome',
  'Sign-off note',
  'Date closed',
];

const binary = (res: request.Response, done: (error: Error | null, body: Buffer) => void): void => {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};

describe('the scrutiny staff pages of the web console', () => {
  let f: FeatureApp;
  let w: ConsoleWorld;
  let staff: Agent;
  let officer: Agent;

  const actionOverApi = async (id: string) =>
    (await f.http().get(`/api/v1/actions/${id}`)).body as { version: number; status: string; chases: { note?: string }[] };
  const rowsOf = (html: string) => [...html.matchAll(/<tr class="govuk-table__row" data-action-id="([^"]+)"/g)].map((m) => m[1]);

  beforeAll(async () => {
    f = await startFeatureApp();
    w = await seedConsoleWorld(f);
    // The other action is completed by its owner's post, so it awaits sign-off; the first stays open and overdue.
    const done = await f
      .http()
      .post(`/api/v1/actions/${w.otherActionId}/completion`)
      .send({ outcome: 'Exit interviews reviewed; report to the March meeting' });
    if (done.status !== 200) throw new Error(`completion answered ${done.status}: ${JSON.stringify(done.body)}`);
    await waitForReadModels(f, (done.body as { position: number }).position);
    staff = await signIn(f, w.personId, ['scrutiny']);
    officer = await signIn(f, w.personId, ['officer']);
  });
  afterAll(() => f.close());

  describe('committees', () => {
    it('lists the committees with links to each committee and its action log', async () => {
      const res = await staff.get('/committees');
      expect(res.status).toBe(200);
      expect(res.text).toContain('<title>Committees – Actiontrail</title>');
      expect(res.text).toContain(`href="/committees/${w.committeeId}">Scrutiny Task &amp; Finish Group</a>`);
      expect(res.text).toContain(`href="/committees/${w.committeeId}/action-log"`);
    });

    it("lists a committee's meetings, newest first, each linking to its actions in the action log", async () => {
      const res = await staff.get(`/committees/${w.committeeId}`);
      expect(res.status).toBe(200);
      const text = textOf(res.text);
      expect(text.indexOf('20 February 2017')).toBeLessThan(text.indexOf('16 January 2017'));
      expect(text).toContain('Recruitment & Retention of Social Workers');
      expect(res.text).toContain(`href="/committees/${w.committeeId}/action-log?meeting=${w.meetingId}"`);
    });

    it('answers the Page not found page for a committee id that names none, or is not an id', async () => {
      for (const path of ['/committees/8d1b6a0e-2f49-4c2e-9a55-0b7b1c3d9e10', '/committees/nope', '/committees/nope/action-log.docx']) {
        const res = await staff.get(path);
        expect(res.status).toBe(404);
        expect(res.text).toContain('Page not found');
      }
    });
  });

  describe('the action log', () => {
    it('shows the committee-papers columns with a row per action, in the order of the log', async () => {
      const res = await staff.get(`/committees/${w.committeeId}/action-log`);
      expect(res.status).toBe(200);
      expect(res.text).toContain('<title>Scrutiny Task &amp; Finish Group action log – Actiontrail</title>');
      const headers = [...res.text.matchAll(/<th scope="col" class="govuk-table__header">([^<]*)<\/th>/g)].map((m) => m[1]);
      expect(headers).toEqual(COLUMNS);
      expect(rowsOf(res.text).sort()).toEqual([w.actionId, w.otherActionId].sort());
      const text = textOf(res.text);
      expect(text).toContain('Ref: 7');
      expect(text).toContain('Exit interviews reviewed; report to the March meeting');
      expect(text).toContain('overdue');
    });

    it('filters by status, by overdue only and by meeting through a GET form', async () => {
      const page = await staff.get(`/committees/${w.committeeId}/action-log`);
      expect(page.text).toMatch(new RegExp(`<form method="get" action="/committees/${w.committeeId}/action-log"`));
      const log = (query: string) => staff.get(`/committees/${w.committeeId}/action-log?${query}`);
      expect(rowsOf((await log('status=completed')).text)).toEqual([w.otherActionId]);
      expect(rowsOf((await log('overdue=yes')).text)).toEqual([w.actionId]);
      expect(rowsOf((await log(`meeting=${w.meetingId}`)).text)).toHaveLength(2);
      const later = await log(`meeting=${w.laterMeetingId}`);
      expect(later.status).toBe(200);
      expect(rowsOf(later.text)).toEqual([]);
      expect(textOf(later.text)).toContain('No action matches');
      expect(rowsOf((await log('status=nonsense&meeting=nonsense')).text)).toEqual([]);
      expect(rowsOf((await log('status=withdrawn')).text)).toEqual([]);
      expect(textOf((await log('status=withdrawn')).text)).toContain('No action matches');
    });

    it('links a print stylesheet that hides the header, navigation and filters on paper', async () => {
      const page = await staff.get(`/committees/${w.committeeId}/action-log`);
      expect(page.text).toContain('<link rel="stylesheet" href="/assets/console-print.css">');
      expect(page.text).toMatch(/<div data-no-print>\s*<form method="get"/);
      const css = await staff.get('/assets/console-print.css');
      expect(css.status).toBe(200);
      expect(css.headers['content-type']).toBe('text/css; charset=utf-8');
      expect(css.text).toMatch(/@media print \{[\s\S]*\.govuk-service-navigation,[\s\S]*\[data-no-print\] \{\s*display: none !important;/);
    });

    it("downloads the API's CSV of the whole log", async () => {
      const res = await staff.get(`/committees/${w.committeeId}/action-log.csv`);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(res.headers['content-disposition']).toBe('attachment; filename="action-log-scrutiny-task-finish-group.csv"');
      const api = await f.http().get(`/api/v1/committees/${w.committeeId}/action-log?format=csv`);
      expect(res.text).toBe(api.text);
      expect(res.text.split('\r\n')[0]).toBe(COLUMNS.join(','));
    });

    it('downloads the log as a Word document: a heading with the committee and date, and one table of the columns', async () => {
      const res = await staff.get(`/committees/${w.committeeId}/action-log.docx`).buffer(true).parse(binary);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
      expect(res.headers['content-disposition']).toBe('attachment; filename="action-log-scrutiny-task-finish-group.docx"');
      const doc = docxText(res.body as Buffer);
      expect(doc.heading).toMatch(/^Scrutiny Task & Finish Group: action logAs of \d{1,2} \w+ \d{4}$/);
      expect(doc.rows[0]).toEqual(COLUMNS);
      expect(
        doc.rows
          .slice(1)
          .map((r) => r[6])
          .sort(),
      ).toEqual(['Collate final metrics for Vacancy, Turnover and Agency Rates', 'Review the exit interview process'].sort());
      expect(doc.rows.slice(1).find((r) => r[6] === 'Review the exit interview process')?.[12]).toBe(
        'Exit interviews reviewed; report to the March meeting',
      );
    });
  });

  describe('the chase list', () => {
    it('lists the overdue open action, not the completed one, with a chase form', async () => {
      const res = await staff.get('/chase-list');
      expect(res.status).toBe(200);
      expect(res.text).toContain('<title>Chase list – Actiontrail</title>');
      expect(res.text).toContain(`data-action-id="${w.actionId}"`);
      expect(res.text).not.toContain(`data-action-id="${w.otherActionId}"`);
      expect(res.text).toContain(`<form method="post" action="/actions/${w.actionId}/chase"`);
      expect(textOf(res.text)).toContain('Chased Not yet');
    });

    it('refuses an officer (the overdue view is for staff and the monitoring officer)', async () => {
      const res = await officer.get('/chase-list');
      expect(res.status).toBe(403);
      expect(textOf(res.text)).toContain('You cannot see the chase list');
    });

    it('asks for a message, keeping the page, and chases nothing when it is empty', async () => {
      const page = await staff.get('/chase-list');
      const res = await staff
        .post(`/actions/${w.actionId}/chase`)
        .type('form')
        .send({ _csrf: csrfOf(page.text), note: '  ' });
      expect(res.status).toBe(400);
      expect(res.text).toContain('<title>Error: Chase list – Actiontrail</title>');
      expect(res.text).toContain(`href="#note-${w.actionId}">Enter a message to the owner</a>`);
      expect((await actionOverApi(w.actionId)).chases).toEqual([]);
    });

    it('changes nothing without the form token', async () => {
      const res = await staff.post(`/actions/${w.actionId}/chase`).type('form').send({ note: 'Please report' });
      expect(res.status).toBe(403);
      expect((await actionOverApi(w.actionId)).chases).toEqual([]);
    });

    it('chases with the message, redirects (303) to the list, and the action page shows the chase', async () => {
      const page = await staff.get('/chase-list');
      const res = await staff
        .post(`/actions/${w.actionId}/chase`)
        .type('form')
        .send({ _csrf: csrfOf(page.text), note: 'Please report the metrics before the February meeting' });
      expect(res.status).toBe(303);
      expect(res.headers.location).toBe('/chase-list');
      const list = await staff.get('/chase-list');
      expect(textOf(list.text)).toContain('Action chased');
      expect(textOf(list.text)).toMatch(/Chased 1 time, last/);
      expect((await actionOverApi(w.actionId)).chases.map((c) => c.note)).toEqual([
        'Please report the metrics before the February meeting',
      ]);
      const action = await officer.get(`/actions/${w.actionId}`);
      expect(textOf(action.text)).toMatch(
        /Chase 1, \d{1,2} \w+ \d{4} at \d{1,2}:\d{2}[ap]m: Please report the metrics before the February meeting/,
      );
    });

    it('refuses an officer who sends a chase', async () => {
      const page = await officer.get('/');
      const res = await officer
        .post(`/actions/${w.actionId}/chase`)
        .type('form')
        .send({ _csrf: csrfOf(page.text), note: 'Me' });
      expect(res.status).toBe(403);
      expect((await actionOverApi(w.actionId)).chases).toHaveLength(1);
    });
  });

  describe('signing off', () => {
    it('offers staff, not officers, the sign-off of a completed action, and not of an open one', async () => {
      expect((await staff.get(`/actions/${w.otherActionId}`)).text).toContain(`href="/actions/${w.otherActionId}/sign-off"`);
      expect((await staff.get(`/actions/${w.actionId}`)).text).not.toContain('/sign-off"');
      expect((await officer.get(`/actions/${w.otherActionId}`)).text).not.toContain('/sign-off"');
      expect((await officer.get(`/actions/${w.otherActionId}/sign-off`)).status).toBe(403);
    });

    it('says the action changed when the form was opened at an older version, and keeps the note', async () => {
      const form = await staff.get(`/actions/${w.otherActionId}/sign-off`);
      expect(form.status).toBe(200);
      const version = (await actionOverApi(w.otherActionId)).version;
      const res = await staff
        .post(`/actions/${w.otherActionId}/sign-off`)
        .type('form')
        .send({ _csrf: csrfOf(form.text), version: String(version - 1), note: 'Accepted' });
      expect(res.status).toBe(409);
      expect(textOf(res.text)).toContain('This action changed since you opened the form');
      expect(res.text).toContain('>Accepted</textarea>');
      expect((await actionOverApi(w.otherActionId)).status).toBe('completed');
    });

    it('signs the completed action off with a note, redirects (303) to it, and the log shows the note', async () => {
      const form = await staff.get(`/actions/${w.otherActionId}/sign-off`);
      const version = /name="version" value="(\d+)"/.exec(form.text)?.[1] ?? '';
      const res = await staff
        .post(`/actions/${w.otherActionId}/sign-off`)
        .type('form')
        .send({ _csrf: csrfOf(form.text), version, note: 'Accepted by the committee' });
      expect(res.status).toBe(303);
      expect(res.headers.location).toBe(`/actions/${w.otherActionId}`);
      const page = await staff.get(`/actions/${w.otherActionId}`);
      expect(textOf(page.text)).toContain('Action signed off');
      expect(textOf(page.text)).toContain('Status Signed off');
      expect((await actionOverApi(w.otherActionId)).status).toBe('closed');
      const log = await staff.get(`/committees/${w.committeeId}/action-log`);
      expect(textOf(log.text)).toContain('Accepted by the committee');
    });

    it('says so when the action is not awaiting sign-off', async () => {
      const form = await staff.get(`/actions/${w.otherActionId}/sign-off`);
      const version = /name="version" value="(\d+)"/.exec(form.text)?.[1] ?? '';
      const res = await staff
        .post(`/actions/${w.otherActionId}/sign-off`)
        .type('form')
        .send({ _csrf: csrfOf(form.text), version });
      expect(res.status).toBe(409);
      expect(res.text).toContain('data-refusal');
    });
  });
});
