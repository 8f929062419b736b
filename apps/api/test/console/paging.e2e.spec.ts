import type request from 'supertest';
import { CONSOLE_PAGE_SIZE } from '#console';
import { startFeatureApp, type FeatureApp } from '../features/support/feature-app.js';
import { seedConsoleWorld, signIn, textOf, waitForReadModels, type ConsoleWorld } from './support/console-world.js';

type Agent = ReturnType<typeof request.agent>;

/** Actions added to the world's one on Tony Fitzgerald's post: with it, one more than a page. */
const ADDED = CONSOLE_PAGE_SIZE;

const rowsOf = (html: string) => [...html.matchAll(/data-action-id="([^"]+)"/g)].map((m) => m[1]);
const decode = (href: string) => href.replace(/&amp;/g, '&');
const linkOf = (html: string, rel: 'next' | 'prev') => {
  const href = new RegExp(`<a class="govuk-link govuk-pagination__link" href="([^"]+)" rel="${rel}"`).exec(html)?.[1];
  return href === undefined ? undefined : decode(href);
};

describe('the long lists of the web console, a page of 100 at a time', () => {
  let f: FeatureApp;
  let w: ConsoleWorld;
  let staff: Agent;
  let officer: Agent;
  /** Every action on Tony Fitzgerald's post, soonest due first: the world's (due 15 February 2017), then the added ones. */
  const byDue: string[] = [];

  beforeAll(async () => {
    f = await startFeatureApp();
    w = await seedConsoleWorld(f);
    byDue.push(w.actionId);
    let position = 0;
    for (let i = 0; i < ADDED; i++) {
      const dueDate = new Date(Date.UTC(2017, 2, 1 + i)).toISOString().slice(0, 10);
      const res = await f
        .http()
        .post('/api/v1/actions')
        .send({ resolutionId: w.resolutionId, partLabel: '(ii)', title: `Paged action ${i + 1}`, ownerPostId: w.postId, dueDate });
      if (res.status !== 201) throw new Error(`assign answered ${res.status}: ${JSON.stringify(res.body)}`);
      const body = res.body as { id: string; position: number };
      byDue.push(body.id);
      position = body.position;
    }
    await waitForReadModels(f, position);
    staff = await signIn(f, w.personId, ['scrutiny']);
    officer = await signIn(f, w.personId, ['officer']);
  }, 120_000);
  afterAll(() => f.close());

  describe('My actions', () => {
    it('shows the first 100 with a Next link to a second page that shows the 101st, and a First link back', async () => {
      const first = await officer.get('/');
      expect(first.status).toBe(200);
      expect(rowsOf(first.text)).toEqual(byDue.slice(0, CONSOLE_PAGE_SIZE));
      expect(linkOf(first.text, 'prev')).toBeUndefined();
      const next = linkOf(first.text, 'next');
      expect(next).toMatch(/^\/\?after=/);

      const second = await officer.get(next ?? '');
      expect(second.status).toBe(200);
      expect(rowsOf(second.text)).toEqual([byDue[CONSOLE_PAGE_SIZE]]);
      expect(textOf(second.text)).toContain(`Paged action ${ADDED}`);
      expect(linkOf(second.text, 'next')).toBeUndefined();
      expect(linkOf(second.text, 'prev')).toBe('/');
      expect(textOf(second.text)).toContain('First page');
    });

    it('answers Page not found for a cursor that no page gave', async () => {
      const res = await officer.get('/?after=not-a-cursor');
      expect(res.status).toBe(404);
      expect(res.text).toContain('Page not found');
    });
  });

  describe('the chase list', () => {
    it('pages the overdue actions, most overdue first, and chasing from the second page returns to it', async () => {
      const first = await staff.get('/chase-list');
      const firstRows = rowsOf(first.text);
      expect(firstRows).toHaveLength(CONSOLE_PAGE_SIZE);
      const next = linkOf(first.text, 'next') ?? '';
      expect(next).toMatch(/^\/chase-list\?after=/);
      const second = await staff.get(next);
      const secondRows = rowsOf(second.text);
      // Every action is overdue today, the world's other one due with the first: the last two due are on the second page.
      expect(secondRows).toEqual(byDue.slice(CONSOLE_PAGE_SIZE - 1));
      expect(new Set([...firstRows, ...secondRows]).size).toBe(ADDED + 2);
      expect(linkOf(second.text, 'prev')).toBe('/chase-list');

      const csrf = /name="_csrf" value="([^"]+)"/.exec(second.text)?.[1] ?? '';
      const after = new URL(next, 'http://console.invalid').searchParams.get('after') ?? '';
      expect(second.text).toContain(`<input type="hidden" name="after" value="${after}">`);
      const empty = await staff.post(`/actions/${byDue[CONSOLE_PAGE_SIZE]}/chase`).type('form').send({ _csrf: csrf, note: ' ', after });
      expect(empty.status).toBe(400);
      expect(rowsOf(empty.text)).toEqual(secondRows);
      expect(textOf(empty.text)).toContain('Enter a message to the owner');
      const chased = await staff
        .post(`/actions/${byDue[CONSOLE_PAGE_SIZE]}/chase`)
        .type('form')
        .send({ _csrf: csrf, note: 'Please send the figures', after });
      expect(chased.status).toBe(303);
      expect(chased.headers.location).toBe(`/chase-list?after=${encodeURIComponent(after)}`);
    });
  });

  describe("a committee's action log", () => {
    const log = (query: string) => staff.get(`/committees/${w.committeeId}/action-log${query}`);

    it('pages the log by meeting date and ref; the 101st row is on the second page', async () => {
      const first = await log('');
      const firstRows = rowsOf(first.text);
      expect(firstRows).toHaveLength(CONSOLE_PAGE_SIZE);
      const next = linkOf(first.text, 'next') ?? '';
      expect(next).toMatch(new RegExp(`^/committees/${w.committeeId}/action-log\\?after=`));
      const second = await staff.get(next);
      const secondRows = rowsOf(second.text);
      // The world's two actions (A1, A2) and the added ones (A3 onwards) arose at one meeting: by ref, the 101st is A101.
      expect(secondRows).toHaveLength(ADDED + 2 - CONSOLE_PAGE_SIZE);
      expect(textOf(second.text)).toContain(`A${CONSOLE_PAGE_SIZE + 1} `);
      expect(firstRows).not.toContain(secondRows[0]);
    });

    it('keeps the filters on the Next and First links, and filters every page in the query', async () => {
      const first = await log(`?status=overdue&meeting=${w.meetingId}`);
      expect(rowsOf(first.text)).toHaveLength(CONSOLE_PAGE_SIZE);
      const next = linkOf(first.text, 'next') ?? '';
      const params = new URL(next, 'http://console.invalid').searchParams;
      expect({ status: params.get('status'), meeting: params.get('meeting'), after: Boolean(params.get('after')) }).toEqual({
        status: 'overdue',
        meeting: w.meetingId,
        after: true,
      });
      const second = await staff.get(next);
      expect(second.status).toBe(200);
      // The filter form shows what the page is filtered by, and the First link goes back with the same filters.
      expect(second.text).toMatch(/<option value="overdue" selected>/);
      expect(linkOf(second.text, 'prev')).toBe(`/committees/${w.committeeId}/action-log?status=overdue&meeting=${w.meetingId}`);
      const overdue = [...rowsOf(first.text), ...rowsOf(second.text)];
      expect(new Set(overdue).size).toBe(overdue.length);
      expect(overdue.sort()).toEqual([...byDue, w.otherActionId].sort());
      expect(textOf(second.text)).not.toMatch(/\bopen\b/);
    });

    it('a filter that keeps fewer than a page has no Next link', async () => {
      const completed = await f.http().post(`/api/v1/actions/${w.otherActionId}/completion`).send({ outcome: 'Exit interviews reviewed' });
      expect(completed.status).toBe(200);
      await waitForReadModels(f, (completed.body as { position: number }).position);
      const page = await log('?status=completed');
      expect(rowsOf(page.text)).toEqual([w.otherActionId]);
      expect(linkOf(page.text, 'next')).toBeUndefined();
      expect(linkOf(page.text, 'prev')).toBeUndefined();
    });
  });
});
