import type request from 'supertest';
import { startFeatureApp, type FeatureApp } from '../features/support/feature-app.js';
import { csrfOf, seedConsoleWorld, signIn, textOf, waitForReadModels, type ConsoleWorld } from './support/console-world.js';

type Agent = ReturnType<typeof request.agent>;

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

interface MeetingOverApi {
  version: number;
  date: string;
  startsAt?: string;
  title?: string;
  location?: string;
  attendees: { name: string; role: string; status: string }[];
  items: { number: string; title: string; paperRef?: string; narrative?: string }[];
  resolutions: { resolutionId: string; itemNumber: string; parts: { label?: string; kind: string; text: string }[]; version: number }[];
  actions: { actionId: string; title: string; partLabel?: string; ownerPostId: string; due: { dueDate?: string; dueMeetingId?: string } }[];
  minutesApproved: { approvedAtMeetingId: string } | null;
}

describe('recording a meeting through the web console', () => {
  let f: FeatureApp;
  let w: ConsoleWorld;
  let staff: Agent;
  let officer: Agent;

  const meetingOverApi = async (id: string) => (await f.http().get(`/api/v1/meetings/${id}`)).body as MeetingOverApi;
  /** GETs the form, then POSTs it with its CSRF token and these fields. */
  const send = async (agent: Agent, path: string, fields: Record<string, string>, formPath = path) => {
    const form = await agent.get(formPath);
    return agent
      .post(path)
      .type('form')
      .send({ _csrf: csrfOf(form.text), ...fields });
  };
  /** A POST from a signed-in officer: the form is not theirs to see, so the token comes from another page. */
  const sendAsOfficer = async (path: string, fields: Record<string, string>) => send(officer, path, fields, '/');
  const errorSummary = (html: string) =>
    [...html.matchAll(/<li>\s*<a href="#([^"]+)">([^<]*)<\/a>/g)].map((m) => ({ field: m[1], message: m[2]?.trim() }));

  beforeAll(async () => {
    f = await startFeatureApp();
    w = await seedConsoleWorld(f);
    staff = await signIn(f, w.personId, ['scrutiny']);
    officer = await signIn(f, w.personId, ['officer']);
  });
  afterAll(() => f.close());

  describe('adding a committee', () => {
    it('links from the committees page to the form for staff, not for officers', async () => {
      expect((await staff.get('/committees')).text).toContain('href="/committees/new"');
      expect((await officer.get('/committees')).text).not.toContain('href="/committees/new"');
    });

    it('adds the committee and redirects (303) to its page', async () => {
      const name = 'Adult Care and Health Policy Development and Scrutiny Committee';
      const res = await send(staff, '/committees/new', { name, kind: 'scrutiny' });
      expect(res.status).toBe(303);
      expect(res.headers['location']).toMatch(new RegExp(`^/committees/${UUID}$`));
      const page = await staff.get(res.headers['location'] as string);
      expect(textOf(page.text)).toContain('Committee added');
      expect(textOf(page.text)).toContain(name);
      const id = (res.headers['location'] as string).split('/')[2];
      expect((await f.http().get(`/api/v1/committees/${id}`)).body).toMatchObject({ name, kind: 'scrutiny' });
    });

    it('keeps what was typed and shows the GOV.UK error summary when the name or kind is missing (400)', async () => {
      const res = await send(staff, '/committees/new', { name: 'Health Scrutiny Sub-Committee', kind: '' });
      expect(res.status).toBe(400);
      expect(res.text).toContain('<title>Error: Add a committee – Actiontrail</title>');
      expect(res.text).toContain('govuk-error-summary');
      expect(errorSummary(res.text)).toEqual([{ field: 'kind', message: 'Select the kind of committee' }]);
      expect(res.text).toContain('value="Health Scrutiny Sub-Committee"');
    });

    it('refuses an officer (403) and changes nothing', async () => {
      expect((await officer.get('/committees/new')).status).toBe(403);
      const before = (await f.http().get('/api/v1/committees')).body as { committees: unknown[] };
      const res = await sendAsOfficer('/committees/new', { name: 'Officers Committee', kind: 'other' });
      expect(res.status).toBe(403);
      expect((await f.http().get('/api/v1/committees')).body).toEqual(before);
    });

    it('changes nothing without the CSRF token (403)', async () => {
      const res = await staff.post('/committees/new').type('form').send({ name: 'Forged Committee', kind: 'other' });
      expect(res.status).toBe(403);
      expect(textOf(res.text)).toContain('Sign in again to continue');
      const list = (await f.http().get('/api/v1/committees')).body as { committees: { name: string }[] };
      expect(list.committees.map((c) => c.name)).not.toContain('Forged Committee');
    });
  });

  describe('recording a meeting', () => {
    it('links from the committee page to the form and to each meeting', async () => {
      const page = await staff.get(`/committees/${w.committeeId}`);
      expect(page.text).toContain(`href="/committees/${w.committeeId}/meetings/new"`);
      expect(page.text).toContain(`href="/meetings/${w.meetingId}"`);
    });

    it('records a meeting the minutes date without a time', async () => {
      const res = await send(staff, `/committees/${w.committeeId}/meetings/new`, {
        dateDay: '21',
        dateMonth: '1',
        dateYear: '2015',
        time: '',
        title: 'Budget monitoring',
        location: 'Bromley Civic Centre',
      });
      expect(res.status).toBe(303);
      const id = /^\/meetings\/(.+)$/.exec(res.headers['location'] as string)?.[1] ?? '';
      expect(await meetingOverApi(id)).toMatchObject({ date: '2015-01-21', title: 'Budget monitoring', location: 'Bromley Civic Centre' });
      expect((await meetingOverApi(id)).startsAt).toBeUndefined();
    });

    it('records a start time as UK time (BST in summer)', async () => {
      const res = await send(staff, `/committees/${w.committeeId}/meetings/new`, {
        dateDay: '10',
        dateMonth: '7',
        dateYear: '2017',
        time: '6:30pm',
      });
      expect(res.status).toBe(303);
      const id = /^\/meetings\/(.+)$/.exec(res.headers['location'] as string)?.[1] ?? '';
      expect((await meetingOverApi(id)).startsAt).toBe('2017-07-10T17:30:00Z');
    });

    it('says a date that is not real, keeping what was typed (400)', async () => {
      const res = await send(staff, `/committees/${w.committeeId}/meetings/new`, {
        dateDay: '31',
        dateMonth: '2',
        dateYear: '2015',
        title: 'Not a day',
      });
      expect(res.status).toBe(400);
      expect(errorSummary(res.text)).toEqual([{ field: 'dateDay', message: 'Meeting date must be a real date' }]);
      expect(res.text).toContain('value="Not a day"');
      expect(res.text).toContain('value="31"');
    });

    it('refuses an officer (403)', async () => {
      expect((await officer.get(`/committees/${w.committeeId}/meetings/new`)).status).toBe(403);
      const res = await sendAsOfficer(`/committees/${w.committeeId}/meetings/new`, { dateDay: '1', dateMonth: '3', dateYear: '2017' });
      expect(res.status).toBe(403);
    });
  });

  describe('the meeting page', () => {
    it('shows the items, the resolution with its parts, and the actions arising', async () => {
      const res = await staff.get(`/meetings/${w.meetingId}`);
      expect(res.status).toBe(200);
      const text = textOf(res.text);
      expect(text).toContain('03. Draft Task & Finish Group Report Part 1');
      expect(text).toContain('Ref: 7');
      expect(text).toMatch(/\(ii\) That the Project Manager, Transformation & Technology be instructed .* Instructed/);
      expect(text).toContain('Collate final metrics for Vacancy, Turnover and Agency Rates');
      expect(text).toContain('Project Manager, Transformation & Technology');
      expect(res.text).toContain(`href="/meetings/${w.meetingId}/resolutions/${w.resolutionId}/actions/new?part=(ii)"`);
    });

    it('shows officers the record without the recording links', async () => {
      const res = await officer.get(`/meetings/${w.meetingId}`);
      expect(res.status).toBe(200);
      expect(textOf(res.text)).toContain('Draft Task & Finish Group Report Part 1');
      expect(res.text).not.toContain('/items/new');
      expect(res.text).not.toContain('/actions/new');
    });

    it('answers Page not found for a meeting that does not exist', async () => {
      expect((await staff.get('/meetings/8d1b6a0e-2f49-4c2e-9a55-0b7b1c3d9e10')).status).toBe(404);
      expect((await staff.get('/meetings/nope')).status).toBe(404);
    });
  });

  describe('attendance', () => {
    it('records members present, apologies and officers, and shows them on the meeting page', async () => {
      const res = await send(staff, `/meetings/${w.meetingId}/attendance`, {
        version: String((await meetingOverApi(w.meetingId)).version),
        chair: 'Councillor Timothy',
        present: 'Councillor Green\nCouncillor Mead\n',
        apologies: 'Councillor Dennis',
        officers: 'Tony Fitzgerald',
      });
      expect(res.status).toBe(303);
      expect((await meetingOverApi(w.meetingId)).attendees).toEqual([
        { name: 'Councillor Timothy', role: 'chair', status: 'present' },
        { name: 'Councillor Green', role: 'member', status: 'present' },
        { name: 'Councillor Mead', role: 'member', status: 'present' },
        { name: 'Councillor Dennis', role: 'member', status: 'apologies' },
        { name: 'Tony Fitzgerald', role: 'officer', status: 'present' },
      ]);
      const text = textOf((await staff.get(`/meetings/${w.meetingId}`)).text);
      expect(text).toContain('Attendance recorded');
      expect(text).toContain('Members present Councillor Green, Councillor Mead');
      expect(text).toContain('Apologies Councillor Dennis');
      const form = await staff.get(`/meetings/${w.meetingId}/attendance`);
      expect(form.text).toContain('Councillor Green\nCouncillor Mead</textarea>');
    });

    it('keeps whoever the form has no list for, as the API recorded them', async () => {
      const meetingId = w.laterMeetingId;
      const recorded = await f
        .http()
        .post(`/api/v1/meetings/${meetingId}/attendance`)
        .send({ attendees: [{ name: 'Councillor Carr', role: 'portfolio-holder', status: 'present' }] });
      expect(recorded.status).toBe(200);
      await waitForReadModels(f, (recorded.body as { position: number }).position);
      const res = await send(staff, `/meetings/${meetingId}/attendance`, {
        version: String((await meetingOverApi(meetingId)).version),
        present: 'Councillor Green',
      });
      expect(res.status).toBe(303);
      expect((await meetingOverApi(meetingId)).attendees).toEqual([
        { name: 'Councillor Green', role: 'member', status: 'present' },
        { name: 'Councillor Carr', role: 'portfolio-holder', status: 'present' },
      ]);
      expect(textOf((await staff.get(`/meetings/${meetingId}`)).text)).toContain('Others Councillor Carr (portfolio holder, present)');
    });

    it('asks for at least one name (400)', async () => {
      const res = await send(staff, `/meetings/${w.meetingId}/attendance`, {
        version: '1',
        chair: ' ',
        present: '',
        apologies: '',
        officers: '',
      });
      expect(res.status).toBe(400);
      expect(errorSummary(res.text)).toEqual([{ field: 'present', message: 'Enter at least one person who attended or sent apologies' }]);
    });

    it('says a form sent at an old version is stale (409), keeping what was typed, with the fresh version', async () => {
      const { version } = await meetingOverApi(w.meetingId);
      const res = await send(staff, `/meetings/${w.meetingId}/attendance`, {
        version: String(version - 1),
        present: 'Councillor Stale',
      });
      expect(res.status).toBe(409);
      expect(textOf(res.text)).toContain('This meeting changed since you opened the form');
      expect(res.text).toContain('Councillor Stale</textarea>');
      expect(res.text).toContain(`name="version" value="${version}"`);
      expect((await meetingOverApi(w.meetingId)).version).toBe(version);
    });

    it('refuses an officer (403)', async () => {
      expect((await officer.get(`/meetings/${w.meetingId}/attendance`)).status).toBe(403);
      expect((await sendAsOfficer(`/meetings/${w.meetingId}/attendance`, { version: '1', present: 'Me' })).status).toBe(403);
    });
  });

  describe('items', () => {
    it('adds an item with its paper reference and the minutes', async () => {
      const { version } = await meetingOverApi(w.meetingId);
      const res = await send(staff, `/meetings/${w.meetingId}/items/new`, {
        version: String(version),
        number: '04',
        title: 'Exit interviews',
        paperRef: 'Report CS14078',
        narrative: 'Members asked about exit interviews.\n\nOfficers would report back.',
      });
      expect(res.status).toBe(303);
      expect((await meetingOverApi(w.meetingId)).items).toContainEqual({
        number: '04',
        title: 'Exit interviews',
        paperRef: 'Report CS14078',
        narrative: 'Members asked about exit interviews.\n\nOfficers would report back.',
      });
      const text = textOf((await staff.get(`/meetings/${w.meetingId}`)).text);
      expect(text).toContain('Item 04 added');
      expect(text).toContain('04. Exit interviews Report CS14078 Members asked about exit interviews. Officers would report back.');
    });

    it('keeps what was typed when the number is missing (400)', async () => {
      const res = await send(staff, `/meetings/${w.meetingId}/items/new`, { version: '1', number: '', title: 'Untitled business' });
      expect(res.status).toBe(400);
      expect(errorSummary(res.text)).toEqual([{ field: 'number', message: 'Enter the item number, as the minutes print it' }]);
      expect(res.text).toContain('value="Untitled business"');
    });

    it("says the domain's refusal of a number already taken (409)", async () => {
      const { version } = await meetingOverApi(w.meetingId);
      const res = await send(staff, `/meetings/${w.meetingId}/items/new`, { version: String(version), number: '03', title: 'Again' });
      expect(res.status).toBe(409);
      expect(textOf(res.text)).toContain('already has item 03');
    });

    it('says a form sent at an old version is stale (409) and shows the items recorded now', async () => {
      const { version } = await meetingOverApi(w.meetingId);
      const res = await send(staff, `/meetings/${w.meetingId}/items/new`, {
        version: String(version - 1),
        number: '05',
        title: 'Late item',
      });
      expect(res.status).toBe(409);
      const text = textOf(res.text);
      expect(text).toContain('This meeting changed since you opened the form');
      expect(text).toContain('Items recorded 03: Draft Task & Finish Group Report Part 1');
      expect(res.text).toContain('value="Late item"');
      expect(res.text).toContain(`name="version" value="${version}"`);
    });

    it('refuses an officer (403)', async () => {
      expect((await officer.get(`/meetings/${w.meetingId}/items/new`)).status).toBe(403);
      expect((await sendAsOfficer(`/meetings/${w.meetingId}/items/new`, { version: '1', number: '09', title: 'Mine' })).status).toBe(403);
    });
  });

  describe('resolutions', () => {
    it('adds a resolution of one unlabelled part, skipping the empty rows', async () => {
      const res = await send(staff, `/meetings/${w.meetingId}/resolutions/new`, {
        itemNumber: '04',
        partCount: '3',
        part0Label: '',
        part0Kind: 'supported',
        part0Text: 'That the proposal be supported.',
      });
      expect(res.status).toBe(303);
      expect(res.headers['location']).toMatch(new RegExp(`^/meetings/${w.meetingId}#resolution-${UUID}$`));
      const resolution = (await meetingOverApi(w.meetingId)).resolutions.find((r) => r.itemNumber === '04');
      expect(resolution?.parts).toEqual([{ kind: 'supported', text: 'That the proposal be supported.' }]);
    });

    it('offers one more part row without recording anything ("Add another part")', async () => {
      const before = (await meetingOverApi(w.meetingId)).resolutions.length;
      const res = await send(staff, `/meetings/${w.meetingId}/resolutions/new`, {
        itemNumber: '03',
        partCount: '3',
        part0Text: 'Kept',
        addPart: 'yes',
      });
      expect(res.status).toBe(200);
      expect(res.text.match(/data-part-row=/g)).toHaveLength(4);
      expect(res.text).toContain('Kept</textarea>');
      expect((await meetingOverApi(w.meetingId)).resolutions).toHaveLength(before);
    });

    it('names the row of a part without its wording or kind (400)', async () => {
      const res = await send(staff, `/meetings/${w.meetingId}/resolutions/new`, {
        itemNumber: '03',
        partCount: '3',
        part0Label: '(i)',
        part0Kind: 'noted',
        part0Text: 'That the report be noted.',
        part1Label: '(ii)',
        part1Kind: '',
        part1Text: '',
      });
      expect(res.status).toBe(400);
      expect(errorSummary(res.text)).toEqual([
        { field: 'part1Text', message: 'Enter the wording of part 2' },
        { field: 'part1Kind', message: 'Select what part 2 does' },
      ]);
      expect(res.text).toContain('That the report be noted.</textarea>');
    });

    it("puts the domain's refusal on the form: two parts with the same label (409), keeping what was typed", async () => {
      const res = await send(staff, `/meetings/${w.meetingId}/resolutions/new`, {
        itemNumber: '03',
        partCount: '3',
        part0Label: '(i)',
        part0Kind: 'noted',
        part0Text: 'One',
        part2Label: '(i)',
        part2Kind: 'noted',
        part2Text: 'Two',
      });
      expect(res.status).toBe(409);
      expect(errorSummary(res.text)).toEqual([{ field: 'main-content', message: 'Part labels must be unique: (i)' }]);
      expect(res.text).toContain('Two</textarea>');
    });

    it('refuses an officer (403)', async () => {
      expect((await officer.get(`/meetings/${w.meetingId}/resolutions/new`)).status).toBe(403);
      const res = await sendAsOfficer(`/meetings/${w.meetingId}/resolutions/new`, { itemNumber: '03', part0Kind: 'noted', part0Text: 'x' });
      expect(res.status).toBe(403);
    });
  });

  describe('actions arising', () => {
    const path = () => `/meetings/${w.meetingId}/resolutions/${w.resolutionId}/actions/new`;

    it('offers the owner posts and the meetings it may be due at', async () => {
      const form = await staff.get(`${path()}?part=(ii)`);
      expect(form.status).toBe(200);
      expect(form.text).toContain(
        `<option value="${w.postId}">Project Manager, Transformation &amp; Technology (Tony Fitzgerald)</option>`,
      );
      expect(form.text).toContain(`<option value="${w.otherPostId}">Corporate Director, People (vacant)</option>`);
      expect(form.text).toContain('<option value="(ii)" selected>Part (ii)</option>');
      expect(form.text).toContain(`<option value="${w.laterMeetingId}">20 February 2017</option>`);
    });

    it('adds an action arising from a part, due at a date', async () => {
      const res = await send(staff, path(), {
        partLabel: '(ii)',
        title: 'Report the metrics to the February meeting',
        description: '',
        ownerPostId: w.otherPostId,
        dueDay: '20',
        dueMonth: '2',
        dueYear: '2017',
        dueMeetingId: '',
      });
      expect(res.status).toBe(303);
      const actions = (await meetingOverApi(w.meetingId)).actions;
      expect(actions).toContainEqual(
        expect.objectContaining({ title: 'Report the metrics to the February meeting', partLabel: '(ii)', due: { dueDate: '2017-02-20' } }),
      );
      expect(textOf((await staff.get(res.headers['location'] as string)).text)).toContain('Action added');
    });

    it('adds an action due at a later meeting', async () => {
      const res = await send(staff, path(), {
        partLabel: '',
        title: 'Report back on agency rates',
        ownerPostId: w.postId,
        dueMeetingId: w.laterMeetingId,
      });
      expect(res.status).toBe(303);
      expect((await meetingOverApi(w.meetingId)).actions).toContainEqual(
        expect.objectContaining({ title: 'Report back on agency rates', due: { dueMeetingId: w.laterMeetingId } }),
      );
    });

    it('asks for the action, its owner and when it is due, keeping what was typed (400)', async () => {
      const res = await send(staff, path(), { partLabel: '(ii)', title: '', description: 'Some detail', ownerPostId: '' });
      expect(res.status).toBe(400);
      expect(errorSummary(res.text).map((e) => e.field)).toEqual(['title', 'ownerPostId', 'dueDay']);
      expect(res.text).toContain('Some detail</textarea>');
    });

    it('refuses an officer (403)', async () => {
      expect((await officer.get(path())).status).toBe(403);
      const res = await sendAsOfficer(path(), { title: 'Mine', ownerPostId: w.postId, dueDay: '1', dueMonth: '3', dueYear: '2017' });
      expect(res.status).toBe(403);
    });
  });

  describe('approving the minutes and correcting a resolution', () => {
    it('approves the minutes at a later meeting; a stale form says so (409)', async () => {
      const { version } = await meetingOverApi(w.meetingId);
      const stale = await send(staff, `/meetings/${w.meetingId}/minutes-approval`, {
        version: String(version - 1),
        approvedAtMeetingId: w.laterMeetingId,
      });
      expect(stale.status).toBe(409);
      expect(textOf(stale.text)).toContain('This meeting changed since you opened the form');
      const missing = await send(staff, `/meetings/${w.meetingId}/minutes-approval`, { version: String(version), approvedAtMeetingId: '' });
      expect(missing.status).toBe(400);
      const res = await send(staff, `/meetings/${w.meetingId}/minutes-approval`, {
        version: String(version),
        approvedAtMeetingId: w.laterMeetingId,
      });
      expect(res.status).toBe(303);
      expect((await meetingOverApi(w.meetingId)).minutesApproved).toMatchObject({ approvedAtMeetingId: w.laterMeetingId });
      expect(textOf((await staff.get(`/meetings/${w.meetingId}`)).text)).toContain('Approved as a correct record on');
      expect(
        (await sendAsOfficer(`/meetings/${w.meetingId}/minutes-approval`, { version: '1', approvedAtMeetingId: w.laterMeetingId })).status,
      ).toBe(403);
    });

    it('corrects the wording with a reason, prefilled with the current parts; a stale form says so (409)', async () => {
      const path = `/meetings/${w.meetingId}/resolutions/${w.resolutionId}/correction`;
      const form = await staff.get(path);
      expect(form.status).toBe(200);
      expect(form.text).toContain('That the Report (Ref: 7) be noted.</textarea>');
      const resolution = (await meetingOverApi(w.meetingId)).resolutions.find((r) => r.resolutionId === w.resolutionId);
      const fields = {
        partCount: '3',
        part0Label: '(i)',
        part0Kind: 'noted',
        part0Text: 'That the Report (Ref: 7) be noted.',
        part1Label: '(ii)',
        part1Kind: 'instructed',
        part1Text: 'That the Project Manager be instructed to collate final metrics',
        reason: 'Minutes corrected at the February meeting',
      };
      const noReason = await send(staff, path, { ...fields, version: String(resolution?.version), reason: '' });
      expect(noReason.status).toBe(400);
      const stale = await send(staff, path, { ...fields, version: String((resolution?.version ?? 1) - 1) });
      expect(stale.status).toBe(409);
      const res = await send(staff, path, { ...fields, version: String(resolution?.version) });
      expect(res.status).toBe(303);
      const corrected = (await meetingOverApi(w.meetingId)).resolutions.find((r) => r.resolutionId === w.resolutionId);
      expect(corrected?.parts[1]).toEqual({
        label: '(ii)',
        kind: 'instructed',
        text: 'That the Project Manager be instructed to collate final metrics',
      });
      expect((await sendAsOfficer(path, { ...fields, version: '2' })).status).toBe(403);
    });
  });
});
