import { createServer, type Server } from 'node:http';
import request from 'supertest';
import { consoleMiddleware, type ActionPage, type ConsoleGateway, type DueChange } from '../src/index.js';
import { stubGateway } from './support/stub-gateway.js';

const ACTION_ID = '5fe55f66-2d69-414d-bb3b-1c7ac86c1c85';
const MEETING_ID = '0b7b1c3d-2f49-4c2e-9a55-8d1b6a0e9e10';

const ACTION: ActionPage = {
  actionId: ACTION_ID,
  ref: 'A1',
  title: 'Collate final metrics',
  status: 'open',
  committee: 'Scrutiny Task & Finish Group',
  ownerPost: 'Project Manager',
  dueOn: '2017-02-15',
  overdue: true,
  origin: {},
  updates: [],
  chases: [],
  history: [],
  version: 3,
  mayReport: false,
};

function serve(gateway: Partial<ConsoleGateway>): Server {
  const middleware = consoleMiddleware({
    gateway: stubGateway(gateway),
    production: false,
    isAppPath: () => false,
    requestIds: () => ({ correlationId: 'c-1', requestId: 'r-1' }),
  });
  return createServer((req, res) => middleware(req, res, () => res.end()));
}

const tokenOf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';

async function signedIn(server: Server) {
  const agent = request.agent(server).set('Accept', 'text/html');
  const page = await agent.get('/sign-in');
  await agent
    .post('/sign-in')
    .type('form')
    .send({ _csrf: tokenOf(page.text), personId: 'p-1', roles: 'officer' });
  return agent;
}

async function sendDueForm(server: Server, fields: Record<string, string>) {
  const agent = await signedIn(server);
  const form = await agent.get(`/actions/${ACTION_ID}/due-date`);
  return agent
    .post(`/actions/${ACTION_ID}/due-date`)
    .type('form')
    .send({ _csrf: tokenOf(form.text), version: '3', reason: 'Slipped', ...fields });
}

describe('the change of due date form', () => {
  let sent: DueChange[];
  let server: Server;

  beforeEach(() => {
    sent = [];
    server = serve({
      action: async () => ({ kind: 'ok', value: ACTION }),
      mayManageActions: async () => true,
      dueMeetingOptions: async () => ({ kind: 'ok', value: [{ meetingId: MEETING_ID, date: '2017-02-20' }] }),
      changeActionDue: async (_caller, _id, change) => {
        sent.push(change);
        return { kind: 'done', version: 4 };
      },
    });
  });

  it('sends the date typed as an ISO calendar date, its day and month padded', async () => {
    const res = await sendDueForm(server, { dueDay: '5', dueMonth: '3', dueYear: '2017', dueMeetingId: '' });
    expect(res.status).toBe(303);
    expect(sent).toEqual([{ reason: 'Slipped', dueDate: '2017-03-05', dueMeetingId: undefined }]);
  });

  it('sends the meeting chosen without a date', async () => {
    const res = await sendDueForm(server, { dueDay: '', dueMonth: '', dueYear: '', dueMeetingId: MEETING_ID });
    expect(res.status).toBe(303);
    expect(sent).toEqual([{ reason: 'Slipped', dueDate: undefined, dueMeetingId: MEETING_ID }]);
  });

  it.each([
    [{ dueDay: '29', dueMonth: '2', dueYear: '2017' }, 'Due date must be a real date'],
    [{ dueDay: '1', dueMonth: '13', dueYear: '2017' }, 'Due date must be a real date'],
    [{ dueDay: '1', dueMonth: '3', dueYear: '17' }, 'Due date must be a real date'],
    [{ dueDay: '', dueMonth: '3', dueYear: '' }, 'Due date must include a day and year'],
    [{ dueDay: '', dueMonth: '', dueYear: '', dueMeetingId: 'not-a-meeting' }, 'Select a meeting from the list'],
  ])('refuses %j with "%s" and sends nothing', async (fields, message) => {
    const res = await sendDueForm(server, fields);
    expect(res.status).toBe(400);
    expect(res.text).toContain(`>${message}</a>`);
    expect(sent).toEqual([]);
  });

  it('refuses the form to whoever the routes do not allow, and sends nothing', async () => {
    server = serve({ action: async () => ({ kind: 'ok', value: ACTION }), mayManageActions: async () => false });
    const agent = await signedIn(server);
    const res = await agent.get(`/actions/${ACTION_ID}/due-date`);
    expect(res.status).toBe(403);
    expect(res.text).toContain('You cannot change the due date of this action');
  });
});
