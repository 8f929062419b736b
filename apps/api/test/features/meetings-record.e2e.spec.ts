import { randomUUID } from 'node:crypto';
import type { Response } from 'supertest';
import { expectProblem, startFeatureApp, type FeatureApp } from './support/feature-app.js';

const JANUARY = '2017-01-16T18:00:00Z';
const FEBRUARY = '2017-02-20T18:00:00Z';

/**
 * GET /meetings/{id} gathers the meeting's resolutions and actions from their own streams. They are
 * appended here as domain events so that this spec does not depend on the resolutions and actions features.
 */
describe('meetings over HTTP: the meeting record', () => {
  let f: FeatureApp;
  beforeAll(async () => {
    f = await startFeatureApp();
  });
  afterAll(() => f.close());

  /** The highest position a write here has answered: reads of meetings wait for the read models to reach it. */
  let position = 0;
  const seen = (at: number) => {
    position = Math.max(position, at);
  };
  const command = async (path: string, body: object): Promise<Response> => {
    const res = await f.http().post(`/api/v1/${path}`).send(body);
    if (typeof res.body.position === 'number') seen(res.body.position);
    return res;
  };
  const created = async (path: string, body: object): Promise<string> => {
    const res = await command(path, body);
    expect(res.status).toBe(201);
    return res.body.id as string;
  };
  const append = async (streamId: string, type: string, data: object) =>
    seen((await f.store.appendToStream(streamId, [{ eventId: randomUUID(), type, data: data as Record<string, unknown> }])).lastPosition);
  const getMeeting = (meetingId: string) =>
    f
      .http()
      .get(`/api/v1/meetings/${meetingId}`)
      .query({ minPosition: String(position) });

  const partsAsPassed = [
    { label: '(i)', text: 'That the Report (Ref: 7) be noted.', kind: 'noted' },
    { label: '(ii)', text: 'That the Project Manager be instructed to collate final metrics', kind: 'instructed' },
  ];

  async function passResolution(meetingId: string, committeeId: string, itemNumber: string, parts: object[]): Promise<string> {
    const resolutionId = randomUUID();
    await append(`resolution-${resolutionId}`, 'ResolutionPassed', {
      resolutionId,
      meetingId,
      committeeId,
      itemNumber,
      meetingStartsAt: JANUARY,
      parts,
      passedAt: '2017-01-20T10:00:00Z',
    });
    return resolutionId;
  }

  async function assignAction(meetingId: string, committeeId: string, resolutionId: string, title: string): Promise<string> {
    const actionId = randomUUID();
    await append(`action-${actionId}`, 'ActionAssigned', {
      actionId,
      resolutionId,
      meetingId,
      committeeId,
      meetingStartsAt: JANUARY,
      partLabel: '(ii)',
      title,
      ownerPostId: randomUUID(),
      dueMeetingId: randomUUID(),
      assignedAt: '2017-01-20T10:05:00Z',
    });
    return actionId;
  }

  it('shows attendance, items, minutes approval, resolutions with parts and the actions arising with their status', async () => {
    const committeeId = await created('committees', { name: 'Scrutiny Task & Finish Group', kind: 'task-and-finish' });
    const january = await created('meetings', { committeeId, startsAt: JANUARY, title: 'January meeting' });
    const february = await created('meetings', { committeeId, startsAt: FEBRUARY });
    const attendees = [{ name: 'Councillor Green', role: 'chair', status: 'present' }];
    expect((await command(`meetings/${january}/attendance`, { attendees })).status).toBe(200);
    await command(`meetings/${january}/items`, { number: '02', title: 'Draft consultation summary', paperRef: 'Ref: 4.1' });
    await command(`meetings/${january}/items`, { number: '03', title: 'Draft T&F report part 1', paperRef: 'Ref: 7' });
    expect((await command(`meetings/${january}/minutes-approval`, { approvedAtMeetingId: february })).status).toBe(200);

    const noted = await passResolution(january, committeeId, '02', [
      { label: '(i)', text: 'That the Report (Ref: 4.1) be noted.', kind: 'noted' },
    ]);
    const instructed = await passResolution(january, committeeId, '03', partsAsPassed);
    const correctedParts = [
      partsAsPassed[0],
      { ...partsAsPassed[1], text: 'That the Project Manager, Transformation & Technology be instructed to collate final metrics' },
    ];
    await append(`resolution-${instructed}`, 'ResolutionCorrected', {
      resolutionId: instructed,
      parts: correctedParts,
      reason: 'Post title as minuted',
      correctedAt: '2017-01-21T09:00:00Z',
    });
    await passResolution(february, committeeId, '01', [{ label: '(i)', text: 'Elsewhere', kind: 'noted' }]);

    const metrics = await assignAction(january, committeeId, instructed, 'Collate final metrics for vacancy, turnover and agency rates');
    await append(`action-${metrics}`, 'ActionCompleted', {
      actionId: metrics,
      outcome: 'Metrics collated',
      completedAt: '2017-02-10T12:00:00Z',
    });
    const parking = await assignAction(january, committeeId, instructed, 'Report on parking for visiting staff');
    await assignAction(february, committeeId, randomUUID(), 'An action of another meeting');

    const got = await getMeeting(january);
    expect(got.status).toBe(200);
    // The ETag is the meeting stream's version: resolutions and actions live in their own streams.
    expect(got.headers.etag).toBe('"5"');
    expect(got.body).toMatchObject({
      meetingId: january,
      committeeId,
      startsAt: JANUARY,
      title: 'January meeting',
      version: 5,
      attendees,
      items: [
        { number: '02', paperRef: 'Ref: 4.1' },
        { number: '03', paperRef: 'Ref: 7' },
      ],
      minutesApproved: { approvedAtMeetingId: february, approvedAt: expect.any(String) },
    });
    expect(got.body.resolutions).toEqual([
      expect.objectContaining({ resolutionId: noted, itemNumber: '02', corrections: 0, version: 1 }),
      expect.objectContaining({ resolutionId: instructed, itemNumber: '03', parts: correctedParts, corrections: 1, version: 2 }),
    ]);
    expect(got.body.actions).toEqual([
      expect.objectContaining({ actionId: metrics, resolutionId: instructed, partLabel: '(ii)', status: 'completed', version: 2 }),
      expect.objectContaining({ actionId: parking, status: 'open', version: 1 }),
    ]);
    expect(got.body.resolutions[0]).not.toHaveProperty('exists');
    expect(got.body.actions[0]).not.toHaveProperty('exists');
  });

  it('shows a meeting without resolutions or actions with empty lists', async () => {
    const committeeId = await created('committees', { name: 'Overview and Scrutiny Board', kind: 'scrutiny' });
    const meetingId = await created('meetings', { committeeId, startsAt: FEBRUARY });
    const got = await getMeeting(meetingId);
    expect(got.headers.etag).toBe('"1"');
    expect(got.body).toMatchObject({ resolutions: [], actions: [], minutesApproved: null });
  });

  it('answers 404 for an unknown meeting even when events name it, and 400 for a malformed id', async () => {
    const ghost = randomUUID();
    await passResolution(ghost, randomUUID(), '01', partsAsPassed);
    expectProblem(await getMeeting(ghost), 404, 'meeting-not-found');
    expectProblem(await getMeeting('2017-01-16'), 400, 'validation-failed');
  });
});
