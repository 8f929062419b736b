import type request from 'supertest';
import { startFeatureApp, type FeatureApp } from '../features/support/feature-app.js';
import { csrfOf, seedConsoleWorld, signIn, textOf, waitForReadModels, type ConsoleWorld } from './support/console-world.js';

type Agent = ReturnType<typeof request.agent>;

interface ApiAction {
  version: number;
  status: string;
  ownerPostId: string;
  due: { dueDate?: string; dueMeetingId?: string };
}

const VERSION = /name="version" value="(\d+)"/;

describe("the staff's management pages of the web console", () => {
  let f: FeatureApp;
  let w: ConsoleWorld;
  let staff: Agent;
  let officer: Agent;
  let monitoring: Agent;
  let admin: Agent;

  const actionOverApi = async (id: string) => (await f.http().get(`/api/v1/actions/${id}`)).body as ApiAction;
  const postOverApi = async (id: string) =>
    (await f.http().get(`/api/v1/posts/${id}`)).body as { version: number; holder: { personId: string } | null };

  /** Opens the form at `path` as `agent` and sends it with its token and version, plus the fields given. */
  async function sendForm(agent: Agent, path: string, fields: Record<string, string>, version?: (v: number) => number) {
    const form = await agent.get(path);
    expect(form.status).toBe(200);
    const shown = Number(VERSION.exec(form.text)?.[1] ?? '0');
    const body: Record<string, string> = { _csrf: csrfOf(form.text), ...fields };
    if (VERSION.test(form.text)) body['version'] = String(version ? version(shown) : shown);
    return agent.post(path).type('form').send(body);
  }

  /** An officer's form post, with the token of a page an officer may open. */
  async function officerPost(path: string, fields: Record<string, string>) {
    const page = await officer.get('/');
    return officer
      .post(path)
      .type('form')
      .send({ _csrf: csrfOf(page.text), version: '1', ...fields });
  }

  beforeAll(async () => {
    f = await startFeatureApp();
    w = await seedConsoleWorld(f);
    // The other action is completed by its owner's post, so it may be reopened; the first stays open.
    const done = await f.http().post(`/api/v1/actions/${w.otherActionId}/completion`).send({ outcome: 'Exit interviews reviewed' });
    if (done.status !== 200) throw new Error(`completion answered ${done.status}: ${JSON.stringify(done.body)}`);
    await waitForReadModels(f, (done.body as { position: number }).position);
    staff = await signIn(f, w.personId, ['scrutiny']);
    officer = await signIn(f, w.personId, ['officer']);
    monitoring = await signIn(f, w.personId, ['monitoring']);
    admin = await signIn(f, w.personId, ['admin']);
  });
  afterAll(() => f.close());

  describe('the header navigation', () => {
    const navOf = (html: string) => /<ul class="govuk-service-navigation__list"[\s\S]*?<\/ul>/.exec(html)?.[0] ?? '';
    const hrefsOf = (html: string) => [...navOf(html).matchAll(/href="([^"]+)"/g)].map((m) => m[1]);

    it('shows each role the links its pages allow, from one list', async () => {
      expect(hrefsOf((await officer.get('/')).text)).toEqual(['/']);
      expect(hrefsOf((await staff.get('/committees')).text)).toEqual(['/committees', '/chase-list', '/decisions', '/posts', '/people']);
      expect(hrefsOf((await monitoring.get('/audit')).text)).toEqual(['/decisions', '/audit', '/audit/verify']);
      expect(hrefsOf((await admin.get('/posts')).text)).toEqual([
        '/committees',
        '/chase-list',
        '/decisions',
        '/posts',
        '/people',
        '/audit',
        '/audit/verify',
      ]);
    });

    it('marks the current page aria-current="page", and its section when on a page under it', async () => {
      const posts = navOf((await staff.get('/posts')).text);
      expect(posts).toMatch(/href="\/posts"\s+aria-current="page"/);
      expect(posts.match(/aria-current/g)).toHaveLength(1);
      const verify = navOf((await monitoring.get('/audit/verify')).text);
      expect(verify).toMatch(/href="\/audit\/verify"\s+aria-current="page"/);
      expect(verify).not.toMatch(/href="\/audit"\s+aria-current/);
      const newPost = navOf((await staff.get('/posts/new')).text);
      expect(newPost).toMatch(/href="\/posts"\s+aria-current="true"/);
      expect(navOf((await officer.get('/')).text)).toMatch(/href="\/"\s+aria-current="page"/);
    });
  });

  describe("an action's management forms", () => {
    it('offers staff, not officers, the forms the action is in a state for', async () => {
      const open = await staff.get(`/actions/${w.actionId}`);
      for (const kind of ['due-date', 'reassign', 'withdraw']) expect(open.text).toContain(`href="/actions/${w.actionId}/${kind}"`);
      expect(open.text).not.toContain(`/reopen"`);
      const completed = await staff.get(`/actions/${w.otherActionId}`);
      expect(completed.text).toContain(`href="/actions/${w.otherActionId}/reopen"`);
      expect((await officer.get(`/actions/${w.actionId}`)).text).not.toContain('data-manage-action');
    });

    it('refuses an officer every form, to open and to send, and changes nothing', async () => {
      for (const kind of ['reopen', 'due-date', 'reassign', 'withdraw']) {
        const form = await officer.get(`/actions/${w.actionId}/${kind}`);
        expect(form.status).toBe(403);
        expect(textOf(form.text)).toMatch(/You cannot (reopen|change the due date of|reassign|withdraw) this action/);
      }
      const before = await actionOverApi(w.actionId);
      const sent = [
        await officerPost(`/actions/${w.otherActionId}/reopen`, { reason: 'Me' }),
        await officerPost(`/actions/${w.actionId}/due-date`, { reason: 'Me', dueDay: '1', dueMonth: '3', dueYear: '2017' }),
        await officerPost(`/actions/${w.actionId}/reassign`, { reason: 'Me', ownerPostId: w.otherPostId }),
        await officerPost(`/actions/${w.actionId}/withdraw`, { reason: 'Me' }),
      ];
      expect(sent.map((r) => r.status)).toEqual([403, 403, 403, 403]);
      expect(await actionOverApi(w.actionId)).toEqual(before);
      expect((await actionOverApi(w.otherActionId)).status).toBe('completed');
    });

    it('asks for a reason, keeping what was typed', async () => {
      const res = await sendForm(staff, `/actions/${w.actionId}/reassign`, { reason: ' ', ownerPostId: w.otherPostId });
      expect(res.status).toBe(400);
      expect(res.text).toContain('<title>Error: Reassign the action – Actiontrail</title>');
      expect(res.text).toContain('href="#reason">Enter the reason</a>');
      expect(res.text).toMatch(new RegExp(`<option value="${w.otherPostId}" selected>`));
      const none = await sendForm(staff, `/actions/${w.actionId}/reassign`, { reason: 'Moved' });
      expect(none.status).toBe(400);
      expect(none.text).toContain('href="#ownerPostId">Select the post to own the action</a>');
      expect(none.text).toContain('>Moved</textarea>');
      expect((await actionOverApi(w.actionId)).ownerPostId).toBe(w.postId);
    });

    it('checks the due date as GOV.UK date inputs do', async () => {
      const cases: [Record<string, string>, string][] = [
        [{ dueDay: '31', dueMonth: '2', dueYear: '2017' }, 'Due date must be a real date'],
        [{ dueDay: '3', dueMonth: '', dueYear: '2017' }, 'Due date must include a month'],
        [{ dueDay: '', dueMonth: '', dueYear: '' }, 'Enter the due date or select a meeting'],
        [{ dueDay: '1', dueMonth: '3', dueYear: '2017', dueMeetingId: w.laterMeetingId }, 'Enter a due date or select a meeting, not both'],
      ];
      for (const [fields, message] of cases) {
        const res = await sendForm(staff, `/actions/${w.actionId}/due-date`, { reason: 'Slipped', ...fields });
        expect(res.status).toBe(400);
        expect(res.text).toContain(`href="#dueDate-day">${message}</a>`);
        expect(res.text).toContain('>Slipped</textarea>');
      }
      const real = await sendForm(staff, `/actions/${w.actionId}/due-date`, {
        reason: 'Slipped',
        dueDay: '31',
        dueMonth: '2',
        dueYear: '2017',
      });
      expect(real.text).toMatch(/name="dueDay" type="text" value="31"/);
      expect((await actionOverApi(w.actionId)).due).toEqual({ dueDate: '2017-02-15' });
    });

    it('says the action changed when the form was opened at an older version, shows it fresh, and keeps the reason', async () => {
      for (const kind of ['due-date', 'reassign', 'withdraw']) {
        const fields = { reason: 'Stale reason', dueDay: '15', dueMonth: '3', dueYear: '2017', ownerPostId: w.otherPostId };
        const res = await sendForm(staff, `/actions/${w.actionId}/${kind}`, fields, (v) => v - 1);
        expect(res.status).toBe(409);
        expect(textOf(res.text)).toContain('This action changed since you opened the form');
        expect(res.text).toContain('>Stale reason</textarea>');
        expect(VERSION.exec(res.text)?.[1]).toBe(String((await actionOverApi(w.actionId)).version));
      }
      const reopen = await sendForm(staff, `/actions/${w.otherActionId}/reopen`, { reason: 'Stale reason' }, (v) => v - 1);
      expect(reopen.status).toBe(409);
      expect(textOf(reopen.text)).toContain('This action changed since you opened the form');
      expect((await actionOverApi(w.actionId)).status).toBe('open');
      expect((await actionOverApi(w.otherActionId)).status).toBe('completed');
    });

    it('changes the due date to a date, then to a meeting, redirecting (303) to the action with a banner', async () => {
      const res = await sendForm(staff, `/actions/${w.actionId}/due-date`, {
        reason: 'The data arrives late',
        dueDay: '15',
        dueMonth: '3',
        dueYear: '2017',
      });
      expect(res.status).toBe(303);
      expect(res.headers.location).toBe(`/actions/${w.actionId}`);
      const page = await staff.get(`/actions/${w.actionId}`);
      expect(textOf(page.text)).toContain('Due date changed');
      expect(textOf(page.text)).toContain('Due 15 March 2017');
      expect((await actionOverApi(w.actionId)).due).toEqual({ dueDate: '2017-03-15' });
      const form = await staff.get(`/actions/${w.actionId}/due-date`);
      expect(form.text).toMatch(new RegExp(`<option value="${w.laterMeetingId}">20 February 2017</option>`));
      const meeting = await sendForm(staff, `/actions/${w.actionId}/due-date`, {
        reason: 'Report back to the February meeting',
        dueDay: '',
        dueMonth: '',
        dueYear: '',
        dueMeetingId: w.laterMeetingId,
      });
      expect(meeting.status).toBe(303);
      expect((await actionOverApi(w.actionId)).due).toMatchObject({ dueMeetingId: w.laterMeetingId });
    });

    it("says so when the domain refuses, as reassigning to the action's own post", async () => {
      const res = await sendForm(staff, `/actions/${w.actionId}/reassign`, { reason: 'Same', ownerPostId: w.postId });
      expect(res.status).toBe(409);
      expect(res.text).toContain('data-refusal');
      expect(res.text).toContain('>Same</textarea>');
    });

    it('reassigns the action to another post', async () => {
      const res = await sendForm(staff, `/actions/${w.actionId}/reassign`, {
        reason: 'The director takes it on',
        ownerPostId: w.otherPostId,
      });
      expect(res.status).toBe(303);
      const page = await staff.get(`/actions/${w.actionId}`);
      expect(textOf(page.text)).toContain('Action reassigned');
      expect(textOf(page.text)).toContain('Owner Corporate Director, People');
      expect((await actionOverApi(w.actionId)).ownerPostId).toBe(w.otherPostId);
    });

    it('reopens the completed action', async () => {
      const res = await sendForm(staff, `/actions/${w.otherActionId}/reopen`, { reason: 'The outcome was not reported to committee' });
      expect(res.status).toBe(303);
      expect(textOf((await staff.get(`/actions/${w.otherActionId}`)).text)).toContain('Action reopened');
      expect((await actionOverApi(w.otherActionId)).status).toBe('open');
    });

    it('withdraws the action', async () => {
      const res = await sendForm(staff, `/actions/${w.actionId}/withdraw`, { reason: 'Overtaken by the restructure' });
      expect(res.status).toBe(303);
      const page = await staff.get(`/actions/${w.actionId}`);
      expect(textOf(page.text)).toContain('Action withdrawn');
      expect(textOf(page.text)).toContain('Status Withdrawn');
      expect((await actionOverApi(w.actionId)).status).toBe('withdrawn');
      expect(page.text).not.toContain('data-manage-action');
    });
  });

  describe('posts', () => {
    it('lists the posts with their holders, and the vacant ones', async () => {
      const res = await staff.get('/posts');
      expect(res.status).toBe(200);
      const rowOf = (postId: string) =>
        textOf(new RegExp(`<tr class="govuk-table__row" data-post-id="${postId}">[\\s\\S]*?</tr>`).exec(res.text)?.[0] ?? '').trim();
      expect(rowOf(w.postId)).toMatch(/^Project Manager, Transformation & Technology Transformation Tony Fitzgerald/);
      expect(rowOf(w.otherPostId)).toMatch(/^Corporate Director, People Vacant/);
      expect(res.text).toContain('href="/posts/new"');
      expect(res.text).toContain(`href="/posts/${w.postId}/vacate"`);
    });

    it('refuses an officer the forms, and shows no form links on the list', async () => {
      expect((await officer.get('/posts/new')).status).toBe(403);
      expect((await officer.get(`/posts/${w.otherPostId}/holder`)).status).toBe(403);
      expect((await officer.get(`/posts/${w.postId}/vacate`)).status).toBe(403);
      expect((await officerPost('/posts/new', { title: 'Officer post' })).status).toBe(403);
      expect((await officerPost(`/posts/${w.otherPostId}/holder`, { personId: w.personId })).status).toBe(403);
      expect((await officerPost(`/posts/${w.postId}/vacate`, {})).status).toBe(403);
      const list = await officer.get('/posts');
      expect(list.text).not.toContain('href="/posts/new"');
      expect(textOf(list.text)).not.toContain('Officer post');
      expect((await postOverApi(w.postId)).holder?.personId).toBe(w.personId);
    });

    it('asks for a title, keeping the department typed', async () => {
      const res = await sendForm(staff, '/posts/new', { title: '', department: 'Children’s Services' });
      expect(res.status).toBe(400);
      expect(res.text).toContain('href="#title">Enter the title of the post</a>');
      expect(res.text).toContain('value="Children’s Services"');
    });

    it('creates a post and lists it as vacant', async () => {
      const res = await sendForm(staff, '/posts/new', { title: 'Head of Social Work', department: 'Children’s Services' });
      expect(res.status).toBe(303);
      expect(res.headers.location).toBe('/posts');
      const list = textOf((await staff.get('/posts')).text);
      expect(list).toContain('Post created: Head of Social Work');
      expect(list).toMatch(/Head of Social Work Children’s Services Vacant/);
    });

    it('asks whom to appoint', async () => {
      const res = await sendForm(staff, `/posts/${w.otherPostId}/holder`, { personId: '' });
      expect(res.status).toBe(400);
      expect(res.text).toContain('href="#personId">Select the person to appoint</a>');
    });

    it('says the post changed when the form was opened at an older version', async () => {
      const res = await sendForm(staff, `/posts/${w.postId}/holder`, { personId: w.personId }, (v) => v - 1);
      expect(res.status).toBe(409);
      expect(textOf(res.text)).toContain('This post changed since you opened the form');
      expect(VERSION.exec(res.text)?.[1]).toBe(String((await postOverApi(w.postId)).version));
      const vacate = await sendForm(staff, `/posts/${w.postId}/vacate`, {}, (v) => v - 1);
      expect(vacate.status).toBe(409);
      expect((await postOverApi(w.postId)).holder?.personId).toBe(w.personId);
    });

    it('appoints a holder from the people, then vacates the post, and says so when it is already vacant', async () => {
      const form = await staff.get(`/posts/${w.otherPostId}/holder`);
      expect(form.text).toContain(`<option value="${w.personId}">Tony Fitzgerald</option>`);
      const res = await sendForm(staff, `/posts/${w.otherPostId}/holder`, { personId: w.personId });
      expect(res.status).toBe(303);
      expect(textOf((await staff.get('/posts')).text)).toContain('Holder appointed');
      expect((await postOverApi(w.otherPostId)).holder?.personId).toBe(w.personId);
      const vacate = await sendForm(staff, `/posts/${w.otherPostId}/vacate`, {});
      expect(vacate.status).toBe(303);
      expect(textOf((await staff.get('/posts')).text)).toContain('Post vacated');
      expect((await postOverApi(w.otherPostId)).holder).toBeNull();
      const again = await sendForm(staff, `/posts/${w.otherPostId}/vacate`, {});
      expect(again.status).toBe(409);
      expect(again.text).toContain('data-refusal');
    });

    it('shows 50 posts a page with a link to the later ones', async () => {
      let position = 0;
      for (let i = 0; i < 50; i++) {
        const res = await f
          .http()
          .post('/api/v1/posts')
          .send({ title: `Zz Paged post ${String(i).padStart(2, '0')}` });
        position = (res.body as { position: number }).position;
      }
      await waitForReadModels(f, position);
      const first = await staff.get('/posts');
      expect(first.text.match(/data-post-id=/g)).toHaveLength(50);
      const next = /href="(\/posts\?after=[^"]+)"/.exec(first.text)?.[1] ?? '';
      expect(next).not.toBe('');
      const later = await staff.get(next.replace(/&amp;/g, '&'));
      expect(later.status).toBe(200);
      expect(textOf(later.text)).toContain('Zz Paged post 49');
      expect(later.text.match(/data-post-id=/g)).toHaveLength(53 - 50);
      expect(later.text).toContain('href="/posts"');
      expect((await staff.get('/posts?after=not-a-cursor')).status).toBe(404);
    });
  });

  describe('people', () => {
    it('lists the people, and refuses an officer the list and the form', async () => {
      const res = await staff.get('/people');
      expect(res.status).toBe(200);
      expect(res.text).toContain(`data-person-id="${w.personId}"`);
      expect((await officer.get('/people')).status).toBe(403);
      expect((await officer.get('/people/new')).status).toBe(403);
      expect((await officerPost('/people/new', { name: 'Officer person' })).status).toBe(403);
      expect(textOf((await staff.get('/people')).text)).not.toContain('Officer person');
    });

    it('asks for a name and a well-formed email, keeping what was typed', async () => {
      const res = await sendForm(staff, '/people/new', { name: '', email: 'not-an-email', identitySubject: 'abc' });
      expect(res.status).toBe(400);
      expect(res.text).toContain('href="#name">Enter the full name</a>');
      expect(res.text).toContain('href="#email">Enter an email address in the correct format, like name@example.com</a>');
      expect(res.text).toContain('value="not-an-email"');
      expect(res.text).toContain('value="abc"');
    });

    it('registers a person with the identity sign-in matches, and lists them', async () => {
      const res = await sendForm(staff, '/people/new', {
        name: 'Sally Rogers',
        email: 'sally.rogers@luton.gov.uk',
        identitySubject: '9f3c2b1a-0d4e-4c5f-8a6b-7c8d9e0f1a2b',
      });
      expect(res.status).toBe(303);
      expect(res.headers.location).toBe('/people');
      const list = await staff.get('/people');
      expect(textOf(list.text)).toContain('Person registered: Sally Rogers');
      expect(textOf(list.text)).toContain('Sally Rogers sally.rogers@luton.gov.uk');
      const id = /data-person-id="([^"]+)"[^>]*>\s*<td class="govuk-table__cell">Sally Rogers/.exec(list.text)?.[1] ?? '';
      const person = await f.http().get(`/api/v1/people/${id}`);
      expect(person.body).toMatchObject({ name: 'Sally Rogers', identitySubject: '9f3c2b1a-0d4e-4c5f-8a6b-7c8d9e0f1a2b' });
    });
  });
});
