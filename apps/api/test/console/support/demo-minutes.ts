import { staffBearer } from '../../support/auth.js';
import type { FeatureApp } from '../../features/support/feature-app.js';
import { seedConsoleWorld, waitForReadModels, type ConsoleWorld } from './console-world.js';

export interface DemoMinutesWorld extends ConsoleWorld {
  /** Farah Ismail, Senior Consultation Officer: an officer who does not hold the Project Manager post. */
  consultationOfficerId: string;
  /** Item 02's action, owned by her post: submit the final consultation report to the February meeting. */
  consultationActionId: string;
}

async function created(f: FeatureApp, path: string, body: object): Promise<{ id: string; position: number }> {
  const res = await f.http().post(`/api/v1${path}`).set(staffBearer()).send(body);
  if (res.status !== 201 && res.status !== 200) throw new Error(`${path} answered ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body as { id: string; position: number };
}

/** The read models' wait answers 503 after 5 s; a busy machine (the journeys run beside others) may need longer. */
async function caughtUp(f: FeatureApp, position: number, tries = 6): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await waitForReadModels(f, position);
    } catch (error) {
      if (attempt >= tries) throw error;
    }
  }
}

/**
 * The 16 January 2017 minutes over HTTP, as far as the officers' journeys need them: item 03's metrics action for the
 * Project Manager (console-world), and item 02's action for the Senior Consultation Officer, each post held.
 */
export async function seedDemoMinutes(f: FeatureApp): Promise<DemoMinutesWorld> {
  const w = await seedConsoleWorld(f);
  await created(f, `/meetings/${w.meetingId}/items`, { number: '02', title: 'Consultation Summary', paperRef: 'Ref: 4.1' });
  const resolution = await created(f, `/meetings/${w.meetingId}/resolutions`, {
    itemNumber: '02',
    parts: [{ label: '(i)', text: 'That the Report (Ref: 4.1) be noted.', kind: 'noted' }],
  });
  const post = await created(f, '/posts', { title: 'Senior Consultation Officer', department: 'Transformation' });
  const person = await created(f, '/people', { name: 'Farah Ismail' });
  await created(f, `/posts/${post.id}/holder`, { personId: person.id });
  const action = await created(f, '/actions', {
    resolutionId: resolution.id,
    title: 'Submit the final consultation report to the February meeting',
    ownerPostId: post.id,
    dueDate: '2017-02-20',
  });
  await caughtUp(f, action.position);
  return { ...w, consultationOfficerId: person.id, consultationActionId: action.id };
}
