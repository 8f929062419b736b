import { randomUUID } from 'node:crypto';
import { bearer } from '../support/auth.js';
import { startFeatureApp, type FeatureApp } from '../features/support/feature-app.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const auditor = bearer('person-mo', ['monitoring'], 'Mo Monitoring');

/** NDJSON lines of a response body. */
const linesOf = (text: string): Record<string, unknown>[] =>
  text
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>);

describe('identity in the record, and the tamper check', () => {
  let f: FeatureApp;

  beforeAll(async () => {
    f = await startFeatureApp();
  });
  afterAll(() => f?.close());

  describe("a command's events carry who sent it and in which request", () => {
    const tony = bearer('person-tony', ['officer', 'scrutiny'], 'Tony Fitzgerald');

    it("records the token's sub, name and roles with the correlation id it was sent and the request id, and the audit view shows them", async () => {
      const res = await f
        .anonymous()
        .post('/api/v1/committees')
        .set(tony)
        .set('X-Correlation-Id', 'corr-identity-1')
        .send({ name: `Committee ${randomUUID()}`, kind: 'scrutiny' });
      expect(res.status).toBe(201);
      expect(res.headers['x-correlation-id']).toBe('corr-identity-1');
      const requestId = res.headers['x-request-id'] as string;
      expect(requestId).toMatch(UUID);
      const expected = {
        actor: { id: 'person-tony', name: 'Tony Fitzgerald', roles: ['officer', 'scrutiny'] },
        correlationId: 'corr-identity-1',
        requestId,
      };

      const [event] = await f.store.readStream(`committee-${res.body.id}`);
      expect(event?.metadata).toEqual(expected);

      const audit = await f
        .anonymous()
        .get('/api/v1/audit/events')
        .set(auditor)
        .query({ streamId: `committee-${res.body.id}`, minPosition: String(res.body.position) });
      expect(audit.status).toBe(200);
      expect(audit.body.events).toEqual([
        expect.objectContaining({ ...expected, metadata: expected, streamId: `committee-${res.body.id}` }),
      ]);
    });

    it('generates a correlation id when none is sent, answers it, and records that one', async () => {
      const res = await f
        .anonymous()
        .post('/api/v1/committees')
        .set(tony)
        .send({ name: `Committee ${randomUUID()}`, kind: 'other' });
      expect(res.status).toBe(201);
      const correlationId = res.headers['x-correlation-id'] as string;
      expect(correlationId).toMatch(UUID);
      expect(correlationId).not.toBe(res.headers['x-request-id']);
      const [event] = await f.store.readStream(`committee-${res.body.id}`);
      expect(event?.metadata).toEqual({
        actor: { id: 'person-tony', name: 'Tony Fitzgerald', roles: ['officer', 'scrutiny'] },
        correlationId,
        requestId: res.headers['x-request-id'],
      });

      const audit = await f
        .anonymous()
        .get('/api/v1/audit/events')
        .set(auditor)
        .query({ actor: 'person-tony', type: 'CommitteeCreated', minPosition: String(res.body.position) });
      expect(audit.body.events.map((e: { correlationId: string }) => e.correlationId)).toContain(correlationId);
    });
  });

  describe('GET /audit/verify?progress=true on a large store', () => {
    let committeeId: string;

    beforeAll(async () => {
      // Two pages of the check (5,000 events each): appended straight to the store, in batches under its 4,096-event limit.
      for (let batch = 0; batch < 3; batch++) {
        await f.store.appendToStream(
          `bulk-${batch}`,
          Array.from({ length: 2_000 }, (_, n) => ({
            eventId: randomUUID(),
            type: 'BulkNoted',
            data: { n },
            metadata: {},
          })),
        );
      }
      const res = await f.http().post('/api/v1/committees').send({ name: 'Audit Committee', kind: 'other' });
      committeeId = res.body.id as string;
    });

    const total = async () => (await f.store.db.query<{ n: number }>('SELECT count(*)::int AS n FROM events')).rows[0]?.n;

    it('streams NDJSON: the events checked so far, page by page, then the result', async () => {
      const res = await f
        .anonymous()
        .get('/api/v1/audit/verify')
        .query({ progress: 'true' })
        .set(auditor)
        .buffer(true)
        .parse((response, done) => {
          let text = '';
          response.setEncoding('utf8');
          response.on('data', (chunk: string) => (text += chunk));
          response.on('end', () => done(null, text));
        });
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/^application\/x-ndjson/);
      const lines = linesOf(res.body as string);
      const events = await total();
      expect(lines.slice(0, -1)).toEqual([{ checkedEvents: 0 }, { checkedEvents: 5_000 }, { checkedEvents: events }]);
      expect(lines.at(-1)).toEqual({ ok: true, checkedEvents: events, checkedStreams: expect.any(Number) });
    });

    it('names the first broken event after an edit made with plain SQL behind the trigger', async () => {
      const streamId = `committee-${committeeId}`;
      const [original] = await f.store.readStream(streamId);
      const tamper = (name: string) =>
        f.store.db.transaction(async (tx) => {
          await tx.query('ALTER TABLE events DISABLE TRIGGER events_append_only');
          await tx.query(
            `UPDATE events SET data = jsonb_set(data, '{name}', to_jsonb($2::text)) WHERE stream_id = $1 AND stream_version = 1`,
            [streamId, name],
          );
          await tx.query('ALTER TABLE events ENABLE TRIGGER events_append_only');
        });
      await tamper('A committee that never was');
      try {
        const plain = await f.anonymous().get('/api/v1/audit/verify').set(auditor);
        const firstBroken = {
          streamId,
          streamVersion: 1,
          eventId: original?.eventId,
          globalPosition: original?.globalPosition,
          reason: 'hash-mismatch',
        };
        expect(plain.body).toEqual({ ok: false, checkedEvents: expect.any(Number), checkedStreams: expect.any(Number), firstBroken });
        const streamed = await f
          .anonymous()
          .get('/api/v1/audit/verify')
          .query({ progress: 'true' })
          .set(auditor)
          .buffer(true)
          .parse((response, done) => {
            let text = '';
            response.setEncoding('utf8');
            response.on('data', (chunk: string) => (text += chunk));
            response.on('end', () => done(null, text));
          });
        expect(linesOf(streamed.body as string).at(-1)).toEqual(plain.body);
      } finally {
        await tamper(String(original?.data.name));
      }
      expect((await f.anonymous().get('/api/v1/audit/verify').set(auditor)).body.ok).toBe(true);
    });

    it('refuses a progress value other than true or false', async () => {
      const res = await f.anonymous().get('/api/v1/audit/verify').query({ progress: 'yes' }).set(auditor);
      expect({ status: res.status, type: res.body.type }).toEqual({
        status: 400,
        type: 'https://actiontrail.dev/problems/validation-failed',
      });
    });
  });
});
