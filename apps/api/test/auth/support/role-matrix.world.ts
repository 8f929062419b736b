import { randomUUID } from 'node:crypto';
import { bearer, staffBearer } from '../../support/auth.js';
import type { FeatureApp } from '../../features/support/feature-app.js';
import { assignAction, seedMeetingWorld, type MeetingWorld } from '../../features/support/seed-over-http.js';

/** The seeded world every matrix request names: real ids, so an allowed request succeeds. */
export interface MatrixWorld extends MeetingWorld {
  readonly actionId: string;
  readonly snapshotId: string;
  /** An officer who holds no post. */
  readonly otherPersonId: string;
  /** The position of the last seeding command: reads wait for the read models to reach it. */
  readonly position: number;
}

/**
 * The callers of the matrix who are staff or members, as people in the directory: routes about the signed-in
 * person (/me/...) answer them as they would anyone signed in.
 */
export const MATRIX_PEOPLE = {
  scrutiny: '0a7e0000-0000-4000-8000-000000000001',
  monitoring: '0a7e0000-0000-4000-8000-000000000002',
  member: '0a7e0000-0000-4000-8000-000000000003',
  admin: '0a7e0000-0000-4000-8000-000000000004',
} as const;

/** Staff commands that set up what one request acts on, so that every allowed call starts from a fresh state. */
export type RecommendationStage = 'made' | 'sent' | 'accepted';

export type DecisionStage = 'recorded' | 'published' | 'called-in' | 'referred';

/** Today as a UK date: a call-in is requested on the day it is sent, within a period counted from publication. */
export const ukToday = (): string => new Date().toLocaleDateString('en-CA', { timeZone: 'Europe/London' });

export class Setup {
  private lastPosition = 0;

  constructor(private readonly f: FeatureApp) {}

  get position(): number {
    return this.lastPosition;
  }

  async command(method: 'post' | 'delete', path: string, body: object = {}): Promise<string> {
    const res = await this.f.http()[method](`/api/v1${path}`).set(staffBearer()).send(body);
    if (res.status !== 200 && res.status !== 201)
      throw new Error(`setup ${method} ${path} answered ${res.status}: ${JSON.stringify(res.body)}`);
    this.lastPosition = Math.max(this.lastPosition, Number(res.body.position));
    return res.body.id as string;
  }

  /** Gives the caller a calendar feed to revoke; callers the route refuses get none, and their request is refused anyway. */
  async calendarFeedFor(headers: Record<string, string>): Promise<void> {
    const res = await this.f.http().post('/api/v1/me/calendar-feed').set(headers);
    if (res.status === 201) this.lastPosition = Math.max(this.lastPosition, Number(res.body.position));
  }

  /** A live feed address of the person, the read models caught up so that it answers. */
  async calendarFeedUrl(personId: string): Promise<string> {
    const res = await this.f
      .http()
      .post('/api/v1/me/calendar-feed')
      .set(bearer(personId, ['officer']));
    if (res.status !== 201) throw new Error(`setup calendar feed answered ${res.status}: ${JSON.stringify(res.body)}`);
    const caughtUp = await this.f
      .http()
      .get('/api/v1/me/queue')
      .set(bearer(personId, ['officer']))
      .query({ minPosition: String(res.body.position) });
    if (caughtUp.status !== 200) throw new Error(`setup calendar feed: the read models answered ${caughtUp.status}`);
    return res.body.url as string;
  }

  person = (): Promise<string> => this.command('post', '/people', { name: `Person ${randomUUID().slice(0, 8)}` });
  post = (): Promise<string> => this.command('post', '/posts', { title: `Post ${randomUUID().slice(0, 8)}` });

  async heldPost(): Promise<string> {
    const postId = await this.post();
    await this.command('post', `/posts/${postId}/holder`, { personId: await this.person() });
    return postId;
  }

  meeting = (w: MeetingWorld, startsAt = '2017-01-10T18:00:00Z'): Promise<string> =>
    this.command('post', '/meetings', { committeeId: w.committeeId, startsAt });

  async meetingWithItem(w: MeetingWorld): Promise<string> {
    const meetingId = await this.meeting(w);
    await this.command('post', `/meetings/${meetingId}/items`, { number: '01', title: 'Apologies' });
    return meetingId;
  }

  /** An open action owned by the world's post, which the holder officer holds. */
  action = (w: MeetingWorld): Promise<string> => assignAction(this.f, w);

  async completedAction(w: MeetingWorld): Promise<string> {
    const actionId = await this.action(w);
    await this.command('post', `/actions/${actionId}/completion`, { outcome: 'Done' });
    return actionId;
  }

  async closedAction(w: MeetingWorld): Promise<string> {
    const actionId = await this.completedAction(w);
    await this.command('post', `/actions/${actionId}/sign-off`, {});
    return actionId;
  }

  /** A recommendation of the world's committee to the executive, taken as far as the stage. */
  async recommendation(w: MeetingWorld, stage: RecommendationStage): Promise<string> {
    const id = await this.command('post', '/recommendations', {
      committeeId: w.committeeId,
      reportRef: 'Ref: 7',
      reference: randomUUID().slice(0, 8),
      text: 'That the Executive fund the metrics work',
      decisionMaker: { kind: 'executive', name: 'the Executive' },
      madeOn: '2017-01-16',
    });
    if (stage === 'made') return id;
    await this.command('post', `/recommendations/${id}/sending`, { receivedOn: '2017-01-20' });
    if (stage === 'sent') return id;
    await this.command('post', `/recommendations/${id}/response`, { response: 'accepted', reasons: 'Agreed', respondedOn: '2017-02-01' });
    return id;
  }

  /** An executive decision recorded by staff on the Executive's behalf, taken as far as the stage. */
  async decision(stage: DecisionStage): Promise<string> {
    const id = await this.command('post', '/decisions', {
      decisionMaker: { kind: 'executive', name: 'the Executive' },
      title: 'Metrics work',
      decision: 'Fund the metrics work',
      decidedOn: '2017-01-20',
      keyDecision: false,
      reasons: 'Needed by the task and finish group',
    });
    if (stage === 'recorded') return id;
    await this.command('post', `/decisions/${id}/publication`, { publishedOn: ukToday() });
    if (stage === 'published') return id;
    await this.command('post', `/decisions/${id}/call-in`, { members: ['Cllr A'], reasons: 'Costs' });
    if (stage === 'called-in') return id;
    await this.command('post', `/decisions/${id}/call-in-outcome`, { outcome: 'referred-back', concludedOn: ukToday() });
    return id;
  }

  /** A snapshot, collated for the action when one is named. */
  snapshot = (actionId?: string): Promise<string> =>
    this.command('post', '/metric-snapshots', {
      subject: 'Adult Social Care',
      asOf: '2017-01-31',
      source: 'HR',
      ...(actionId ? { actionId } : {}),
      values: [{ metric: 'vacancy-rate', value: 12.5, unit: '%' }],
    });
}

export async function seedMatrixWorld(f: FeatureApp, setup: Setup): Promise<MatrixWorld> {
  const world = await seedMeetingWorld(f);
  const actionId = await setup.action(world);
  const snapshotId = await setup.snapshot();
  const otherPersonId = await setup.person();
  await setup.command('post', `/actions/${actionId}/progress`, { note: 'Asked HR for the December figures' });
  for (const [role, id] of Object.entries(MATRIX_PEOPLE)) await setup.command('post', '/people', { id, name: `Matrix ${role}` });
  return { ...world, actionId, snapshotId, otherPersonId, position: setup.position };
}
