import { randomUUID } from 'node:crypto';
import type request from 'supertest';
import { startFeatureApp, expectProblem, type FeatureApp } from '../features/support/feature-app.js';
import { browser, csrfOf, seedConsoleWorld, signIn, textOf, waitForReadModels, type ConsoleWorld } from './support/console-world.js';

type Agent = ReturnType<typeof request.agent>;

describe('the web console over HTTP', () => {
  let f: FeatureApp;
  let w: ConsoleWorld;

  const actionOverApi = async (id: string) =>
    (await f.http().get(`/api/v1/actions/${id}`)).body as {
      version: number;
      status: string;
      outcome?: string;
      updates: { note: string; rag?: string; reportedBy?: string }[];
    };
  /** Reports progress on the action through its form, as the page would, with the version the form was shown at. */
  const sendProgress = async (agent: Agent, actionId: string, fields: Record<string, string>) => {
    const form = await agent.get(`/actions/${actionId}/progress`);
    const version = /name="version" value="(\d+)"/.exec(form.text)?.[1] ?? '';
    return agent
      .post(`/actions/${actionId}/progress`)
      .type('form')
      .send({ _csrf: csrfOf(form.text), version, ...fields });
  };

  beforeAll(async () => {
    f = await startFeatureApp();
    w = await seedConsoleWorld(f);
  });
  afterAll(() => f.close());

  describe('signing in and out', () => {
    it('lists the people in the directory with the posts they hold and offers the roles to sign in with', async () => {
      const res = await browser(f).get('/sign-in');
      expect(res.status).toBe(200);
      const text = textOf(res.text);
      expect(text).toContain('Tony Fitzgerald Holds Project Manager, Transformation & Technology');
      expect(text).toContain('The directory records people and the posts they hold, not their roles');
      for (const role of ['Officer', 'Scrutiny', 'Monitoring', 'Member', 'Admin']) expect(text).toContain(role);
    });

    it('signs in as the chosen person with a new HttpOnly, SameSite=Lax session cookie (not Secure outside production) and returns to the page asked for', async () => {
      const agent = browser(f);
      const first = await agent.get(`/actions/${w.actionId}`);
      expect(first.status).toBe(303);
      expect(first.headers.location).toBe(`/sign-in?returnTo=${encodeURIComponent(`/actions/${w.actionId}`)}`);
      const page = await agent.get(first.headers.location as string);
      const before = String(page.headers['set-cookie']);
      const res = await agent
        .post('/sign-in')
        .type('form')
        .send({ _csrf: csrfOf(page.text), personId: w.personId, roles: 'officer', returnTo: `/actions/${w.actionId}` });
      expect(res.status).toBe(303);
      expect(res.headers.location).toBe(`/actions/${w.actionId}`);
      const cookie = String(res.headers['set-cookie']);
      expect(cookie).toMatch(/^actiontrail_session=[^;]+; Path=\/; HttpOnly; SameSite=Lax$/);
      expect(cookie.split(';')[0]).not.toBe(before.split(';')[0]);
      const signedIn = await agent.get(res.headers.location as string);
      expect(textOf(signedIn.text)).toContain('Signed in as Tony Fitzgerald (officer)');
    });

    it('refuses a sign-in naming nobody in the directory or no role, saying what to fix', async () => {
      const agent = browser(f);
      const page = await agent.get('/sign-in');
      const res = await agent
        .post('/sign-in')
        .type('form')
        .send({ _csrf: csrfOf(page.text), personId: randomUUID() });
      expect(res.status).toBe(400);
      const text = textOf(res.text);
      expect(text).toContain('There is a problem');
      expect(text).toContain('Select who you are');
      expect(text).toContain('Select at least one role');
      expect((await agent.get('/')).status).toBe(303);
    });

    it('returns only to a page of the console after signing in, never to another site', async () => {
      for (const returnTo of ['//evil.example/', '/\\evil.example', 'https://evil.example/']) {
        const agent = browser(f);
        const page = await agent.get('/sign-in');
        const res = await agent
          .post('/sign-in')
          .type('form')
          .send({ _csrf: csrfOf(page.text), personId: w.personId, roles: 'officer', returnTo });
        expect({ returnTo, location: res.headers.location }).toEqual({ returnTo, location: '/' });
      }
    });

    it('signs out: the session ends, so its cookie no longer signs anyone in', async () => {
      const agent = await signIn(f, w.personId);
      const home = await agent.get('/');
      const cookie = String(home.request.getHeader('Cookie') ?? '');
      const res = await agent
        .post('/sign-out')
        .type('form')
        .send({ _csrf: csrfOf(home.text) });
      expect(res.status).toBe(303);
      expect(res.headers.location).toBe('/sign-in');
      expect(String(res.headers['set-cookie'])).toContain('Max-Age=0');
      const replayed = await browser(f).get('/').set('Cookie', cookie);
      expect(replayed.status).toBe(303);
      expect(replayed.headers.location).toBe('/sign-in?returnTo=%2F');
    });
  });

  describe('CSRF', () => {
    it('refuses a form without the session token, changes nothing and asks to sign in again, returning to the form', async () => {
      const agent = await signIn(f, w.personId);
      const before = await actionOverApi(w.actionId);
      const res = await agent
        .post(`/actions/${w.actionId}/progress`)
        .type('form')
        .send({ _csrf: 'forged', version: String(before.version), note: 'Sent from another site' });
      expect(res.status).toBe(403);
      expect(textOf(res.text)).toContain('Sign in again to continue');
      expect(res.text).toContain(`href="/sign-in?returnTo=${encodeURIComponent(`/actions/${w.actionId}/progress`)}"`);
      const cookieless = await browser(f).post(`/actions/${w.actionId}/progress`).type('form').send({ note: 'No session at all' });
      expect(cookieless.status).toBe(403);
      expect((await actionOverApi(w.actionId)).version).toBe(before.version);
    });
  });

  describe('an ended session', () => {
    /** A browser whose session cookie names a session the server has ended (signed out elsewhere, or timed out). */
    const withEndedSession = async () => {
      const agent = await signIn(f, w.personId, ['scrutiny']);
      const page = await agent.get('/chase-list');
      const cookie = String(page.request.getHeader('Cookie') ?? '');
      await agent
        .post('/sign-out')
        .type('form')
        .send({ _csrf: csrfOf(page.text) });
      return { cookie, csrf: csrfOf(page.text) };
    };

    it('asks to sign in again and returns to the page the form was sent from, even when the form has no page of its own', async () => {
      const { cookie, csrf } = await withEndedSession();
      const res = await browser(f)
        .post(`/actions/${w.actionId}/chase`)
        .set('Host', 'console.test')
        .set('Referer', 'http://console.test/chase-list?after=A1')
        .set('Cookie', cookie)
        .type('form')
        .send({ _csrf: csrf, note: 'Please send the figures' });
      expect(res.status).toBe(403);
      expect(textOf(res.text)).toContain('Sign in again to continue');
      const signInAgain = /href="(\/sign-in\?returnTo=[^"]+)"/.exec(res.text)?.[1]?.replace(/&amp;/g, '&') ?? '';
      expect(signInAgain).toBe(`/sign-in?returnTo=${encodeURIComponent('/chase-list?after=A1')}`);

      const agent = browser(f);
      const page = await agent.get(signInAgain);
      const returnTo = /name="returnTo" value="([^"]*)"/.exec(page.text)?.[1]?.replace(/&amp;/g, '&');
      const signedIn = await agent
        .post('/sign-in')
        .type('form')
        .send({ _csrf: csrfOf(page.text), personId: w.personId, roles: 'scrutiny', returnTo });
      expect({ status: signedIn.status, location: signedIn.headers.location }).toEqual({ status: 303, location: '/chase-list?after=A1' });
      expect((await f.http().get(`/api/v1/actions/${w.actionId}`)).body.chases ?? []).toEqual([]);
    });

    it("returns to the form's own path when the page it came from is another site's or unknown", async () => {
      const { cookie, csrf } = await withEndedSession();
      for (const referer of ['https://evil.example/chase-list', 'http://console.test//evil.example/', undefined]) {
        const sent = browser(f).post(`/actions/${w.actionId}/progress`).set('Host', 'console.test').set('Cookie', cookie);
        const res = await (referer === undefined ? sent : sent.set('Referer', referer)).type('form').send({ _csrf: csrf, note: 'x' });
        expect({ referer, status: res.status, link: /href="\/sign-in\?returnTo=([^"]+)"/.exec(res.text)?.[1] }).toEqual({
          referer,
          status: 403,
          link: encodeURIComponent(`/actions/${w.actionId}/progress`),
        });
      }
    });

    it('lets pages tell the console which page a form was sent from, and no other site', async () => {
      const res = await browser(f).get('/sign-in');
      expect(res.headers['referrer-policy']).toBe('same-origin');
    });
  });

  describe('an officer', () => {
    let officer: Agent;
    beforeAll(async () => {
      officer = await signIn(f, w.personId);
    });

    it("shows My actions: the actions of the officer's post with reference, committee, words, due date and overdue tag, not another post's", async () => {
      const res = await officer.get('/');
      expect(res.status).toBe(200);
      const text = textOf(res.text);
      expect(text).toContain('Actions owned by the post you hold: Project Manager, Transformation & Technology.');
      expect(text).toMatch(
        /A1 Scrutiny Task & Finish Group Collate final metrics for Vacancy, Turnover and Agency Rates Project Manager, Transformation & Technology 15 February 2017 Overdue/,
      );
      expect(text).toContain('None yet');
      expect(text).not.toContain('Review the exit interview process');
      expect(res.text).toContain(`href="/actions/${w.actionId}"`);
    });

    it('shows the action page: the resolution part it came from, its status and its history with who and when', async () => {
      const res = await officer.get(`/actions/${w.actionId}`);
      expect(res.status).toBe(200);
      const text = textOf(res.text);
      expect(text).toContain(
        'What the committee resolved (ii) That the Project Manager, Transformation & Technology be instructed to collate final metrics',
      );
      expect(text).toContain('16 January 2017 at 6:00pm Action assigned Scrutiny Clerk');
      expect(text).toContain('Not chased.');
    });

    it('keeps what was typed and shows the error summary and inline errors when the progress form is wrong', async () => {
      const wrongRag = await sendProgress(officer, w.actionId, { note: 'Typed note <kept>', rag: 'purple' });
      expect(wrongRag.status).toBe(400);
      expect(wrongRag.text).toContain('<a href="#rag">Select green, amber or red</a>');
      expect(wrongRag.text).toMatch(/<textarea[^>]*name="note"[^>]*>Typed note &lt;kept&gt;<\/textarea>/);
      expect(textOf(wrongRag.text)).toMatch(/^ Error: Report progress/);

      const noNote = await sendProgress(officer, w.actionId, { note: '  ', rag: 'red' });
      expect(noNote.status).toBe(400);
      expect(noNote.text).toContain('<a href="#note">Enter a progress note</a>');
      expect(noNote.text).toMatch(/value="red" checked/);
      expect((await actionOverApi(w.actionId)).updates).toEqual([]);
    });

    it('reports progress with a RAG through the form, then redirects (303) to the action showing it', async () => {
      const res = await sendProgress(officer, w.actionId, { note: 'Vacancy figures collated', rag: 'amber' });
      expect(res.status).toBe(303);
      expect(res.headers.location).toBe(`/actions/${w.actionId}`);
      const page = textOf((await officer.get(res.headers.location as string)).text);
      expect(page).toContain('Progress reported');
      expect(page).toContain('(Amber): Vacancy figures collated');
      expect(page).toContain('Action progress reported Tony Fitzgerald');
      const again = textOf((await officer.get(`/actions/${w.actionId}`)).text);
      expect(again).not.toContain('Progress reported');
      expect((await actionOverApi(w.actionId)).updates).toEqual([
        { note: 'Vacancy figures collated', rag: 'amber', reportedAt: expect.any(String), reportedBy: w.personId },
      ]);
      expect(textOf((await officer.get('/')).text)).toContain('Amber');
    });

    it('refuses a stale form: says the action changed, shows the fresh state and keeps what was typed, recording nothing', async () => {
      const form = await officer.get(`/actions/${w.actionId}/progress`);
      const version = /name="version" value="(\d+)"/.exec(form.text)?.[1] ?? '';
      const moved = await f.http().post(`/api/v1/actions/${w.actionId}/progress`).send({ note: 'Clerk: figures received', rag: 'green' });
      expect(moved.status).toBe(200);
      await waitForReadModels(f, moved.body.position as number);
      const res = await officer
        .post(`/actions/${w.actionId}/progress`)
        .type('form')
        .send({ _csrf: csrfOf(form.text), version, note: 'My late note', rag: 'red' });
      expect(res.status).toBe(409);
      const text = textOf(res.text);
      expect(text).toContain('This action changed since you opened the form');
      expect(text).toContain('(Green): Clerk: figures received');
      expect(res.text).toContain('My late note</textarea>');
      expect(res.text).toContain(`name="version" value="${moved.body.version as number}"`);
      expect((await actionOverApi(w.actionId)).updates.map((u) => u.note)).not.toContain('My late note');
    });

    it("answers 403 in GOV.UK style for another post's action and records nothing", async () => {
      const form = await officer.get(`/actions/${w.otherActionId}/progress`);
      expect(form.status).toBe(403);
      expect(textOf(form.text)).toContain('You cannot report progress on this action');
      const page = await officer.get(`/actions/${w.otherActionId}`);
      expect(page.text).not.toContain('Report progress');
      const res = await officer
        .post(`/actions/${w.otherActionId}/complete`)
        .type('form')
        .send({ _csrf: csrfOf(page.text), version: '1', outcome: 'Not mine to complete' });
      expect(res.status).toBe(403);
      expect(textOf(res.text)).toContain('You cannot complete this action');
      expect(textOf(res.text)).toContain(`You do not hold the post that owns action ${w.otherActionId}`);
      expect((await actionOverApi(w.otherActionId)).status).toBe('open');
    });

    it('answers "Page not found" for an unknown action, a malformed id and an unknown page; API paths keep problem+json', async () => {
      for (const path of [`/actions/${randomUUID()}`, '/actions/not-an-id', '/nowhere']) {
        const res = await officer.get(path);
        expect({ path, status: res.status, type: res.headers['content-type'] }).toEqual({
          path,
          status: 404,
          type: 'text/html; charset=utf-8',
        });
        expect(textOf(res.text)).toContain('Page not found');
      }
      expectProblem(await officer.get('/api/v1/nowhere'), 404, 'not-found');
      expectProblem(await f.anonymous().get('/nowhere'), 404, 'not-found');
    });

    it('marks the action complete with an outcome through the form, then redirects (303) to it', async () => {
      const form = await officer.get(`/actions/${w.actionId}/complete`);
      const version = /name="version" value="(\d+)"/.exec(form.text)?.[1] ?? '';
      const empty = await officer
        .post(`/actions/${w.actionId}/complete`)
        .type('form')
        .send({ _csrf: csrfOf(form.text), version, outcome: '' });
      expect(empty.status).toBe(400);
      expect(empty.text).toContain('<a href="#outcome">Enter the outcome</a>');
      const res = await officer
        .post(`/actions/${w.actionId}/complete`)
        .type('form')
        .send({ _csrf: csrfOf(form.text), version, outcome: 'Final metrics sent to the February meeting' });
      expect(res.status).toBe(303);
      const page = textOf((await officer.get(`/actions/${w.actionId}`)).text);
      expect(page).toContain('Action marked as complete');
      expect(page).toContain('Completed, awaiting sign-off');
      expect(page).toContain('Outcome Final metrics sent to the February meeting');
      expect(await actionOverApi(w.actionId)).toMatchObject({ status: 'completed', outcome: 'Final metrics sent to the February meeting' });
    });
  });

  describe("the API routes' role rules, applied to the pages", () => {
    it('lets a member see My actions but not an action page, as GET /me/queue and GET /actions/{id} do', async () => {
      const member = await signIn(f, w.personId, ['member']);
      expect((await member.get('/')).status).toBe(200);
      const page = await member.get(`/actions/${w.actionId}`);
      expect(page.status).toBe(403);
      expect(textOf(page.text)).toContain('You cannot see this action Only officer, scrutiny, monitoring, admin may do this');
    });

    it('lets the monitoring officer read an action but neither offers nor accepts a progress report from them', async () => {
      const monitoring = await signIn(f, w.personId, ['monitoring']);
      const page = await monitoring.get(`/actions/${w.otherActionId}`);
      expect(page.status).toBe(200);
      expect(page.text).not.toContain('Report progress');
      const res = await monitoring
        .post(`/actions/${w.otherActionId}/progress`)
        .type('form')
        .send({ _csrf: csrfOf(page.text), version: '1', note: 'Not mine to report' });
      expect(res.status).toBe(403);
      expect((await actionOverApi(w.otherActionId)).updates).toEqual([]);
    });
  });

  describe('pages and assets', () => {
    it('serves GOV.UK Frontend styles, scripts and fonts from the app, and nothing outside them', async () => {
      const css = await browser(f).get('/assets/govuk-frontend.min.css');
      expect({ status: css.status, type: css.headers['content-type'] }).toEqual({ status: 200, type: 'text/css; charset=utf-8' });
      expect((await browser(f).get('/assets/govuk-frontend.min.js')).status).toBe(200);
      expect((await browser(f).get('/assets/console.js')).status).toBe(200);
      expect((await browser(f).get('/assets/fonts/bold-b542beb274-v2.woff2')).headers['content-type']).toBe('font/woff2');
      for (const path of ['/assets/..%2f..%2fpackage.json', '/assets/fonts/..%2F..%2F..%2Fpackage.json', '/assets/.well-known']) {
        expect((await browser(f).get(path)).status).toBe(404);
      }
    });

    it("answers pages with a CSP allowing only the app's own assets and the page's nonced script", async () => {
      const res = await browser(f).get('/sign-in');
      const csp = String(res.headers['content-security-policy']);
      const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("form-action 'self'");
      expect(res.text).toContain(`<script nonce="${nonce}">`);
    });
  });
});
