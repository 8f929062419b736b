import type request from 'supertest';
import { startFeatureApp, type FeatureApp } from '../features/support/feature-app.js';
import { browser, csrfOf, seedConsoleWorld, signIn, textOf, type ConsoleWorld } from './support/console-world.js';

type Agent = ReturnType<typeof request.agent>;

const ORIGINAL = 'That the Project Manager, Transformation & Technology be instructed to collate final metrics';
const CORRECTED = 'That the Head of Human Resources be instructed to collate final metrics for Vacancy, Turnover and Agency Rates';

/** An instant as the date and time inputs take it, in UK time, to the second. */
function instantFields(prefix: string, at: Date): Record<string, string> {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/London',
      day: 'numeric',
      month: 'numeric',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  return {
    [`${prefix}Day`]: parts['day'] ?? '',
    [`${prefix}Month`]: parts['month'] ?? '',
    [`${prefix}Year`]: parts['year'] ?? '',
    [`${prefix}Time`]: `${parts['hour']}:${parts['minute']}:${parts['second']}`,
  };
}

describe('the audit pages of the web console', () => {
  let f: FeatureApp;
  let w: ConsoleWorld;
  let monitoring: Agent;
  /** A second after the resolution was passed and before it was corrected. */
  let beforeCorrection: Date;

  beforeAll(async () => {
    f = await startFeatureApp();
    w = await seedConsoleWorld(f);
    const officer = await signIn(f, w.personId, ['officer']);
    const form = await officer.get(`/actions/${w.actionId}/complete`);
    const version = /name="version" value="(\d+)"/.exec(form.text)?.[1] ?? '';
    const done = await officer
      .post(`/actions/${w.actionId}/complete`)
      .type('form')
      .send({ _csrf: csrfOf(form.text), version, outcome: 'Final metrics collated and circulated' });
    if (done.status !== 303) throw new Error(`completing answered ${done.status}`);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    beforeCorrection = new Date(Math.floor(Date.now() / 1000) * 1000);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const corrected = await f
      .http()
      .post(`/api/v1/resolutions/${w.resolutionId}/corrections`)
      .send({
        parts: [
          { label: '(i)', text: 'That the Report (Ref: 7) be noted.', kind: 'noted' },
          { label: '(ii)', text: CORRECTED, kind: 'instructed' },
        ],
        reason: 'Part (ii) misnamed the officer',
      });
    if (corrected.status !== 200) throw new Error(`correcting answered ${corrected.status}: ${JSON.stringify(corrected.body)}`);
    await f
      .http()
      .get('/api/v1/people')
      .query({ minPosition: String(corrected.body.position) });
    // The as-of form takes whole seconds: let a second pass so that "now" is after the correction's instant.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    monitoring = await signIn(f, w.personId, ['monitoring']);
  });
  afterAll(() => f.close());

  describe('the audit search', () => {
    it('finds who completed an action and when, by actor and event type, with both clocks and the correlation id', async () => {
      const res = await monitoring.get('/audit').query({ actor: w.personId, type: 'ActionCompleted' });
      expect(res.status).toBe(200);
      expect(res.text).toContain('<title>Audit log – Actiontrail</title>');
      const rows = [...res.text.matchAll(/<tr class="govuk-table__row">\s*<td[\s\S]*?<\/tr>/g)].map((m) => textOf(m[0]));
      expect(rows).toHaveLength(1);
      expect(rows[0]).toContain('Tony Fitzgerald');
      expect(rows[0]).toContain('Action completed');
      expect(rows[0]).toContain(`action-${w.actionId}`);
      expect(res.text.match(/<time datetime="[^"]+">/g)).toHaveLength(2);
      const history = (await f.http().get(`/api/v1/audit/streams/action-${w.actionId}`)).body as {
        events: { type: string; correlationId: string }[];
      };
      const completed = history.events.find((e) => e.type === 'ActionCompleted');
      expect(rows[0]).toContain(completed?.correlationId);
    });

    it("takes a record's own id as the stream", async () => {
      const res = await monitoring.get('/audit').query({ stream: w.resolutionId });
      expect(res.status).toBe(200);
      const text = textOf(res.text);
      expect(text).toContain('Resolution passed');
      expect(text).toContain('Resolution corrected');
      expect(text).not.toContain('Action assigned');
    });

    it('finds nothing recorded before the log began, and says so', async () => {
      const res = await monitoring.get('/audit').query({ toDay: '1', toMonth: '1', toYear: '2000', toTime: '' });
      expect(res.status).toBe(200);
      expect(textOf(res.text)).toContain('No events match.');
    });

    it('refuses a date that does not exist with the error summary, keeping what was typed', async () => {
      const res = await monitoring.get('/audit').query({ fromDay: '31', fromMonth: '2', fromYear: '2017', type: 'ActionChased' });
      expect(res.status).toBe(400);
      const text = textOf(res.text);
      expect(text).toContain('There is a problem');
      expect(text).toContain('Recorded from must be a real date');
      expect(res.text).toContain('href="#fromDay"');
      expect(res.text).toMatch(/name="fromDay" type="text" value="31"|value="31"[^>]*name="fromDay"/);
      expect(res.text).toContain('value="ActionChased"');
      expect(res.text).toContain('<title>Error: Audit log – Actiontrail</title>');
    });

    it('refuses a time it cannot read, naming the field', async () => {
      const res = await monitoring.get('/audit').query({ fromDay: '1', fromMonth: '2', fromYear: '2017', fromTime: '25:00' });
      expect(res.status).toBe(400);
      expect(textOf(res.text)).toContain('Recorded from: enter a time like 14:30 or 2:30pm');
    });
  });

  describe("a record's history", () => {
    it('lists every event of the resolution in order with both clocks and who recorded it', async () => {
      const res = await monitoring.get(`/audit/streams/${w.resolutionId}`);
      expect(res.status).toBe(200);
      const text = textOf(res.text);
      expect(text).toContain(`History of resolution-${w.resolutionId}`);
      expect(text.indexOf('Resolution passed')).toBeLessThan(text.indexOf('Resolution corrected'));
      expect(text).toContain('16 January 2017 at 6:00pm');
      expect(text).toContain('Scrutiny Clerk');
    });

    it('shows the resolution as it stood before the correction and after it', async () => {
      const before = await monitoring.get(`/audit/streams/resolution-${w.resolutionId}`).query(instantFields('asOf', beforeCorrection));
      expect(before.status).toBe(200);
      const was = textOf(before.text.slice(before.text.indexOf('data-record-as-of')));
      expect(was).toContain(ORIGINAL);
      expect(was).not.toContain(CORRECTED);
      expect(was).toContain('corrections 0');
      const after = await monitoring.get(`/audit/streams/resolution-${w.resolutionId}`).query(instantFields('asOf', new Date()));
      expect(textOf(after.text)).toContain(CORRECTED);
      expect(textOf(after.text)).toContain('corrections 1');
    });

    it('says the record did not exist yet at an instant before it was recorded', async () => {
      const res = await monitoring.get(`/audit/streams/${w.actionId}`).query({ asOfDay: '1', asOfMonth: '1', asOfYear: '2001' });
      expect(res.status).toBe(200);
      expect(textOf(res.text)).toContain('The record did not exist yet.');
    });

    it('refuses an as-of date that does not exist, keeping the history on the page', async () => {
      const res = await monitoring.get(`/audit/streams/${w.actionId}`).query({ asOfDay: '30', asOfMonth: '2', asOfYear: '2017' });
      expect(res.status).toBe(400);
      expect(textOf(res.text)).toContain('The instant must be a real date');
      expect(textOf(res.text)).toContain('Action assigned');
    });

    it('answers the not-found page for a stream with no events', async () => {
      const res = await monitoring.get('/audit/streams/action-nothing-here');
      expect(res.status).toBe(404);
      expect(textOf(res.text)).toContain('Page not found');
    });
  });

  describe('verifying the log', () => {
    it('runs on the button, then redirects to the result: events and streams checked, intact', async () => {
      const form = await monitoring.get('/audit/verify');
      expect(form.status).toBe(200);
      const res = await monitoring
        .post('/audit/verify')
        .type('form')
        .send({ _csrf: csrfOf(form.text) });
      expect(res.status).toBe(303);
      expect(res.headers.location).toBe('/audit/verify/result');
      const result = await monitoring.get('/audit/verify/result');
      expect(result.status).toBe(200);
      const text = textOf(result.text);
      expect(text).toContain('The audit log is intact');
      const events = Number(/Events checked (\d+)/.exec(text)?.[1]);
      const streams = Number(/Records \(streams\) checked (\d+)/.exec(text)?.[1]);
      const api = (
        await f
          .http()
          .get('/api/v1/audit/verify')
          .set(f.as(['monitoring']))
      ).body as { checkedEvents: number; checkedStreams: number };
      expect({ events, streams }).toEqual({ events: api.checkedEvents, streams: api.checkedStreams });
    });

    it('names the first broken link when an event was changed in the store', async () => {
      const stream = `action-${w.otherActionId}`;
      const tamper = (title: string) =>
        f.store.db.transaction(async (tx) => {
          await tx.query('ALTER TABLE events DISABLE TRIGGER events_append_only');
          await tx.query(
            `UPDATE events SET data = jsonb_set(data, '{title}', to_jsonb($2::text)) WHERE stream_id = $1 AND stream_version = 1`,
            [stream, title],
          );
          await tx.query('ALTER TABLE events ENABLE TRIGGER events_append_only');
        });
      const original = (await f.store.readStream(stream))[0]?.data.title as string;
      await tamper('An action that never was');
      try {
        const form = await monitoring.get('/audit/verify');
        await monitoring
          .post('/audit/verify')
          .type('form')
          .send({ _csrf: csrfOf(form.text) });
        const text = textOf((await monitoring.get('/audit/verify/result')).text);
        expect(text).toContain('The audit log is broken');
        expect(text).toContain(`First broken link ${stream}, version 1`);
        expect(text).toContain('Why hash-mismatch');
      } finally {
        await tamper(original);
      }
    });

    it('streams its progress as NDJSON to the page asking for it, ending with where the result is', async () => {
      const form = await monitoring.get('/audit/verify');
      const res = await monitoring
        .post('/audit/verify')
        .set('Accept', 'application/x-ndjson')
        .type('form')
        .send({ _csrf: csrfOf(form.text) });
      expect(res.status).toBe(200);
      const lines = res.text
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as Record<string, unknown>);
      expect(lines[0]).toEqual({ checkedEvents: 0 });
      expect(lines.at(-1)).toEqual({ done: true, location: '/audit/verify/result' });
    });

    it('changes nothing without the form token', async () => {
      const res = await monitoring.post('/audit/verify').type('form').send({});
      expect(res.status).toBe(403);
      expect(textOf(res.text)).toContain('Sign in again to continue');
    });

    it('shows the form again, with no result, to a session that has not run it', async () => {
      const other = await signIn(f, w.personId, ['admin']);
      const res = await other.get('/audit/verify/result');
      expect(res.status).toBe(200);
      expect(textOf(res.text)).toContain('Verify the log');
      expect(textOf(res.text)).not.toContain('Events checked');
    });
  });

  describe('who may see them', () => {
    it.each([['officer'], ['scrutiny'], ['member']])('answers the 403 page to %s on every audit page and the verify form', async (role) => {
      const agent = await signIn(f, w.personId, [role]);
      for (const path of ['/audit', `/audit/streams/${w.actionId}`, '/audit/verify', '/audit/verify/result', '/audit?fromDay=99']) {
        const res = await agent.get(path);
        expect({ path, status: res.status }).toEqual({ path, status: 403 });
        expect(res.text).not.toContain('data-audit-results');
      }
      const form = await agent.get('/');
      const post = await agent
        .post('/audit/verify')
        .type('form')
        .send({ _csrf: csrfOf(form.text) });
      expect(post.status).toBe(403);
    });

    it('lets an administrator search', async () => {
      const agent = await signIn(f, w.personId, ['admin']);
      expect((await agent.get('/audit')).status).toBe(200);
    });

    it('sends a visitor who is not signed in to the sign-in page', async () => {
      const res = await browser(f).get('/audit');
      expect(res.status).toBe(303);
      expect(res.headers.location).toBe(`/sign-in?returnTo=${encodeURIComponent('/audit')}`);
    });
  });
});
