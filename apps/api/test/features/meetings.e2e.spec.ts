import { randomUUID } from 'node:crypto';
import type { Response } from 'supertest';
import { expectProblem, startFeatureApp, type FeatureApp } from './support/feature-app.js';

const JANUARY = '2017-01-16T18:00:00Z';
const FEBRUARY = '2017-02-20T18:00:00Z';

describe('meetings over HTTP: scheduling, attendance, items, minutes approval', () => {
  let f: FeatureApp;
  let committeeId: string;
  beforeAll(async () => {
    f = await startFeatureApp();
    committeeId = await createCommittee();
    expect((await f.http().post('/api/v1/people').send({ id: officer.personId, name: officer.name })).status).toBe(201);
  });
  afterAll(() => f.close());

  async function createCommittee(): Promise<string> {
    const res = await f.http().post('/api/v1/committees').send({ name: 'Scrutiny Task & Finish Group', kind: 'task-and-finish' });
    expect(res.status).toBe(201);
    return res.body.id as string;
  }
  /** The highest position a command here has answered: reads of meetings wait for the read models to reach it. */
  let position = 0;
  const tracked = async (req: PromiseLike<Response>): Promise<Response> => {
    const res = await req;
    if (typeof res.body.position === 'number') position = Math.max(position, res.body.position);
    return res;
  };
  const schedule = async (startsAt = JANUARY, committee = committeeId): Promise<string> => {
    const res = await tracked(f.http().post('/api/v1/meetings').send({ committeeId: committee, startsAt }));
    expect(res.status).toBe(201);
    return res.body.id as string;
  };
  const post = (meetingId: string, command: string, body: object, ifMatch?: string) => {
    const req = f.http().post(`/api/v1/meetings/${meetingId}/${command}`);
    return tracked((ifMatch === undefined ? req : req.set('If-Match', ifMatch)).send(body));
  };
  const getMeeting = (meetingId: string) =>
    f
      .http()
      .get(`/api/v1/meetings/${meetingId}`)
      .query({ minPosition: String(position) });

  const chair = { name: 'Councillor Green', role: 'chair', status: 'present' };
  const officer = { personId: randomUUID(), name: 'Tony Fitzgerald', role: 'officer', status: 'present' };
  const apologies = { name: 'Councillor Franks', role: 'member', status: 'apologies' };

  describe('POST /meetings', () => {
    it('schedules a meeting and shows an empty record with an ETag', async () => {
      const res = await tracked(
        f.http().post('/api/v1/meetings').send({ committeeId, startsAt: JANUARY, title: 'January meeting', location: 'Town Hall' }),
      );
      expect(res.status).toBe(201);
      expect(res.body).toEqual({ id: expect.any(String), version: 1, position: expect.any(Number) });
      const got = await getMeeting(res.body.id);
      expect(got.status).toBe(200);
      expect(got.headers.etag).toBe('"1"');
      expect(got.body).toMatchObject({
        meetingId: res.body.id,
        committeeId,
        startsAt: JANUARY,
        title: 'January meeting',
        location: 'Town Hall',
        attendees: [],
        items: [],
        minutesApproved: null,
        resolutions: [],
        actions: [],
        version: 1,
      });
    });

    it('refuses an unknown committee and a second scheduling of the same id', async () => {
      expectProblem(
        await f.http().post('/api/v1/meetings').send({ committeeId: randomUUID(), startsAt: JANUARY }),
        422,
        'committee-not-found',
      );
      const id = randomUUID();
      expect((await f.http().post('/api/v1/meetings').send({ id, committeeId, startsAt: JANUARY })).body).toMatchObject({ id, version: 1 });
      expectProblem(
        await f.http().post('/api/v1/meetings').send({ id, committeeId, startsAt: FEBRUARY }),
        409,
        'meeting-already-scheduled',
      );
    });

    it.each([
      ['a missing committeeId', { startsAt: JANUARY }],
      ['a missing startsAt', { committeeId: randomUUID() }],
      ['a malformed committeeId', { committeeId: 'c-tf', startsAt: JANUARY }],
      ['a startsAt without a zone', { committeeId: randomUUID(), startsAt: '2017-01-16T18:00:00' }],
      ['a startsAt on an impossible date', { committeeId: randomUUID(), startsAt: '2017-02-30T18:00:00Z' }],
      ['a date for startsAt', { committeeId: randomUUID(), startsAt: '2017-01-16' }],
      ['a wrong type', { committeeId: randomUUID(), startsAt: JANUARY, title: 42 }],
      ['an unknown field', { committeeId: randomUUID(), startsAt: JANUARY, chair: 'Councillor Green' }],
      ['a bad id', { id: 'm-jan', committeeId: randomUUID(), startsAt: JANUARY }],
    ])('answers 400 for %s', async (_label, body) => {
      expectProblem(await f.http().post('/api/v1/meetings').send(body), 400, 'validation-failed');
    });

    it('answers 404 for an unknown meeting and 400 for a malformed id', async () => {
      expectProblem(await getMeeting(randomUUID()), 404, 'meeting-not-found');
      expectProblem(await getMeeting('not-a-uuid'), 400, 'validation-failed');
    });
  });

  describe('POST /meetings/{id}/attendance', () => {
    it('records the attendance, and a later recording replaces it', async () => {
      const meetingId = await schedule();
      const res = await post(meetingId, 'attendance', { attendees: [chair, officer, apologies] });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ id: meetingId, version: 2, position: expect.any(Number) });
      expect((await getMeeting(meetingId)).body.attendees).toEqual([chair, officer, apologies]);
      expect((await post(meetingId, 'attendance', { attendees: [chair] }, '"2"')).body).toMatchObject({ version: 3 });
      const got = await getMeeting(meetingId);
      expect(got.headers.etag).toBe('"3"');
      expect(got.body.attendees).toEqual([chair]);
    });

    it.each([
      ['missing attendees', {}],
      ['an empty list', { attendees: [] }],
      ['attendees that are not a list', { attendees: chair }],
      ['an unknown role', { attendees: [{ ...chair, role: 'mayor' }] }],
      ['an unknown status', { attendees: [{ ...chair, status: 'late' }] }],
      ['a missing name', { attendees: [{ role: 'chair', status: 'present' }] }],
      ['a malformed personId', { attendees: [{ ...chair, personId: 'cllr-green' }] }],
      ['an unknown attendee field', { attendees: [{ ...chair, party: 'Labour' }] }],
      ['an unknown field', { attendees: [chair], quorate: true }],
    ])('answers 400 for %s', async (_label, body) => {
      expectProblem(await post(randomUUID(), 'attendance', body), 400, 'validation-failed');
    });

    it('answers 422 for a blank name and for a person listed twice', async () => {
      const meetingId = await schedule();
      expectProblem(await post(meetingId, 'attendance', { attendees: [{ ...chair, name: '  ' }] }), 422, 'attendee-name-required');
      expectProblem(
        await post(meetingId, 'attendance', { attendees: [officer, { ...officer, role: 'advisor' }] }),
        422,
        'attendee-duplicated',
      );
      expect((await getMeeting(meetingId)).body.attendees).toEqual([]);
    });

    it('answers 404 for an unknown meeting, 400 for a malformed id and 412 on a stale If-Match', async () => {
      expectProblem(await post(randomUUID(), 'attendance', { attendees: [chair] }), 404, 'meeting-not-found');
      expectProblem(await post('not-a-uuid', 'attendance', { attendees: [chair] }), 400, 'validation-failed');
      const meetingId = await schedule();
      expectProblem(await post(meetingId, 'attendance', { attendees: [chair] }, '"5"'), 412, 'precondition-failed');
      expect((await getMeeting(meetingId)).body.attendees).toEqual([]);
    });
  });

  describe('POST /meetings/{id}/items', () => {
    it('adds agenda items in order', async () => {
      const meetingId = await schedule();
      const res = await post(meetingId, 'items', { number: '02', title: 'Draft consultation summary', paperRef: 'Ref: 4.1' });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ id: meetingId, version: 2, position: expect.any(Number) });
      await post(meetingId, 'items', { number: '03', title: 'Draft T&F report part 1' });
      const got = await getMeeting(meetingId);
      expect(got.headers.etag).toBe('"3"');
      expect(got.body.items).toEqual([
        { number: '02', title: 'Draft consultation summary', paperRef: 'Ref: 4.1' },
        { number: '03', title: 'Draft T&F report part 1' },
      ]);
    });

    it('refuses a number already taken (409) and a blank number (422)', async () => {
      const meetingId = await schedule();
      await post(meetingId, 'items', { number: '01', title: 'Apologies for absence', paperRef: 'Ref: 1' });
      expectProblem(await post(meetingId, 'items', { number: '01', title: 'Again' }), 409, 'agenda-item-number-taken');
      expectProblem(await post(meetingId, 'items', { number: '   ', title: 'Blank' }), 422, 'number-required');
      expect((await getMeeting(meetingId)).body.items).toHaveLength(1);
    });

    it.each([
      ['a missing title', { number: '03' }],
      ['a missing number', { title: 'Report' }],
      ['a wrong type', { number: 3, title: 'Report' }],
      ['a paperRef over 100 characters', { number: '03', title: 'Report', paperRef: 'R'.repeat(101) }],
      ['an unknown field', { number: '03', title: 'Report', minutes: 'long' }],
    ])('answers 400 for %s', async (_label, body) => {
      expectProblem(await post(randomUUID(), 'items', body), 400, 'validation-failed');
    });

    it('answers 404 for an unknown meeting, 400 for a malformed id and 412 on a stale If-Match', async () => {
      expectProblem(await post(randomUUID(), 'items', { number: '03', title: 'Report' }), 404, 'meeting-not-found');
      expectProblem(await post('m-jan', 'items', { number: '03', title: 'Report' }), 400, 'validation-failed');
      const meetingId = await schedule();
      expectProblem(await post(meetingId, 'items', { number: '03', title: 'Report' }, '"2"'), 412, 'precondition-failed');
      expect((await post(meetingId, 'items', { number: '03', title: 'Report' }, '"1"')).body).toMatchObject({ version: 2 });
    });
  });

  describe('POST /meetings/{id}/minutes-approval', () => {
    it('records approval at a later meeting of the same committee, once', async () => {
      const january = await schedule(JANUARY);
      const february = await schedule(FEBRUARY);
      const res = await post(january, 'minutes-approval', { approvedAtMeetingId: february });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ id: january, version: 2, position: expect.any(Number) });
      const got = await getMeeting(january);
      expect(got.headers.etag).toBe('"2"');
      expect(got.body.minutesApproved).toEqual({ approvedAtMeetingId: february, approvedAt: expect.any(String) });
      expectProblem(await post(january, 'minutes-approval', { approvedAtMeetingId: february }), 409, 'minutes-already-approved');
    });

    it('refuses an unknown, earlier, same or other-committee approving meeting', async () => {
      const january = await schedule(JANUARY);
      const december = await schedule('2016-12-12T18:00:00Z');
      const elsewhere = await schedule(FEBRUARY, await createCommittee());
      expectProblem(await post(january, 'minutes-approval', { approvedAtMeetingId: randomUUID() }), 422, 'approving-meeting-not-found');
      expectProblem(await post(january, 'minutes-approval', { approvedAtMeetingId: december }), 422, 'minutes-approval-not-later');
      expectProblem(await post(january, 'minutes-approval', { approvedAtMeetingId: january }), 422, 'minutes-approval-not-later');
      expectProblem(await post(january, 'minutes-approval', { approvedAtMeetingId: elsewhere }), 422, 'minutes-approval-other-committee');
      expect((await getMeeting(january)).body.minutesApproved).toBeNull();
    });

    it.each([
      ['a missing approvedAtMeetingId', {}],
      ['a malformed approvedAtMeetingId', { approvedAtMeetingId: 'm-feb' }],
      ['a wrong type', { approvedAtMeetingId: 2 }],
      ['an unknown field', { approvedAtMeetingId: randomUUID(), note: 'agreed' }],
    ])('answers 400 for %s', async (_label, body) => {
      expectProblem(await post(randomUUID(), 'minutes-approval', body), 400, 'validation-failed');
    });

    it('answers 404 for an unknown meeting, 400 for a malformed id and 412 on a stale If-Match', async () => {
      const february = await schedule(FEBRUARY);
      expectProblem(await post(randomUUID(), 'minutes-approval', { approvedAtMeetingId: february }), 404, 'meeting-not-found');
      expectProblem(await post('not-a-uuid', 'minutes-approval', { approvedAtMeetingId: february }), 400, 'validation-failed');
      const january = await schedule(JANUARY);
      expectProblem(await post(january, 'minutes-approval', { approvedAtMeetingId: february }, '"3"'), 412, 'precondition-failed');
      expect((await getMeeting(january)).body.minutesApproved).toBeNull();
    });
  });
});
