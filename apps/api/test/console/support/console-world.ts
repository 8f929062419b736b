import request from 'supertest';
import { seedMeetingWorld, type MeetingWorld } from '../../features/support/seed-over-http.js';
import type { FeatureApp } from '../../features/support/feature-app.js';

export interface ConsoleWorld extends MeetingWorld {
  /** Owned by the post Tony Fitzgerald holds, due 15 February 2017 (overdue on any later day). */
  actionId: string;
  /** Owned by a post nobody holds. */
  otherActionId: string;
}

/** The 16 January 2017 meeting with two actions, and the read models caught up with all of it. */
export async function seedConsoleWorld(f: FeatureApp): Promise<ConsoleWorld> {
  const w = await seedMeetingWorld(f);
  const assign = async (ownerPostId: string, title: string) => {
    const res = await f
      .http()
      .post('/api/v1/actions')
      .send({ resolutionId: w.resolutionId, partLabel: '(ii)', title, ownerPostId, dueDate: '2017-02-15' });
    if (res.status !== 201) throw new Error(`assign answered ${res.status}: ${JSON.stringify(res.body)}`);
    return res.body as { id: string; position: number };
  };
  const action = await assign(w.postId, 'Collate final metrics for Vacancy, Turnover and Agency Rates');
  const other = await assign(w.otherPostId, 'Review the exit interview process');
  await waitForReadModels(f, other.position);
  return { ...w, actionId: action.id, otherActionId: other.id };
}

export async function waitForReadModels(f: FeatureApp, position: number): Promise<void> {
  const res = await f
    .http()
    .get('/api/v1/people')
    .query({ minPosition: String(position) });
  if (res.status !== 200) throw new Error(`read models did not reach ${position}: ${res.status}`);
}

const CSRF = /name="_csrf" value="([^"]+)"/;

/** The CSRF token of the form on a page. */
export function csrfOf(html: string): string {
  const token = CSRF.exec(html)?.[1];
  if (!token) throw new Error('no CSRF token on the page');
  return token;
}

/** A browser-like client: keeps its cookies and asks for HTML. */
export function browser(f: FeatureApp): ReturnType<typeof request.agent> {
  return request.agent(f.app.getHttpServer()).set('Accept', 'text/html');
}

/** Signs in through the development sign-in page and answers the signed-in agent. */
export async function signIn(
  f: FeatureApp,
  personId: string,
  roles: readonly string[] = ['officer'],
): Promise<ReturnType<typeof request.agent>> {
  const agent = browser(f);
  const page = await agent.get('/sign-in');
  const res = await agent
    .post('/sign-in')
    .type('form')
    .send({ _csrf: csrfOf(page.text), personId, roles: [...roles], returnTo: '/' });
  if (res.status !== 303) throw new Error(`sign-in answered ${res.status}`);
  return agent;
}

/** The text of a page without its tags, whitespace collapsed: what a reader sees. */
export function textOf(html: string): string {
  return html
    .replace(/<script[\s\S]*?<\/script>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/\s+/g, ' ');
}
