import { NoticesSender } from '../../src/features/notices/notices-sender.js';
import { expectProblem, startFeatureApp, type FeatureApp } from '../features/support/feature-app.js';
import { setClock } from '../features/support/views-world.js';
import { signIn, textOf } from '../console/support/console-world.js';
import { readableCommittedHead } from '../../../../test/support/readable-committed-head.js';
import { SmtpMailbox } from './support/smtp-mailbox.js';

// The world of the seed minutes: the 16 January 2017 task & finish group, its officers with email addresses.
let f: FeatureApp;
const mailbox = new SmtpMailbox();
const ids = { committeeId: '', resolutionId: '', pmPostId: '', hrPostId: '', directorPostId: '', tony: '', sam: '', chris: '', dawn: '' };

async function created(path: string, body: object, method: 'post' | 'put' = 'post'): Promise<string> {
  const res = await f.http()[method](`/api/v1${path}`).send(body);
  if (res.status !== 201 && res.status !== 200) throw new Error(`${path} answered ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body.id as string;
}

/**
 * Lets the in-process projections, and the sender's own read of the log for chases, reach everything written so far.
 * On PostgreSQL a read of the log stops below any transaction still open anywhere in the database (other suites
 * share it), so this first waits, up to a bound, for that horizon to pass the last committed event.
 */
async function settle(): Promise<void> {
  const head = await readableCommittedHead(f.store, 15_000);
  await f
    .http()
    .get('/api/v1/committees')
    .query({ minPosition: String(head) })
    .expect(200);
}

/** Moves the clock to 08:00 UK time on a date and runs one pass of the sender. */
async function passOn(date: string): Promise<void> {
  setClock(f, `${date}T08:00:00Z`);
  await settle();
  await f.app.get(NoticesSender).runOnce();
}

const assign = (ownerPostId: string, dueDate: string, title: string) =>
  created('/actions', { resolutionId: ids.resolutionId, partLabel: '(ii)', title, ownerPostId, dueDate });

const historyOf = async (actionId: string) => {
  await settle();
  const res = await f.http().get(`/api/v1/actions/${actionId}`).expect(200);
  return res.body.history as { type: string }[];
};

beforeAll(async () => {
  await mailbox.start();
  f = await startFeatureApp({
    env: {
      SMTP_URL: mailbox.url,
      MAIL_FROM: 'Scrutiny Team <scrutiny@council.example>',
      PUBLIC_BASE_URL: 'http://localhost:3000',
      // The test runs each pass itself; retries may follow at once.
      NOTICE_INTERVAL_MS: '3600000',
      NOTICE_RETRY_BASE_MS: '1',
      NOTICE_RETRY_MAX_MS: '1',
    },
  });
  setClock(f, '2017-01-20T10:00:00Z');
  ids.committeeId = await created('/committees', { name: 'Scrutiny Task & Finish Group', kind: 'task-and-finish' });
  const meetingId = await created('/meetings', { committeeId: ids.committeeId, startsAt: '2017-01-16T18:00:00Z' });
  await created(`/meetings/${meetingId}/items`, { number: '03', title: 'Draft Task & Finish Group Report Part 1' });
  ids.resolutionId = await created(`/meetings/${meetingId}/resolutions`, {
    itemNumber: '03',
    parts: [{ label: '(ii)', text: 'That the Project Manager be instructed to collate final metrics', kind: 'instructed' }],
  });
  ids.pmPostId = await created('/posts', { title: 'Project Manager, Transformation & Technology' });
  ids.hrPostId = await created('/posts', { title: 'Head of HR' });
  ids.directorPostId = await created('/posts', { title: 'Corporate Director, People' });
  ids.tony = await created('/people', { name: 'Tony Fitzgerald', email: 'tony@council.example' });
  ids.sam = await created('/people', { name: 'Sam Okafor', email: 'sam@council.example' });
  ids.chris = await created('/people', { name: 'Chris Lee', email: 'chris@council.example' });
  ids.dawn = await created('/people', { name: 'Dawn Price', email: 'dawn@council.example' });
  await created(`/posts/${ids.pmPostId}/holder`, { personId: ids.tony });
  await created(`/posts/${ids.hrPostId}/holder`, { personId: ids.chris });
  await created(`/posts/${ids.directorPostId}/holder`, { personId: ids.dawn });
  await created(`/committees/${ids.committeeId}/escalation`, { escalationPostId: ids.directorPostId, afterDays: 14 }, 'put');
}, 60_000);

afterAll(async () => {
  await f?.close();
  await mailbox.stop();
});

describe('notices by email through a real SMTP server', () => {
  let metricsAction = '';

  it('sends a reminder 7 days before and on the due date, none in between, then overdue, then escalation to the committee’s post', async () => {
    metricsAction = await assign(ids.pmPostId, '2017-02-15', 'Collate final metrics for Vacancy, Turnover and Agency Rates');
    const sentBy = async (date: string) => {
      await passOn(date);
      return mailbox.about(metricsAction).map((mail) => `${mail.to} ${mail.subject}`);
    };

    expect(await sentBy('2017-02-07')).toEqual([]);
    const weekBefore = ['tony@council.example Reminder: action A1 is due on 15 February 2017'];
    expect(await sentBy('2017-02-08')).toEqual(weekBefore);
    for (const date of ['2017-02-09', '2017-02-11', '2017-02-14']) expect(await sentBy(date)).toEqual(weekBefore);
    const onTheDay = [...weekBefore, 'tony@council.example Reminder: action A1 is due on 15 February 2017'];
    expect(await sentBy('2017-02-15')).toEqual(onTheDay);
    const overdue = [...onTheDay, 'tony@council.example Overdue: action A1 was due on 15 February 2017'];
    expect(await sentBy('2017-02-16')).toEqual(overdue);
    expect(await sentBy('2017-02-28')).toEqual(overdue);
    expect(await sentBy('2017-03-01')).toEqual([...overdue, 'dawn@council.example Escalation: action A1 is 14 days overdue']);
  });

  it('says which action, the committee’s words, the due date in UK form and links to the action, as text and as HTML', () => {
    const [reminder] = mailbox.about(metricsAction);
    expect(reminder?.text).toContain('Dear Tony Fitzgerald,');
    expect(reminder?.text).toContain('Collate final metrics for Vacancy, Turnover and Agency Rates');
    expect(reminder?.text).toContain('Due: 15 February 2017');
    expect(reminder?.text).toContain(`View the action: http://localhost:3000/actions/${metricsAction}`);
    expect(reminder?.html).toContain('<html lang="en">');
    expect(reminder?.html).toContain(`<a href="http://localhost:3000/actions/${metricsAction}">View action A1 in Actiontrail</a>`);
    const escalation = mailbox.about(metricsAction).at(-1);
    expect(escalation?.text).toContain('owned by Project Manager, Transformation & Technology');
  });

  it('sends each officer holding a post with open actions one digest a week, overdue actions first, and nobody else one', () => {
    const digestsTo = (personId: string) => mailbox.received.filter((mail) => mail.key.startsWith(`digest/${personId}/`));
    expect(digestsTo(ids.tony).map((mail) => mail.key)).toEqual([
      `digest/${ids.tony}/2017-02-06`,
      `digest/${ids.tony}/2017-02-13`,
      `digest/${ids.tony}/2017-02-27`,
    ]);
    expect(digestsTo(ids.dawn)).toEqual([]);
    const [first, , late] = digestsTo(ids.tony);
    expect(first?.subject).toBe('Your actions for the week of 6 February 2017: 1 open action, 0 overdue');
    expect(first?.text).toContain(
      'Open:\n- A1: Collate final metrics for Vacancy, Turnover and Agency Rates (Scrutiny Task & Finish Group, due 15 February 2017)',
    );
    expect(late?.subject).toBe('Your actions for the week of 27 February 2017: 1 open action, 1 overdue');
    expect(late?.text).toContain(
      `Overdue:\n- A1: Collate final metrics for Vacancy, Turnover and Agency Rates (Scrutiny Task & Finish Group, due 15 February 2017) http://localhost:3000/actions/${metricsAction}`,
    );
    expect(late?.html).toContain(`<a href="http://localhost:3000/actions/${metricsAction}">A1: Collate final metrics`);
  });

  it('records every notice sent on the action’s history, once each', async () => {
    const history = await historyOf(metricsAction);
    expect(history.filter((entry) => entry.type === 'ActionNoticeSent')).toHaveLength(4);
  });

  it('shows the notices in the console’s history of the action, sent by the system', async () => {
    const staff = await signIn(f, ids.dawn, ['scrutiny']);
    const page = textOf((await staff.get(`/actions/${metricsAction}`).expect(200)).text);
    expect(page.match(/Action notice sent The system/g)).toHaveLength(4);
  });

  it('emails the holder when scrutiny staff chase, with the chaser’s message, and records it', async () => {
    const actionId = await assign(ids.hrPostId, '2017-03-31', 'Provide the agency spend for 2016/17');
    setClock(f, '2017-03-02T11:00:00Z');
    await f
      .http()
      .post(`/api/v1/actions/${actionId}/chase`)
      .send({ note: 'Please send the agency figures before the March meeting' })
      .expect(200);
    await passOn('2017-03-02');
    const chases = mailbox.about(actionId);
    expect(chases.map((mail) => `${mail.to} ${mail.subject}`)).toEqual([
      'chris@council.example Chase: action A2 for Scrutiny Task & Finish Group',
    ]);
    expect(chases[0]?.text).toContain('Please send the agency figures before the March meeting');
    expect((await historyOf(actionId)).map((entry) => entry.type)).toEqual(['ActionAssigned', 'ActionChased', 'ActionNoticeSent']);
  });

  it('sends the next notice to the new holder when the post changes hands, and nothing more to the old one', async () => {
    const actionId = await assign(ids.pmPostId, '2017-03-20', 'Report the exit interview findings');
    await passOn('2017-03-13');
    setClock(f, '2017-03-14T09:00:00Z');
    await created(`/posts/${ids.pmPostId}/holder`, { personId: ids.sam });
    await passOn('2017-03-16');
    await passOn('2017-03-20');
    expect(mailbox.about(actionId).map((mail) => `${mail.to} ${mail.subject}`)).toEqual([
      'tony@council.example Reminder: action A3 is due on 20 March 2017',
      'sam@council.example Reminder: action A3 is due on 20 March 2017',
    ]);
  });

  it('sends nothing about a withdrawn action', async () => {
    const actionId = await assign(ids.hrPostId, '2017-03-22', 'Withdrawn before it fell due');
    await f.http().post(`/api/v1/actions/${actionId}/withdrawal`).send({ reason: 'Overtaken by the restructure' }).expect(200);
    await passOn('2017-03-22');
    await passOn('2017-03-23');
    expect(mailbox.about(actionId)).toEqual([]);
  });

  it('keeps notices while the SMTP server is down, says so in /health and /metrics, then sends each exactly once', async () => {
    const actionId = await assign(ids.hrPostId, '2017-04-10', 'Circulate the retention survey results');
    await mailbox.stop();
    await passOn('2017-04-03');
    await passOn('2017-04-03');
    expect(mailbox.about(actionId)).toEqual([]);

    const health = await f
      .http()
      .get('/health')
      .set(f.as(['admin']))
      .expect(200);
    expect(health.body.status).toBe('degraded');
    expect(health.body.checks.notices).toMatchObject({ status: 'down' });
    expect(health.body.checks.notices.pending).toBeGreaterThanOrEqual(1);
    expect(health.body.checks.notices.error).toMatch(/^Sending \w+ notice .* failed: .*ECONNREFUSED/);
    const metrics = (await f.anonymous().get('/metrics').expect(200)).text;
    expect(metrics).toMatch(/^actiontrail_notices_pending [1-9]\d*$/m);
    expect(metrics).toMatch(/^actiontrail_notice_send_failures_total [2-9]\d*$/m);
    expect(metrics).toMatch(/^actiontrail_notices_oldest_pending_seconds \d/m);

    await mailbox.start();
    await passOn('2017-04-03');
    await passOn('2017-04-04');
    expect(mailbox.about(actionId).map((mail) => `${mail.to} ${mail.subject}`)).toEqual([
      'chris@council.example Reminder: action A5 is due on 10 April 2017',
    ]);
    const recovered = await f
      .http()
      .get('/health')
      .set(f.as(['admin']))
      .expect(200);
    expect(recovered.body.checks.notices).toMatchObject({ status: 'up', pending: 0 });
    expect((await f.anonymous().get('/metrics').expect(200)).text).toMatch(/^actiontrail_notices_pending 0$/m);
  });

  it('does not send a reminder still pending when its action was withdrawn meanwhile', async () => {
    const actionId = await assign(ids.hrPostId, '2017-04-14', 'Withdrawn while the mail server was down');
    await mailbox.stop();
    await passOn('2017-04-07');
    await f.http().post(`/api/v1/actions/${actionId}/withdrawal`).send({ reason: 'Overtaken by the restructure' }).expect(200);
    await mailbox.start();
    await passOn('2017-04-07');
    expect(mailbox.about(actionId)).toEqual([]);
    const { rows } = await f.store.db.query<{ state: string }>(`SELECT state FROM notice_outbox WHERE action_id = $1`, [actionId]);
    expect(rows).toEqual([{ state: 'cancelled' }]);
  });

  it('only marks sent a pending notice the action already records (a crash after recording, before marking): no second email', async () => {
    const [first] = mailbox.about(metricsAction);
    const before = mailbox.received.length;
    await f.store.db.query(`UPDATE notice_outbox SET state = 'pending', sent_at = NULL WHERE key = $1`, [first?.key]);
    await passOn('2017-04-07');
    expect(mailbox.received.length).toBe(before);
    const { rows } = await f.store.db.query<{ state: string }>(`SELECT state FROM notice_outbox WHERE key = $1`, [first?.key]);
    expect(rows).toEqual([{ state: 'sent' }]);
    expect((await historyOf(metricsAction)).filter((entry) => entry.type === 'ActionNoticeSent')).toHaveLength(4);
  });

  it('honours a person who turned off reminders and the weekly digest: only the chase and the escalation reach them', async () => {
    setClock(f, '2017-04-10T09:00:00Z');
    await f.http().put(`/api/v1/people/${ids.chris}/notification-preferences`).send({ reminders: false, weeklyDigest: false }).expect(200);
    const actionId = await assign(ids.hrPostId, '2017-04-24', 'Summarise the exit interviews');
    for (const date of ['2017-04-17', '2017-04-24', '2017-04-25']) await passOn(date);
    await f.http().post(`/api/v1/actions/${actionId}/chase`).send({ note: 'The committee asks for the summary' }).expect(200);
    await passOn('2017-05-08');

    expect(mailbox.about(actionId).map((mail) => `${mail.to} ${mail.subject}`)).toEqual([
      'chris@council.example Chase: action A7 for Scrutiny Task & Finish Group',
      'dawn@council.example Escalation: action A7 is 14 days overdue',
    ]);
    const digestKeys = mailbox.received.map((mail) => mail.key).filter((key) => key.startsWith('digest/'));
    for (const monday of ['2017-04-17', '2017-04-24', '2017-05-08']) expect(digestKeys).not.toContain(`digest/${ids.chris}/${monday}`);
    expect(digestKeys).toContain(`digest/${ids.sam}/2017-04-17`);
  });

  it('names an executive response coming due in the digest of the decision maker’s post holder, who owns no action, until it is answered', async () => {
    setClock(f, '2017-05-09T10:00:00Z');
    const recommendationId = await created('/recommendations', {
      committeeId: ids.committeeId,
      reportRef: 'Report CS17001',
      reference: 'R1',
      text: 'That the recruitment and retention scheme be extended for 2017/18',
      decisionMaker: { kind: 'portfolio-holder', postId: ids.directorPostId, name: 'the Portfolio Holder for Care Services' },
      madeOn: '2017-05-08',
    });
    await created(`/recommendations/${recommendationId}/sending`, { receivedOn: '2017-05-09' });
    const dawnsDigests = () => mailbox.received.filter((mail) => mail.key.startsWith(`digest/${ids.dawn}/`));

    await passOn('2017-05-15'); // due 8 July 2017: more than four weeks ahead
    expect(dawnsDigests()).toEqual([]);
    await passOn('2017-06-12');
    await passOn('2017-07-10');
    setClock(f, '2017-07-11T10:00:00Z');
    await f
      .http()
      .post(`/api/v1/recommendations/${recommendationId}/response`)
      .send({ response: 'accepted', reasons: 'The scheme has reduced agency spend', respondedOn: '2017-07-11' })
      .expect(200);
    await passOn('2017-07-17');

    expect(dawnsDigests().map((mail) => `${mail.key} ${mail.subject}`)).toEqual([
      `digest/${ids.dawn}/2017-06-12 Your actions for the week of 12 June 2017: 1 executive response awaited, 0 overdue`,
      `digest/${ids.dawn}/2017-07-10 Your actions for the week of 10 July 2017: 1 executive response awaited, 1 overdue`,
    ]);
    const [coming, late] = dawnsDigests();
    const line =
      '- R1: That the recruitment and retention scheme be extended for 2017/18 (Scrutiny Task & Finish Group, to the Portfolio Holder for Care Services, response due 8 July 2017';
    expect(coming?.text).toContain('Your post owes 1 executive response to scrutiny recommendations, 0 of them overdue.');
    expect(coming?.text).toContain(`Executive responses due:\n${line}) http://localhost:3000/recommendations/${recommendationId}`);
    expect(coming?.text).not.toContain('open action');
    expect(late?.text).toContain(`${line}, overdue) http://localhost:3000/recommendations/${recommendationId}`);
    expect(late?.html).toContain('<h2 style="font-size: 19px;">Executive responses due</h2>');
    expect(late?.html).toContain(
      `<a href="http://localhost:3000/recommendations/${recommendationId}">R1: That the recruitment and retention scheme be extended for 2017/18</a>`,
    );
  });

  it('sends a reminder still pending when its post changed hands to the new holder only, exactly once', async () => {
    setClock(f, '2017-07-18T10:00:00Z');
    const postId = await created('/posts', { title: 'Head of Workforce Development' });
    await created(`/posts/${postId}/holder`, { personId: ids.tony });
    const actionId = await assign(postId, '2017-07-31', 'Publish the workforce development plan');
    await mailbox.stop();
    await passOn('2017-07-24');
    setClock(f, '2017-07-25T09:00:00Z');
    await created(`/posts/${postId}/holder`, { personId: ids.sam });
    await mailbox.start();
    await passOn('2017-07-25');
    await passOn('2017-07-26');

    const mails = mailbox.about(actionId);
    expect(mails.map((mail) => mail.to)).toEqual(['sam@council.example']);
    expect(mails[0]?.subject).toMatch(/^Reminder: action A\d+ is due on 31 July 2017$/);
    expect(mails[0]?.text).toContain('Dear Sam Okafor,');
    const { rows } = await f.store.db.query<{ recipient_person_id: string; state: string }>(
      `SELECT recipient_person_id, state FROM notice_outbox WHERE action_id = $1 ORDER BY enqueued_at, key`,
      [actionId],
    );
    expect(rows).toEqual([
      { recipient_person_id: ids.tony, state: 'cancelled' },
      { recipient_person_id: ids.sam, state: 'sent' },
    ]);
    expect((await historyOf(actionId)).filter((entry) => entry.type === 'ActionNoticeSent')).toHaveLength(1);
  });

  it('has sent every notice key exactly once, and the outbox holds none pending, one sent row per email', async () => {
    const counts = new Map<string, number>();
    for (const mail of mailbox.received) counts.set(mail.key, (counts.get(mail.key) ?? 0) + 1);
    expect([...counts.values()].every((count) => count === 1)).toBe(true);
    const { rows } = await f.store.db.query<{ state: string; n: number }>(
      `SELECT state, count(*)::int AS n FROM notice_outbox GROUP BY state ORDER BY state`,
    );
    // Cancelled: the reminder of the action withdrawn while the mail server was down, and the one whose post changed hands.
    expect(rows).toEqual([
      { state: 'cancelled', n: 2 },
      { state: 'sent', n: mailbox.received.length },
    ]);
  });
});

describe('PUT /committees/{id}/escalation', () => {
  it('sets the escalation post and period, which the committee then shows', async () => {
    const res = await f.http().get(`/api/v1/committees/${ids.committeeId}`).expect(200);
    expect(res.body.escalation).toEqual({ postId: ids.directorPostId, afterDays: 14 });
  });

  it('answers 422 for a post that does not exist', async () => {
    const res = await f
      .http()
      .put(`/api/v1/committees/${ids.committeeId}/escalation`)
      .send({ escalationPostId: '00000000-0000-4000-8000-000000000000', afterDays: 14 });
    expectProblem(res, 422, 'escalation-post-not-found');
  });

  it('answers 404 for a committee that does not exist', async () => {
    const res = await f
      .http()
      .put('/api/v1/committees/00000000-0000-4000-8000-000000000000/escalation')
      .send({ escalationPostId: ids.directorPostId, afterDays: 14 });
    expectProblem(res, 404, 'committee-not-found');
  });

  it.each([0, 366, 2.5, '14'])('answers 400 for afterDays %j', async (afterDays) => {
    const res = await f
      .http()
      .put(`/api/v1/committees/${ids.committeeId}/escalation`)
      .send({ escalationPostId: ids.directorPostId, afterDays });
    expectProblem(res, 400, 'validation-failed');
  });

  it('answers 403 to an officer', async () => {
    const res = await f
      .http()
      .put(`/api/v1/committees/${ids.committeeId}/escalation`)
      .set(f.as(['officer'], ids.tony))
      .send({ escalationPostId: ids.directorPostId, afterDays: 14 });
    expectProblem(res, 403, 'forbidden');
  });
});
