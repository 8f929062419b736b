import { randomUUID } from 'node:crypto';
import { jsonOf, send, type Outcome } from './http-client.js';
import type { LocalIdentityProvider, Person } from './identity-provider.js';

export const API = '/api/v1';

/** Scrutiny staff create, chase and sign off; either role is enough for every write they make. */
export const STAFF: Person = { sub: 'res-scrutiny', name: 'Resilience Scrutiny Officer', roles: ['scrutiny', 'admin'] };
/** The monitoring officer reads the audit trail. */
export const MONITOR: Person = { sub: 'res-monitoring', name: 'Resilience Monitoring Officer', roles: ['monitoring'] };

export interface PostHolder {
  readonly postId: string;
  /** Holds the post now, so may report progress on and complete its actions. */
  readonly officer: Person;
}

/** What actions need to exist: the 16 January 2017 task & finish group, its resolution and the posts that own actions. */
export interface World {
  readonly committeeId: string;
  readonly meetingId: string;
  readonly laterMeetingId: string;
  readonly resolutionId: string;
  readonly holders: readonly PostHolder[];
}

export interface CommandAck {
  readonly id: string;
  readonly version: number;
  readonly position: number;
}

/** POST a command as this person; the headers carry a real bearer token. */
export async function postCommand(
  port: number,
  idp: LocalIdentityProvider,
  as: Person,
  path: string,
  body: object,
  headers: Record<string, string> = {},
): Promise<Outcome> {
  return send(port, {
    method: 'POST',
    path: `${API}${path}`,
    body: JSON.stringify(body),
    headers: { 'Content-Type': 'application/json', Authorization: await idp.bearer(as), ...headers },
  });
}

export async function getAs(port: number, idp: LocalIdentityProvider, as: Person, path: string): Promise<Outcome> {
  return send(port, { method: 'GET', path: `${API}${path}`, headers: { Authorization: await idp.bearer(as) } });
}

async function created(port: number, idp: LocalIdentityProvider, path: string, body: object): Promise<string> {
  const outcome = await postCommand(port, idp, STAFF, path, body);
  if (outcome.kind !== 'answer' || (outcome.status !== 201 && outcome.status !== 200)) {
    throw new Error(`seeding: POST ${path} gave ${outcome.kind === 'answer' ? `${outcome.status} ${outcome.text}` : outcome.error}`);
  }
  return String(jsonOf<CommandAck>(outcome)?.id);
}

export async function seedWorld(port: number, idp: LocalIdentityProvider, posts = 2): Promise<World> {
  const make = (path: string, body: object) => created(port, idp, path, body);
  const committeeId = await make('/committees', { name: 'Scrutiny Task & Finish Group', kind: 'task-and-finish' });
  const meetingId = await make('/meetings', {
    committeeId,
    startsAt: '2017-01-16T18:00:00Z',
    title: 'Recruitment & Retention of Social Workers',
  });
  const laterMeetingId = await make('/meetings', { committeeId, startsAt: '2017-02-20T18:00:00Z', title: 'The February meeting' });
  await make(`/meetings/${meetingId}/items`, { number: '03', title: 'Draft Task & Finish Group Report Part 1', paperRef: 'Ref: 7' });
  const resolutionId = await make(`/meetings/${meetingId}/resolutions`, {
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
  const holders: PostHolder[] = [];
  for (let n = 0; n < posts; n++) {
    const postId = await make('/posts', { title: `Project Manager ${n + 1}, Transformation & Technology`, department: 'Transformation' });
    const personId = await make('/people', { name: `Officer ${n + 1}` });
    await make(`/posts/${postId}/holder`, { personId });
    holders.push({ postId, officer: { sub: personId, name: `Officer ${n + 1}`, roles: ['officer'] } });
  }
  return { committeeId, meetingId, laterMeetingId, resolutionId, holders };
}

export function newActionBody(world: World, holder: PostHolder, n: number): Record<string, unknown> {
  return {
    id: randomUUID(),
    resolutionId: world.resolutionId,
    partLabel: '(ii)',
    title: `Collate final metrics for Vacancy, Turnover and Agency Rates (${n})`,
    ownerPostId: holder.postId,
    ...(n % 3 === 0 ? { dueMeetingId: world.laterMeetingId } : { dueDate: '2017-02-15' }),
  };
}
