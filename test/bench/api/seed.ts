import { randomUUID } from 'node:crypto';
import type { Role } from '../../../apps/api/src/platform/auth/roles.js';
import { signTestToken } from '../../../apps/api/test/support/auth.js';
import { runPool } from '../measure.js';

/** What every action in the workload refers to. */
export interface World {
  readonly committeeId: string;
  readonly meetingId: string;
  readonly resolutionId: string;
  readonly postId: string;
  readonly personId: string;
}

export const API = '/api/v1';

/** Long enough for any bench run; the tokens are signed with the test-only secret the bench app is given. */
const TOKEN_LIFETIME_SECONDS = 12 * 3600;
const authorization = (sub: string, name: string, roles: readonly Role[]): string =>
  `Bearer ${signTestToken({ sub, name, roles, exp: Math.floor(Date.now() / 1000) + TOKEN_LIFETIME_SECONDS })}`;

/** Authorization header values. Scrutiny staff create, chase and seed; the holder of the owner post reports progress and completes. */
export const STAFF_AUTHORIZATION = authorization('bench-scrutiny', 'Bench Scrutiny Officer', ['scrutiny', 'admin']);
const officerTokens = new Map<string, string>();
export const officerAuthorization = (personId: string): string => {
  let token = officerTokens.get(personId);
  if (token === undefined) officerTokens.set(personId, (token = authorization(personId, 'Tony Fitzgerald', ['officer'])));
  return token;
};

export async function postJson(baseUrl: string, path: string, body: object, auth = STAFF_AUTHORIZATION): Promise<string> {
  const res = await fetch(`${baseUrl}${API}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: auth },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  if (res.status !== 201 && res.status !== 200) throw new Error(`seed: POST ${path} answered ${res.status}: ${text}`);
  return (JSON.parse(text) as { id: string }).id;
}

/** The 16 January 2017 task & finish group: what an action needs to exist (as in the e2e seed). */
export async function seedWorld(baseUrl: string): Promise<World> {
  const post = (path: string, body: object) => postJson(baseUrl, path, body);
  const committeeId = await post('/committees', { name: 'Scrutiny Task & Finish Group', kind: 'task-and-finish' });
  const meetingId = await post('/meetings', {
    committeeId,
    startsAt: '2017-01-16T18:00:00Z',
    title: 'Recruitment & Retention of Social Workers',
  });
  await post(`/meetings/${meetingId}/items`, { number: '03', title: 'Draft Task & Finish Group Report Part 1', paperRef: 'Ref: 7' });
  const resolutionId = await post(`/meetings/${meetingId}/resolutions`, {
    itemNumber: '03',
    parts: [
      { label: '(i)', text: 'That the Report (Ref: 7) be noted.', kind: 'noted' },
      {
        label: '(ii)',
        text: 'That the Project Manager, Transformation & Technology be instructed to collate final metrics',
        kind: 'instructed',
      },
    ],
  });
  const postId = await post('/posts', { title: 'Project Manager, Transformation & Technology', department: 'Transformation' });
  const personId = await post('/people', { name: 'Tony Fitzgerald' });
  await post(`/posts/${postId}/holder`, { personId });
  return { committeeId, meetingId, resolutionId, postId, personId };
}

export function newActionBody(world: World, id: string, n: number): object {
  return {
    id,
    resolutionId: world.resolutionId,
    partLabel: '(ii)',
    title: `Collate final metrics for Vacancy, Turnover and Agency Rates (${n})`,
    ownerPostId: world.postId,
    dueDate: '2017-02-15',
  };
}

/** Actions that progress reports and chases pick at random; they are never completed. */
export async function seedActionPool(baseUrl: string, world: World, count: number, concurrency: number): Promise<string[]> {
  const ids: string[] = [];
  await runPool(count, concurrency, async (n) => {
    const id = await postJson(baseUrl, '/actions', newActionBody(world, randomUUID(), n));
    ids.push(id);
  });
  return ids;
}
