import { ukDateOf } from '#domain';
import { describeWithPostgres, dropSchema, uniqueSchema } from '../../../../test/support/postgres.js';
import { staffBearer } from '../support/auth.js';
import { ApiProcess } from './support/api-process.js';
import { SmtpMailbox } from './support/smtp-mailbox.js';

const DAY_MS = 86_400_000;
/** Starting an api from its sources takes seconds on a loaded machine; a test starts up to two. */
const PROCESS_TIMEOUT_MS = 240_000;

const noticesEnv = (mailbox: SmtpMailbox) => ({
  SMTP_URL: mailbox.url,
  MAIL_FROM: 'Scrutiny Team <scrutiny@council.example>',
  NOTICE_INTERVAL_MS: '200',
  NOTICE_RETRY_BASE_MS: '100',
  NOTICE_RETRY_MAX_MS: '400',
});

async function command(api: ApiProcess, path: string, body: object): Promise<string> {
  const res = await fetch(`${api.url}/api/v1${path}`, {
    method: 'POST',
    headers: { ...staffBearer(), 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  const answer = (await res.json()) as { id?: string };
  if (res.status !== 200 && res.status !== 201) throw new Error(`${path} answered ${res.status}: ${JSON.stringify(answer)}`);
  return answer.id as string;
}

/** A committee, its post held by an officer with an email address, and `count` actions due today (a reminder is due now). */
async function actionsDueToday(api: ApiProcess, count: number): Promise<string[]> {
  const committeeId = await command(api, '/committees', { name: 'Scrutiny Task & Finish Group', kind: 'task-and-finish' });
  const meetingId = await command(api, '/meetings', { committeeId, startsAt: new Date(Date.now() - 2 * DAY_MS).toISOString() });
  await command(api, `/meetings/${meetingId}/items`, { number: '03', title: 'Draft Task & Finish Group Report Part 1' });
  const resolutionId = await command(api, `/meetings/${meetingId}/resolutions`, {
    itemNumber: '03',
    parts: [{ label: '(ii)', text: 'That the Project Manager be instructed to collate final metrics', kind: 'instructed' }],
  });
  const postId = await command(api, '/posts', { title: 'Project Manager, Transformation & Technology' });
  const personId = await command(api, '/people', { name: 'Tony Fitzgerald', email: 'tony@council.example' });
  await command(api, `/posts/${postId}/holder`, { personId, from: ukDateOf(new Date(Date.now() - DAY_MS)) });
  const dueDate = ukDateOf(new Date());
  const ids: string[] = [];
  for (let n = 1; n <= count; n++) {
    ids.push(
      await command(api, '/actions', {
        resolutionId,
        partLabel: '(ii)',
        title: `Collate metrics, part ${n}`,
        ownerPostId: postId,
        dueDate,
      }),
    );
  }
  return ids;
}

async function noticesRecorded(api: ApiProcess, actionId: string): Promise<number> {
  const res = await fetch(`${api.url}/api/v1/actions/${actionId}`, { headers: staffBearer() });
  if (res.status !== 200) return 0;
  const { history } = (await res.json()) as { history: { type: string }[] };
  return history.filter((entry) => entry.type === 'ActionNoticeSent').length;
}

async function until(what: string, done: () => Promise<boolean> | boolean, timeoutMs = 45_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

await describeWithPostgres('notices across real api processes on PostgreSQL', () => {
  describe('given the api is SIGKILLed after the SMTP server has the message and before it answers 250', () => {
    const schema = uniqueSchema('notices_kill');
    let api: ApiProcess;
    let killed = false;
    const mailbox = new SmtpMailbox({
      beforeAccepting: async (mail) => {
        // The reminder, not the officer's weekly digest that goes out in the same pass.
        if (killed || !mail.key.includes('/reminder/')) return;
        killed = true;
        await api.killNow();
      },
    });

    beforeAll(async () => {
      await mailbox.start();
      api = await ApiProcess.create(schema, noticesEnv(mailbox));
      await api.start();
    }, PROCESS_TIMEOUT_MS);
    afterAll(async () => {
      await api?.stop();
      await mailbox.stop();
      await dropSchema(schema);
    }, PROCESS_TIMEOUT_MS);

    it(
      'sends the notice again after the restart (twice in all, never more) and records it once on the action',
      async () => {
        const [actionId] = await actionsDueToday(api, 1);
        await until('the kill in the middle of the send', () => killed && !api.running);
        expect(mailbox.about(actionId as string)).toHaveLength(1);

        await api.start();
        await until('the notice recorded after the restart', async () => (await noticesRecorded(api, actionId as string)) > 0);
        await pause(2_000); // several more passes of the sender: nothing more may go out
        const delivered = mailbox.about(actionId as string);
        expect(delivered).toHaveLength(2);
        expect(new Set(delivered.map((mail) => mail.key)).size).toBe(1);
        expect(await noticesRecorded(api, actionId as string)).toBe(1);
      },
      PROCESS_TIMEOUT_MS,
    );
  });

  describe('given two api processes on one database', () => {
    const schema = uniqueSchema('notices_two');
    const mailbox = new SmtpMailbox();
    let first: ApiProcess;
    let second: ApiProcess;

    beforeAll(async () => {
      await mailbox.start();
      first = await ApiProcess.create(schema, noticesEnv(mailbox));
      second = await ApiProcess.create(schema, noticesEnv(mailbox));
      await first.start();
      await second.start();
    }, PROCESS_TIMEOUT_MS);
    afterAll(async () => {
      await Promise.all([first?.stop(), second?.stop()]);
      await mailbox.stop();
      await dropSchema(schema);
    }, PROCESS_TIMEOUT_MS);

    it(
      'sends each notice once, three reminders and the officer’s digest: one sender leads',
      async () => {
        const actionIds = await actionsDueToday(first, 3);
        for (const actionId of actionIds) {
          await until(`the notice of ${actionId} recorded`, async () => (await noticesRecorded(second, actionId)) > 0);
        }
        await pause(2_000);
        for (const actionId of actionIds) {
          expect(mailbox.about(actionId)).toHaveLength(1);
          expect(await noticesRecorded(first, actionId)).toBe(1);
        }
        const keys = mailbox.received.map((mail) => mail.key);
        expect(new Set(keys).size).toBe(keys.length);
        expect(keys.filter((key) => key.startsWith('digest/'))).toHaveLength(1);
        expect(keys).toHaveLength(4);
      },
      PROCESS_TIMEOUT_MS,
    );
  });
});
