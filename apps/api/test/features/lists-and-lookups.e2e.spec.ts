import { randomUUID } from 'node:crypto';
import type { Response } from 'supertest';
import { expectProblem, startFeatureApp, type FeatureApp } from './support/feature-app.js';

/** Every page of a list, following nextAfter, with the page size given. */
async function allPages(f: FeatureApp, path: string, key: string, query: Record<string, string>, minPosition: number): Promise<object[][]> {
  const pages: object[][] = [];
  let after: string | undefined;
  do {
    const res: Response = await f
      .http()
      .get(path)
      .query({ ...query, minPosition: String(minPosition), ...(after === undefined ? {} : { after }) });
    expect(res.status).toBe(200);
    expect(res.headers['x-projection-position']).toEqual(expect.any(String));
    pages.push(res.body[key] as object[]);
    after = res.body.nextAfter ?? undefined;
  } while (after !== undefined && pages.length < 20);
  return pages;
}

describe('lists and lookups over HTTP', () => {
  let f: FeatureApp;
  let position = 0;
  const created = async (path: string, body: object): Promise<string> => {
    const res = await f.http().post(`/api/v1/${path}`).send(body);
    expect(res.status).toBe(201);
    position = Math.max(position, res.body.position as number);
    return res.body.id as string;
  };
  const get = (path: string, query: Record<string, string> = {}) =>
    f
      .http()
      .get(`/api/v1/${path}`)
      .query({ ...query, minPosition: String(position) });

  const committees: Record<string, string> = {};
  const people: Record<string, string> = {};
  const posts: Record<string, string> = {};
  let luton: string;
  const meetings: Record<string, string> = {};

  beforeAll(async () => {
    f = await startFeatureApp();
    for (const name of [
      'Adult Care and Health PDS Committee',
      'Children and Young People PDS Committee',
      'Executive',
      'Audit Sub-Committee',
    ]) {
      committees[name] = await created('committees', { name, kind: name === 'Executive' ? 'executive' : 'scrutiny' });
    }
    luton = await created('committees', { name: 'Scrutiny Task & Finish Group', kind: 'task-and-finish' });
    meetings.january = await created('meetings', { committeeId: luton, startsAt: '2017-01-16T18:00:00Z', title: 'January' });
    meetings.february = await created('meetings', { committeeId: luton, startsAt: '2017-02-20T18:00:00Z', title: 'February' });
    meetings.march = await created('meetings', { committeeId: luton, date: '2017-03-20' });
    meetings.december = await created('meetings', { committeeId: luton, date: '2016-12-05', location: 'Town Hall, Luton' });
    for (const name of ['Tony Fitzgerald', 'Antonia Green', 'Pat Franks', 'Sam Tonks']) {
      people[name] = await created('people', { name, ...(name === 'Pat Franks' ? { email: 'pat.franks@example.org' } : {}) });
    }
    for (const title of ['Project Manager, Transformation & Technology', 'Head of Service', 'Programme Manager', 'Director of 100% Care']) {
      posts[title] = await created('posts', { title, ...(title === 'Head of Service' ? { department: "Children's Services" } : {}) });
    }
    const appointed = await f
      .http()
      .post(`/api/v1/posts/${posts['Head of Service']}/holder`)
      .send({ personId: people['Antonia Green'], from: '2017-01-01' });
    expect(appointed.status).toBe(200);
    position = Math.max(position, appointed.body.position as number);
  });
  afterAll(() => f.close());

  describe('GET /committees', () => {
    it('lists every committee in name order, a page at a time, each page following the last', async () => {
      const pages = await allPages(f, '/api/v1/committees', 'committees', { limit: '2' }, position);
      expect(pages.map((page) => page.length)).toEqual([2, 2, 1]);
      expect(pages.flat().map((c) => (c as { name: string }).name)).toEqual([
        'Adult Care and Health PDS Committee',
        'Audit Sub-Committee',
        'Children and Young People PDS Committee',
        'Executive',
        'Scrutiny Task & Finish Group',
      ]);
      expect(pages[0]?.[0]).toEqual({
        committeeId: committees['Adult Care and Health PDS Committee'],
        name: 'Adult Care and Health PDS Committee',
        kind: 'scrutiny',
        createdAt: expect.any(String),
      });
    });

    it('filters by a name containing the text, in any case', async () => {
      const res = await get('committees', { name: 'pds' });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        committees: [
          expect.objectContaining({ name: 'Adult Care and Health PDS Committee' }),
          expect.objectContaining({ name: 'Children and Young People PDS Committee' }),
        ],
        nextAfter: null,
      });
    });

    it('refuses a limit out of range and an after that is not a cursor (400)', async () => {
      expectProblem(await get('committees', { limit: '0' }), 400, 'validation-failed');
      expectProblem(await get('committees', { limit: '1001' }), 400, 'validation-failed');
      expectProblem(await get('committees', { after: 'bm90LWEtY3Vyc29y' }), 400, 'validation-failed');
      const withNul = Buffer.from(JSON.stringify(['A\u0000', randomUUID()]), 'utf8').toString('base64url');
      expectProblem(await get('committees', { after: withNul }), 400, 'validation-failed');
      const withNumber = Buffer.from(JSON.stringify([1, randomUUID()]), 'utf8').toString('base64url');
      expectProblem(await get('people', { after: withNumber }), 400, 'validation-failed');
    });
  });

  describe('GET /committees/{id}/meetings', () => {
    it('lists the meetings newest first, a date-only meeting by its day and without a time, a page at a time', async () => {
      const pages = await allPages(f, `/api/v1/committees/${luton}/meetings`, 'meetings', { limit: '3' }, position);
      expect(pages.map((page) => page.length)).toEqual([3, 1]);
      expect(pages.flat()).toEqual([
        { meetingId: meetings.march, date: '2017-03-20', itemCount: 0, minutesApproved: false },
        {
          meetingId: meetings.february,
          date: '2017-02-20',
          startsAt: '2017-02-20T18:00:00Z',
          title: 'February',
          itemCount: 0,
          minutesApproved: false,
        },
        {
          meetingId: meetings.january,
          date: '2017-01-16',
          startsAt: '2017-01-16T18:00:00Z',
          title: 'January',
          itemCount: 0,
          minutesApproved: false,
        },
        { meetingId: meetings.december, date: '2016-12-05', location: 'Town Hall, Luton', itemCount: 0, minutesApproved: false },
      ]);
    });

    it('answers a committee without meetings with an empty list, and an unknown committee with 404', async () => {
      const empty = await get(`committees/${committees.Executive}/meetings`);
      expect(empty.status).toBe(200);
      expect(empty.body).toEqual({ committee: { committeeId: committees.Executive, name: 'Executive' }, meetings: [], nextAfter: null });
      expectProblem(await get(`committees/${randomUUID()}/meetings`), 404, 'committee-not-found');
    });

    it('refuses a cursor of another list (400)', async () => {
      const other = await get('committees', { limit: '1' });
      expectProblem(await get(`committees/${luton}/meetings`, { after: other.body.nextAfter as string }), 400, 'validation-failed');
    });
  });

  describe('GET /people', () => {
    it('finds people whose name contains the text, in any case, in name order', async () => {
      const res = await get('people', { name: 'TON' });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        people: [
          { personId: people['Antonia Green'], name: 'Antonia Green' },
          { personId: people['Sam Tonks'], name: 'Sam Tonks' },
          { personId: people['Tony Fitzgerald'], name: 'Tony Fitzgerald' },
        ],
        nextAfter: null,
      });
    });

    it('pages through everyone, with their email when registered', async () => {
      const pages = await allPages(f, '/api/v1/people', 'people', { limit: '3' }, position);
      expect(pages.map((page) => page.length)).toEqual([3, 1]);
      expect(pages.flat()).toContainEqual({ personId: people['Pat Franks'], name: 'Pat Franks', email: 'pat.franks@example.org' });
    });

    it('answers no one for a name nobody has', async () => {
      expect((await get('people', { name: 'Nobody' })).body).toEqual({ people: [], nextAfter: null });
    });
  });

  describe('GET /posts', () => {
    it('finds posts whose title contains the text, in any case, with department and holder', async () => {
      const res = await get('posts', { title: 'MANAGER' });
      expect(res.status).toBe(200);
      expect(res.body.posts.map((p: { title: string }) => p.title)).toEqual([
        'Programme Manager',
        'Project Manager, Transformation & Technology',
      ]);
      const head = await get('posts', { title: 'head of' });
      expect(head.body).toEqual({
        posts: [
          {
            postId: posts['Head of Service'],
            title: 'Head of Service',
            department: "Children's Services",
            holder: { personId: people['Antonia Green'], name: 'Antonia Green', from: '2017-01-01' },
          },
        ],
        nextAfter: null,
      });
    });

    it('takes % and _ in the filter as plain characters', async () => {
      const res = await get('posts', { title: '100%' });
      expect(res.body.posts.map((p: { title: string }) => p.title)).toEqual(['Director of 100% Care']);
      expect((await get('posts', { title: '_' })).body.posts).toEqual([]);
    });

    it('pages through every post, an officer included', async () => {
      const res = await f
        .http()
        .get('/api/v1/posts')
        .set(f.as(['officer']))
        .query({ limit: '2', minPosition: String(position) });
      expect(res.status).toBe(200);
      expect(res.body.posts).toHaveLength(2);
      const rest = await get('posts', { limit: '2', after: res.body.nextAfter as string });
      expect(rest.body.posts).toHaveLength(2);
      expect(rest.body.nextAfter).toBeNull();
      expect([...res.body.posts, ...rest.body.posts].map((p: { title: string }) => p.title)).toEqual([
        'Director of 100% Care',
        'Head of Service',
        'Programme Manager',
        'Project Manager, Transformation & Technology',
      ]);
    });
  });

  it('refuses a forged cursor carrying a NUL character in any paged view (400, not a database error)', async () => {
    const forged = (values: unknown[]) => Buffer.from(JSON.stringify(values), 'utf8').toString('base64url');
    expectProblem(await get('overdue', { after: forged(['2017-01-01', 'a\u0000']) }), 400, 'validation-failed');
    expectProblem(await get('me/queue', { after: forged([null, 'a\u0000']) }), 400, 'validation-failed');
    expectProblem(
      await get(`committees/${luton}/meetings`, { after: forged(['2017-01-16T18:00:00Z', 'a\u0000']) }),
      400,
      'validation-failed',
    );
  });

  describe('GET /audit/streams/{id}', () => {
    const audit = (id: string) =>
      f
        .http()
        .get(`/api/v1/audit/streams/${id}`)
        .set(f.as(['monitoring']))
        .query({ minPosition: String(position) });

    it("takes a record's own id and answers the stream whose name ends with it", async () => {
      const byId = await audit(meetings.march as string);
      expect(byId.status).toBe(200);
      expect(byId.body.streamId).toBe(`meeting-${meetings.march}`);
      expect(byId.body.events.map((e: { type: string }) => e.type)).toEqual(['MeetingScheduled']);
      const person = await audit(people['Antonia Green'] as string);
      expect(person.body.streamId).toBe(`person-${people['Antonia Green']}`);
    });

    it('still takes the full stream name', async () => {
      const res = await audit(`meeting-${meetings.march}`);
      expect(res.status).toBe(200);
      expect(res.body.streamId).toBe(`meeting-${meetings.march}`);
    });

    it('answers 404 naming the forms it accepts, for an unknown id or name', async () => {
      for (const id of [randomUUID(), `action-${randomUUID()}`]) {
        const res = await audit(id);
        expectProblem(res, 404, 'stream-not-found');
        expect(res.body.detail).toContain("Give a record's own id (a UUID) or its stream name");
        expect(res.body.detail).toContain('action-<id>');
        expect(res.body.detail).toContain('meeting-<id>');
      }
    });

    it('answers 409 naming the streams when records of several kinds share the id', async () => {
      const shared = randomUUID();
      await created('committees', { id: shared, name: 'Shared-id Committee', kind: 'other' });
      await created('people', { id: shared, name: 'Shared Id' });
      const res = await audit(shared);
      expectProblem(res, 409, 'stream-id-ambiguous');
      expect(res.body.streams).toEqual([`committee-${shared}`, `person-${shared}`]);
    });
  });
});
