import type { Test } from 'supertest';
import { Clock } from '../../../src/features/shared/clock.js';
import type { FeatureApp } from './feature-app.js';

/**
 * Commands over HTTP that remember the highest position they were answered, and view reads that pass it as
 * minPosition: read-your-writes the way a client does it.
 */
export class ViewClient {
  position = 0;

  constructor(private readonly f: FeatureApp) {}

  async send(method: 'post' | 'delete', path: string, body?: object): Promise<string> {
    const req = this.f.http()[method](`/api/v1${path}`);
    const res = await (body === undefined ? req : req.send(body));
    if (res.status !== 200 && res.status !== 201) throw new Error(`${method} ${path} answered ${res.status}: ${JSON.stringify(res.body)}`);
    this.position = Math.max(this.position, res.body.position as number);
    return res.body.id as string;
  }

  view(path: string, query: Record<string, string> = {}, headers: Record<string, string> = {}): Test {
    return this.f
      .http()
      .get(`/api/v1${path}`)
      .query({ minPosition: String(this.position), ...query })
      .set(headers);
  }
}

/** Makes the app's Clock answer `now()` from then on. */
export function setClock(f: FeatureApp, instant: string): void {
  const now = new Date(instant);
  f.app.get(Clock).now = () => now;
}

export interface ViewsWorld {
  readonly committeeId: string;
  readonly otherCommitteeId: string;
  readonly january: string;
  readonly february: string;
  readonly resolutionId: string;
  /** Held by Tony. */
  readonly postId: string;
  readonly tony: string;
  readonly kate: string;
}

/** Two committees, the January and February meetings, a resolution with part (ii), a post held by Tony, and Kate. */
export async function seedViewsWorld(client: ViewClient): Promise<ViewsWorld> {
  const committeeId = await client.send('post', '/committees', { name: 'Scrutiny Task & Finish Group', kind: 'task-and-finish' });
  const otherCommitteeId = await client.send('post', '/committees', { name: 'Overview and Scrutiny Board', kind: 'scrutiny' });
  const january = await client.send('post', '/meetings', { committeeId, startsAt: '2017-01-16T18:00:00Z' });
  const february = await client.send('post', '/meetings', { committeeId, startsAt: '2017-02-20T18:00:00Z' });
  await client.send('post', `/meetings/${january}/items`, { number: '03', title: 'Draft Task & Finish Group Report Part 1' });
  const resolutionId = await client.send('post', `/meetings/${january}/resolutions`, {
    itemNumber: '03',
    parts: [{ label: '(ii)', text: 'That the Project Manager be instructed to collate final metrics', kind: 'instructed' }],
  });
  const postId = await client.send('post', '/posts', { title: 'Project Manager, Transformation & Technology' });
  const tony = await client.send('post', '/people', { name: 'Tony Fitzgerald' });
  const kate = await client.send('post', '/people', { name: 'Kate Savenko' });
  await client.send('post', `/posts/${postId}/holder`, { personId: tony });
  return { committeeId, otherCommitteeId, january, february, resolutionId, postId, tony, kate };
}

/** Assigns an action arising from the world's resolution, part (ii). */
export function assignIn(
  client: ViewClient,
  w: ViewsWorld,
  title: string,
  due: object,
  ownerPostId = w.postId,
  resolutionId = w.resolutionId,
): Promise<string> {
  return client.send('post', '/actions', { resolutionId, partLabel: '(ii)', title, ownerPostId, ...due });
}
