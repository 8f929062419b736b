import { staffBearer } from '../../support/auth.js';
import type { FeatureApp } from './feature-app.js';

/** Seeding is staff work: scrutiny records meetings and actions, admin the posts and people. */
async function created(f: FeatureApp, path: string, body: object): Promise<string> {
  const res = await f.http().post(`/api/v1${path}`).set(staffBearer()).send(body);
  if (res.status !== 201 && res.status !== 200) throw new Error(`${path} answered ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body.id as string;
}

export interface MeetingWorld {
  committeeId: string;
  meetingId: string;
  laterMeetingId: string;
  resolutionId: string;
  postId: string;
  otherPostId: string;
  personId: string;
}

/** The 16 January 2017 task & finish group, through the API: what an action needs to exist. */
export async function seedMeetingWorld(f: FeatureApp): Promise<MeetingWorld> {
  const committeeId = await created(f, '/committees', { name: 'Scrutiny Task & Finish Group', kind: 'task-and-finish' });
  const meetingId = await created(f, '/meetings', {
    committeeId,
    startsAt: '2017-01-16T18:00:00Z',
    title: 'Recruitment & Retention of Social Workers',
  });
  const laterMeetingId = await created(f, '/meetings', { committeeId, startsAt: '2017-02-20T18:00:00Z' });
  await created(f, `/meetings/${meetingId}/items`, { number: '03', title: 'Draft Task & Finish Group Report Part 1', paperRef: 'Ref: 7' });
  const resolutionId = await created(f, `/meetings/${meetingId}/resolutions`, {
    itemNumber: '03',
    parts: [
      { label: '(i)', text: 'That the Report (Ref: 7) be noted.', kind: 'noted' },
      {
        label: '(ii)',
        text: 'That the Project Manager, Transformation & Technology be instructed to collate final metrics for Vacancy, Turnover and Agency Rates',
        kind: 'instructed',
      },
    ],
  });
  const postId = await created(f, '/posts', { title: 'Project Manager, Transformation & Technology', department: 'Transformation' });
  const otherPostId = await created(f, '/posts', { title: 'Corporate Director, People' });
  const personId = await created(f, '/people', { name: 'Tony Fitzgerald' });
  await created(f, `/posts/${postId}/holder`, { personId });
  return { committeeId, meetingId, laterMeetingId, resolutionId, postId, otherPostId, personId };
}

export async function assignAction(f: FeatureApp, w: MeetingWorld, extra: object = {}): Promise<string> {
  return created(f, '/actions', {
    resolutionId: w.resolutionId,
    partLabel: '(ii)',
    title: 'Collate final metrics for Vacancy, Turnover and Agency Rates',
    ownerPostId: w.postId,
    dueDate: '2017-02-15',
    ...extra,
  });
}
