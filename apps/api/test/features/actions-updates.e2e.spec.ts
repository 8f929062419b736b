import { assignAction, seedMeetingWorld, type MeetingWorld } from './support/seed-over-http.js';
import { startFeatureApp, type FeatureApp } from './support/feature-app.js';

/** The action's row keeps only its latest notes; GET /actions/{id} still answers every one, from their own table. */
describe("GET /actions/{id} with more progress notes than the action's row keeps", () => {
  let f: FeatureApp;
  let w: MeetingWorld;
  let actionId = '';
  let position = 0;
  const NOTES = 25;

  const getAction = (query: Record<string, string> = {}) =>
    f
      .http()
      .get(`/api/v1/actions/${actionId}`)
      .query({ minPosition: String(position), ...query });

  beforeAll(async () => {
    f = await startFeatureApp();
    w = await seedMeetingWorld(f);
    actionId = await assignAction(f, w);
    for (let n = 1; n <= NOTES; n++) {
      const res = await f
        .http()
        .post(`/api/v1/actions/${actionId}/progress`)
        .send({ note: `Note ${n}` });
      expect(res.status).toBe(200);
      position = res.body.position as number;
    }
  });
  afterAll(() => f.close());

  it('answers every note in order and counts them all', async () => {
    const res = await getAction();
    expect(res.status).toBe(200);
    expect(res.body.updates.map((u: { note: string }) => u.note)).toEqual(Array.from({ length: NOTES }, (_, i) => `Note ${i + 1}`));
    expect(res.body).toMatchObject({ updatesNextAfter: null, counts: { progressReports: NOTES }, latestUpdate: { note: `Note ${NOTES}` } });
  });

  it('answers the notes past a stream version with updatesAfter', async () => {
    const res = await getAction({ updatesAfter: '21' });
    expect(res.body.updates.map((u: { note: string }) => u.note)).toEqual(['Note 21', 'Note 22', 'Note 23', 'Note 24', 'Note 25']);
  });

  it('answers no notes, not a 500, for updatesAfter past the stream, up to 2^53 (larger than the version column holds)', async () => {
    for (const updatesAfter of ['26', '2147483648', '9007199254740992']) {
      const res = await getAction({ updatesAfter });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ updates: [], updatesNextAfter: null });
    }
  });

  it('counts every note in the meeting record too', async () => {
    const res = await f
      .http()
      .get(`/api/v1/meetings/${w.meetingId}`)
      .query({ minPosition: String(position) });
    expect(res.status).toBe(200);
    expect(JSON.stringify(res.body)).toContain(`"progressReports":${NOTES}`);
  });
});
