import { randomUUID } from 'node:crypto';
import { expectProblem, startFeatureApp, type FeatureApp } from './support/feature-app.js';

interface AuditEventBody {
  globalPosition: number;
  streamId: string;
  streamVersion: number;
  type: string;
  recordedAt: string;
  actor: { id: string; name: string | null; roles: string[] } | null;
  correlationId: string | null;
  requestId: string | null;
}
type Page = { events: AuditEventBody[]; nextAfter: number | null };

describe('audit over HTTP', () => {
  let f: FeatureApp;
  const events = (query: object = {}) => f.http().get('/api/v1/audit/events').query(query);
  const stream = (streamId: string, query: object = {}) =>
    f
      .http()
      .get(`/api/v1/audit/streams/${encodeURIComponent(streamId)}`)
      .query(query);
  /** Creates a committee as this person; answers its id, the position written and the request's ids. */
  const createCommittee = async (personId: string, correlationId: string = randomUUID()) => {
    const res = await f
      .http()
      .post('/api/v1/committees')
      .set(f.as(['scrutiny'], personId, 'Sam Scrutiny'))
      .set('X-Correlation-Id', correlationId)
      .send({ name: `Committee ${randomUUID()}`, kind: 'scrutiny' });
    expect(res.status).toBe(201);
    return {
      id: res.body.id as string,
      position: res.body.position as number,
      correlationId,
      requestId: res.headers['x-request-id'] as string,
    };
  };
  const everything = async (query: object, limit: number): Promise<{ pages: Page[]; all: AuditEventBody[] }> => {
    const pages: Page[] = [];
    for (let after = 0; ;) {
      const res = await events({ ...query, limit, after });
      expect(res.status).toBe(200);
      pages.push(res.body as Page);
      if (res.body.nextAfter === null) return { pages, all: pages.flatMap((p) => p.events) };
      after = res.body.nextAfter as number;
    }
  };

  beforeAll(async () => {
    f = await startFeatureApp();
  });
  afterAll(() => f.close());

  describe('GET /audit/events', () => {
    it('answers each event with who wrote it and in which request, read from the audit read model', async () => {
      const personId = `p-${randomUUID()}`;
      const written = await createCommittee(personId, 'corr-audit-1');
      const res = await events({ actor: personId, minPosition: written.position });
      expect(res.status).toBe(200);
      expect(Number(res.headers['x-projection-position'])).toBeGreaterThanOrEqual(written.position);
      expect(res.body).toEqual({
        events: [
          {
            globalPosition: written.position,
            eventId: expect.any(String),
            streamId: `committee-${written.id}`,
            streamVersion: 1,
            type: 'CommitteeCreated',
            schemaVersion: 1,
            recordedAt: expect.any(String),
            occurredAt: expect.any(String),
            actor: { id: personId, name: 'Sam Scrutiny', roles: ['scrutiny'] },
            correlationId: 'corr-audit-1',
            requestId: written.requestId,
            data: expect.objectContaining({ committeeId: written.id, kind: 'scrutiny' }),
            metadata: expect.objectContaining({ correlationId: 'corr-audit-1', requestId: written.requestId }),
            hash: expect.stringMatching(/^[0-9a-f]{64}$/),
          },
        ],
        nextAfter: null,
      });
      // A committee is created when it is recorded: the two clocks agree.
      expect(res.body.events[0].occurredAt).toBe(res.body.events[0].recordedAt);
    });

    it('answers a null actor and ids for an event written outside any request', async () => {
      const streamId = `thing-${randomUUID()}`;
      const { lastPosition } = await f.store.appendToStream(streamId, [{ eventId: randomUUID(), type: 'ThingHappened', data: { n: 1 } }]);
      const res = await events({ streamId, minPosition: lastPosition });
      expect(res.body.events).toEqual([
        expect.objectContaining({ streamId, actor: null, correlationId: null, requestId: null, data: { n: 1 } }),
      ]);
    });

    it('filters by stream, actor and type together, oldest first', async () => {
      const personId = `p-${randomUUID()}`;
      const first = await createCommittee(personId);
      const second = await createCommittee(personId);
      const other = await createCommittee(`p-${randomUUID()}`);
      const minPosition = Math.max(first.position, second.position, other.position);
      const byActor = (await events({ actor: personId, minPosition })).body as Page;
      expect(byActor.events.map((e) => e.streamId)).toEqual([`committee-${first.id}`, `committee-${second.id}`]);
      expect((await events({ actor: personId, streamId: `committee-${second.id}`, type: 'CommitteeCreated' })).body.events).toHaveLength(1);
      expect((await events({ actor: personId, type: 'MeetingScheduled' })).body).toEqual({ events: [], nextAfter: null });
      const all = (await everything({ type: 'CommitteeCreated' }, 1000)).all;
      expect(all.map((e) => e.globalPosition)).toEqual([...all.map((e) => e.globalPosition)].sort((a, b) => a - b));
    });

    it('takes from as inclusive and to as exclusive instants', async () => {
      const personId = `p-${randomUUID()}`;
      const written = await createCommittee(personId);
      const [event] = (await events({ actor: personId, minPosition: written.position })).body.events as AuditEventBody[];
      const at = event?.recordedAt ?? '';
      const later = new Date(Date.parse(at) + 1).toISOString();
      expect((await events({ actor: personId, from: at, to: later })).body.events).toHaveLength(1);
      expect((await events({ actor: personId, to: at })).body.events).toHaveLength(0);
      expect((await events({ actor: personId, from: later })).body.events).toHaveLength(0);
      expect((await events({ actor: personId, from: at.replace('Z', '+00:00') })).body.events).toHaveLength(1);
    });

    it('pages by global position: following nextAfter gives every event once, and the last page says there is no more', async () => {
      const personId = `p-${randomUUID()}`;
      let position = 0;
      for (let i = 0; i < 5; i += 1) position = (await createCommittee(personId)).position;
      expect((await events({ actor: personId, minPosition: position })).body.events).toHaveLength(5);
      const { pages, all } = await everything({ actor: personId }, 2);
      expect(pages.map((p) => p.events.length)).toEqual([2, 2, 1]);
      expect(pages.map((p) => p.nextAfter)).toEqual([pages[0]?.events[1]?.globalPosition, pages[1]?.events[1]?.globalPosition, null]);
      expect(new Set(all.map((e) => e.streamId)).size).toBe(5);
      expect((await everything({ actor: personId }, 5)).pages.map((p) => p.nextAfter)).toEqual([null]);
    });

    it('answers 100 events by default, and up to 1000 when asked', async () => {
      const streamId = `bulk-${randomUUID()}`;
      const bulk = Array.from({ length: 120 }, (_, n) => ({ eventId: randomUUID(), type: 'ThingCounted', data: { n } }));
      const { lastPosition } = await f.store.appendToStream(streamId, bulk);
      const first = await events({ streamId, minPosition: lastPosition });
      expect(first.body.events.map((e: AuditEventBody) => e.streamVersion)).toEqual(Array.from({ length: 100 }, (_, n) => n + 1));
      expect(first.body.nextAfter).toBe(first.body.events[99].globalPosition);
      const rest = await events({ streamId, after: first.body.nextAfter });
      expect({ count: rest.body.events.length, nextAfter: rest.body.nextAfter }).toEqual({ count: 20, nextAfter: null });
      expect((await events({ streamId, limit: '1000' })).body.events).toHaveLength(120);
    });

    it.each([
      ['a date for from', { from: '2017-01-16' }],
      ['an instant without a zone', { to: '2017-01-16T18:00:00' }],
      ['an impossible instant', { from: '2017-02-30T00:00:00Z' }],
      ['to before from', { from: '2017-02-01T00:00:00Z', to: '2017-01-01T00:00:00Z' }],
      ['a limit of 0', { limit: '0' }],
      ['a limit over 1000', { limit: '1001' }],
      ['a limit that is not a whole number', { limit: '2.5' }],
      ['a limit in exponent form', { limit: '1e3' }],
      ['a negative after', { after: '-1' }],
      ['an after that is not a number', { after: 'last' }],
      ['a blank actor', { actor: '' }],
      ['a repeated stream', { streamId: ['a', 'b'] }],
      ['an unknown parameter', { category: 'action' }],
      ['a malformed minPosition', { minPosition: '1.5' }],
    ])('answers 400 for %s', async (_label, query) => {
      expectProblem(await events(query), 400, 'validation-failed');
    });
  });

  describe('GET /audit/streams/{streamId}', () => {
    it('answers the full history of one stream in version order', async () => {
      const committee = await createCommittee(`p-${randomUUID()}`);
      const meeting = await f.http().post('/api/v1/meetings').send({ committeeId: committee.id, startsAt: '2017-01-16T18:00:00Z' });
      const meetingId = meeting.body.id as string;
      let position = 0;
      for (const number of ['01', '02', '03']) {
        position = (
          await f
            .http()
            .post(`/api/v1/meetings/${meetingId}/items`)
            .send({ number, title: `Item ${number}` })
        ).body.position as number;
      }
      const res = await stream(`meeting-${meetingId}`, { minPosition: position });
      expect(res.status).toBe(200);
      expect(res.headers['x-projection-position']).toBeDefined();
      expect(res.body.streamId).toBe(`meeting-${meetingId}`);
      expect(res.body.version).toBe(4);
      expect(res.body.events.map((e: AuditEventBody) => [e.streamVersion, e.type])).toEqual([
        [1, 'MeetingScheduled'],
        [2, 'AgendaItemAdded'],
        [3, 'AgendaItemAdded'],
        [4, 'AgendaItemAdded'],
      ]);
      expect(res.body.events.map((e: { data: { number?: string } }) => e.data.number)).toEqual([undefined, '01', '02', '03']);
    });

    it('answers 404 stream-not-found for a stream with no event, and 400 for an unknown parameter', async () => {
      expectProblem(await stream(`action-${randomUUID()}`), 404, 'stream-not-found');
      expectProblem(await stream(`action-${randomUUID()}`, { page: 2 }), 400, 'validation-failed');
    });
  });

  describe('GET /audit/verify', () => {
    it('recomputes every chain of the store and names the first broken link of an event edited behind the trigger', async () => {
      const written = await createCommittee(`p-${randomUUID()}`);
      const res = await f.http().get('/api/v1/audit/verify');
      expect(res.status).toBe(200);
      expect(res.headers['x-projection-position']).toBeUndefined();
      const { rows } = await f.store.db.query<{ events: number; streams: number }>(
        'SELECT count(*)::int AS events, count(DISTINCT stream_id)::int AS streams FROM events',
      );
      expect(res.body).toEqual({ ok: true, checkedEvents: rows[0]?.events, checkedStreams: rows[0]?.streams });

      const tamper = (name: string) =>
        f.store.db.transaction(async (tx) => {
          await tx.query('ALTER TABLE events DISABLE TRIGGER events_append_only');
          await tx.query(`UPDATE events SET data = jsonb_set(data, '{name}', to_jsonb($2::text)) WHERE stream_id = $1`, [
            `committee-${written.id}`,
            name,
          ]);
          await tx.query('ALTER TABLE events ENABLE TRIGGER events_append_only');
        });
      const original = (await f.store.readStream(`committee-${written.id}`))[0]?.data.name as string;
      await tamper('A committee that never was');
      try {
        const broken = await f.http().get('/api/v1/audit/verify');
        expect(broken.body).toMatchObject({
          ok: false,
          firstBroken: { streamId: `committee-${written.id}`, streamVersion: 1, globalPosition: written.position, reason: 'hash-mismatch' },
        });
      } finally {
        await tamper(original);
      }
      expect((await f.http().get('/api/v1/audit/verify')).body.ok).toBe(true);
    });

    it('answers 400 for any query parameter, minPosition included', async () => {
      expectProblem(await f.http().get('/api/v1/audit/verify').query({ minPosition: '1' }), 400, 'validation-failed');
    });
  });

  it('is documented in the OpenAPI document', async () => {
    const doc = (await f.http().get('/docs-json')).body;
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/v1/audit/events', '/api/v1/audit/streams/{streamId}', '/api/v1/audit/verify']),
    );
    expect(doc.paths['/api/v1/audit/events'].get.parameters.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(['streamId', 'actor', 'type', 'from', 'to', 'after', 'limit', 'minPosition']),
    );
  });
});
