import type { Response } from 'supertest';
import { expectProblem, startFeatureApp, type FeatureApp } from './support/feature-app.js';

// Bromley, Adult Care and Health PDS Committee, 21 January 2015, item 62 (../shared/seeds/004_db611732c023a0b2.txt).
const ITEM_TITLE = "Children's Social Care Recruitment & Retention Strategy";
const NARRATIVE = [
  'On 3rd February 2010 the Executive had agreed a package of measures to support better recruitment and retention of ' +
    'children’s social workers. The strategy was to increase the recruitment of qualified social workers, reduce the numbers ' +
    'leaving the Council and reduce dependency on agency workers. The scheme had been extended for the 2014/15 financial year, ' +
    'and in view of employment market conditions it was considered appropriate and necessary for it to be continued.',
  'Members asked whether certain factors were making it harder for Bromley to recruit and retain qualified social workers, ' +
    'such as lower pay or a perception of Bromley as a commissioning authority. Officers confirmed that all authorities were ' +
    'experiencing difficulties in recruiting, and it was not possible to discern any overall pattern for why staff left.',
  'The overall approach was to put a package together which made Bromley an attractive place to work. This included offering ' +
    'a good career path, excellent supervision and development opportunities. There was a danger of “burn out” in many frontline ' +
    'roles, so it was important that sideways moves to other teams were available. The Council was working with other London ' +
    'Authorities to ensure that they were not just outbidding each other on salaries. Funding was available to continue the ' +
    'scheme for a further two years, but after that it was unclear how it could be funded.',
].join('\n\n');
const RESOLVED = {
  text:
    'That the proposal that the current scheme be extended for the 2015/16 and 2016/17 financial years by utilising the residual ' +
    'funding from the LAA reward grant from the agreed recruitment and retention package for 2010/14, including the proposed ' +
    'enhancements set out in Appendix B to the report, be supported.',
  kind: 'supported',
};

describe('minutes as written: the Bromley item recorded as its minutes read', () => {
  let f: FeatureApp;
  let position = 0;
  const command = async (path: string, body: object): Promise<Response> => {
    const res = await f.http().post(`/api/v1/${path}`).send(body);
    if (typeof res.body.position === 'number') position = Math.max(position, res.body.position);
    return res;
  };
  const created = async (path: string, body: object): Promise<string> => {
    const res = await command(path, body);
    expect(res.status).toBe(201);
    return res.body.id as string;
  };
  const read = (path: string) =>
    f
      .http()
      .get(`/api/v1/${path}`)
      .query({ minPosition: String(position) });

  let committeeId: string;
  let meetingId: string;
  let resolutionId: string;

  beforeAll(async () => {
    f = await startFeatureApp();
    committeeId = await created('committees', { name: 'Adult Care and Health PDS Committee', kind: 'scrutiny' });
    meetingId = await created('meetings', {
      committeeId,
      date: '2015-01-21',
      title: 'Adult Care and Health Policy Development and Scrutiny Committee',
    });
    expect(
      (await command(`meetings/${meetingId}/items`, { number: '62', title: ITEM_TITLE, paperRef: 'CS14078', narrative: NARRATIVE })).status,
    ).toBe(200);
    resolutionId = await created(`meetings/${meetingId}/resolutions`, { itemNumber: '62', parts: [RESOLVED] });
  });
  afterAll(() => f.close());

  it('reads back the meeting with its date only, item 62 with its paper and narrative, and one unlabelled supported resolution', async () => {
    const res = await read(`meetings/${meetingId}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ meetingId, committeeId, date: '2015-01-21' });
    expect(res.body).not.toHaveProperty('startsAt');
    expect(res.body.items).toEqual([{ number: '62', title: ITEM_TITLE, paperRef: 'CS14078', narrative: NARRATIVE }]);
    expect(res.body.resolutions).toHaveLength(1);
    expect(res.body.resolutions[0]).toMatchObject({ resolutionId, itemNumber: '62', parts: [RESOLVED] });
    expect(res.body.resolutions[0].parts[0]).not.toHaveProperty('label');
  });

  it('keeps the resolution without a label in GET /resolutions/{id} and in its event, passed on the day of its meeting', async () => {
    const res = await read(`resolutions/${resolutionId}`);
    expect(res.status).toBe(200);
    expect(res.body.parts).toEqual([RESOLVED]);
    expect(Date.parse(res.body.passedAt)).toBe(Date.parse('2015-01-21T00:00:00Z'));
    const [event] = await f.store.readStream(`resolution-${resolutionId}`);
    expect(event?.data.parts).toEqual([RESOLVED]);
  });

  it("lists the meeting among the committee's meetings with its date and no time", async () => {
    const res = await read(`committees/${committeeId}/meetings`);
    expect(res.status).toBe(200);
    expect(res.body.meetings).toEqual([
      {
        meetingId,
        date: '2015-01-21',
        title: 'Adult Care and Health Policy Development and Scrutiny Committee',
        itemCount: 1,
        minutesApproved: false,
      },
    ]);
  });

  it('assigns an action on the unlabelled resolution without a part label, the action showing the one part as its origin', async () => {
    const postId = await created('posts', { title: 'Director of Children’s Social Care' });
    const later = await created('meetings', { committeeId, date: '2015-06-24' });
    const actionId = await created('actions', {
      resolutionId,
      title: 'Report back on the extended scheme',
      ownerPostId: postId,
      dueMeetingId: later,
    });
    const res = await read(`actions/${actionId}`);
    expect(res.status).toBe(200);
    expect(res.body.origin).toEqual({ resolutionId, meetingId, partText: RESOLVED.text });
    expect(res.body.dueOn).toBe('2015-06-24');
    const log = await read(`committees/${committeeId}/action-log`);
    expect(log.status).toBe(200);
    expect(log.body.rows).toEqual([
      expect.objectContaining({
        actionId,
        meetingDate: '2015-01-21',
        itemNumber: '62',
        itemTitle: ITEM_TITLE,
        partLabel: null,
        dueOn: '2015-06-24',
      }),
    ]);
  });

  it('refuses a part label on a resolution whose one part has none (422 resolution-part-unknown)', async () => {
    const postId = await created('posts', { title: 'Assistant Director' });
    const res = await command('actions', { resolutionId, partLabel: '(i)', title: 'Anything', ownerPostId: postId, dueDate: '2015-03-01' });
    expectProblem(res, 422, 'resolution-part-unknown');
  });

  it('refuses two parts without labels (422 part-label-required) and accepts labelled ones of the new kinds', async () => {
    const twoUnlabelled = await command(`meetings/${meetingId}/resolutions`, {
      itemNumber: '62',
      parts: [RESOLVED, { text: 'That the report be noted.', kind: 'noted' }],
    });
    expectProblem(twoUnlabelled, 422, 'part-label-required');
    const kinds = await command(`meetings/${meetingId}/resolutions`, {
      itemNumber: '62',
      parts: ['endorsed', 'requested', 'deferred'].map((kind, index) => ({ label: `(${index + 1})`, text: `That it be ${kind}.`, kind })),
    });
    expect(kinds.status).toBe(201);
  });

  it('shows a meeting with a time by its start and its UK date (23:30 UTC in summer is the next UK day)', async () => {
    const late = await created('meetings', { committeeId, startsAt: '2015-06-24T23:30:00Z' });
    const res = await read(`meetings/${late}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ startsAt: '2015-06-24T23:30:00Z', date: '2015-06-25' });
  });

  it('refuses a meeting with both a start and a date, or with neither (400 naming the field)', async () => {
    const both = await command('meetings', { committeeId, startsAt: '2015-01-21T19:30:00Z', date: '2015-01-21' });
    expectProblem(both, 400, 'validation-failed');
    expect(both.body.errors).toEqual([{ field: 'date', message: 'date and startsAt are alternatives: give one of them' }]);
    const neither = await command('meetings', { committeeId });
    expectProblem(neither, 400, 'validation-failed');
    expect(neither.body.errors).toEqual([
      {
        field: 'startsAt',
        message: 'startsAt is required (an ISO 8601 instant with its zone), or date (YYYY-MM-DD) when the minutes give no time',
      },
    ]);
    const badDate = await command('meetings', { committeeId, date: '2015-02-30' });
    expectProblem(badDate, 400, 'validation-failed');
    expect(badDate.body.errors.map((e: { field: string }) => e.field)).toEqual(['date']);
  });

  it('refuses a narrative longer than 50,000 characters (400)', async () => {
    const res = await command(`meetings/${meetingId}/items`, { number: '63', title: 'Long', narrative: 'x'.repeat(50_001) });
    expectProblem(res, 400, 'validation-failed');
    expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(['narrative']);
  });
});
