import { createServer, type Server } from 'node:http';
import request from 'supertest';
import { consoleMiddleware, type AuditSearch, type ConsoleGateway } from '../src/index.js';
import { stubGateway } from './support/stub-gateway.js';

const ENTRY = {
  globalPosition: 7,
  streamId: 'action-a-1',
  streamVersion: 3,
  type: 'ActionCompleted',
  occurredAt: '2017-02-20T18:00:00.000Z',
  recordedAt: '2017-02-21T09:15:00.000Z',
  actor: { id: 'p-1', name: 'Tony Fitzgerald' },
  correlationId: 'corr-42',
};

function serve(gateway: Partial<ConsoleGateway>): Server {
  const stub = stubGateway({
    grantableRoles: ['officer', 'monitoring'],
    searchAudit: async () => ({ kind: 'ok', value: { events: [ENTRY], nextAfter: null } }),
    streamEntries: async () => ({ kind: 'ok', value: { streamId: 'action-a-1', version: 3, events: [ENTRY] } }),
    mayVerify: async () => ({ kind: 'ok', value: true }),
    verifyLog: async () => ({ kind: 'ok', value: { ok: true, checkedEvents: 12, checkedStreams: 4 } }),
    ...gateway,
  });
  const middleware = consoleMiddleware({
    gateway: stub,
    production: false,
    isAppPath: (path) => path.startsWith('/api/'),
    requestIds: () => ({ correlationId: 'c-1', requestId: 'r-1' }),
  });
  return createServer((req, res) => middleware(req, res, () => res.end()));
}

async function signedIn(server: Server) {
  const agent = request.agent(server).set('Accept', 'text/html');
  const page = await agent.get('/sign-in');
  const csrf = /name="_csrf" value="([^"]+)"/.exec(page.text)?.[1] ?? '';
  await agent.post('/sign-in').type('form').send({ _csrf: csrf, personId: 'p-1', roles: 'monitoring' });
  return agent;
}

const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');

describe('the audit pages', () => {
  it('reads the date and time inputs as UK time, in summer too, and passes the filters to the gateway', async () => {
    const searches: AuditSearch[] = [];
    const agent = await signedIn(
      serve({
        searchAudit: async (_caller, search) => {
          searches.push(search);
          return { kind: 'ok', value: { events: [], nextAfter: null } };
        },
      }),
    );
    const res = await agent.get('/audit').query({
      actor: 'p-1',
      stream: 'a-1',
      type: 'ActionCompleted',
      fromDay: '1',
      fromMonth: '7',
      fromYear: '2017',
      fromTime: '2:30pm',
      toDay: '2',
      toMonth: '1',
      toYear: '2018',
      toTime: '',
    });
    expect(res.status).toBe(200);
    expect(searches).toEqual([
      { actorId: 'p-1', stream: 'a-1', type: 'ActionCompleted', from: '2017-07-01T13:30:00.000Z', to: '2018-01-02T00:00:00.000Z' },
    ]);
  });

  it('shows who, what, both clocks and the correlation id, and a next-page link keeping the filters', async () => {
    const agent = await signedIn(serve({ searchAudit: async () => ({ kind: 'ok', value: { events: [ENTRY], nextAfter: 7 } }) }));
    const res = await agent.get('/audit').query({ type: 'ActionCompleted' });
    const seen = text(res.text);
    expect(seen).toContain('Tony Fitzgerald Action completed action-a-1 (version 3)');
    expect(seen).toContain('20 February 2017 at 6:00pm 21 February 2017 at 9:15am corr-42');
    expect(res.text).toContain('href="/audit?type=ActionCompleted&amp;after=7"');
  });

  it('refuses "to" before "from" with the error summary', async () => {
    const agent = await signedIn(serve({}));
    const res = await agent
      .get('/audit')
      .query({ fromDay: '2', fromMonth: '2', fromYear: '2017', toDay: '1', toMonth: '2', toYear: '2017' });
    expect(res.status).toBe(400);
    expect(text(res.text)).toContain('Recorded before must be after recorded from');
  });

  it('shows the record as the gateway folded it at the instant asked for', async () => {
    const asked: string[] = [];
    const agent = await signedIn(
      serve({
        recordAsOf: async (_caller, streamId, asOf) => {
          asked.push(`${streamId} ${asOf}`);
          return {
            kind: 'ok',
            value: { exists: true, streamId, asOf, version: 2, fields: [{ name: 'status', value: 'completed' }] },
          };
        },
      }),
    );
    const res = await agent.get('/audit/streams/a-1').query({ asOfDay: '20', asOfMonth: '2', asOfYear: '2017', asOfTime: '18:30:05' });
    expect(res.status).toBe(200);
    expect(asked).toEqual(['action-a-1 2017-02-20T18:30:05.000Z']);
    expect(text(res.text)).toContain('As it stood at 20 February 2017 at 6:30pm');
    expect(text(res.text)).toContain('status completed');
  });

  it('answers the 403 page when the gateway refuses, for the verify form and its result', async () => {
    const agent = await signedIn(serve({ mayVerify: async () => ({ kind: 'forbidden', detail: 'Only monitoring, admin may do this' }) }));
    for (const path of ['/audit/verify', '/audit/verify/result']) {
      const res = await agent.get(path);
      expect(res.status).toBe(403);
      expect(text(res.text)).toContain('Only monitoring, admin may do this');
    }
  });

  it('verifies on the form and redirects (303) to the result, shown to that session', async () => {
    const agent = await signedIn(serve({}));
    const form = await agent.get('/audit/verify');
    const csrf = /name="_csrf" value="([^"]+)"/.exec(form.text)?.[1] ?? '';
    const res = await agent.post('/audit/verify').type('form').send({ _csrf: csrf });
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/audit/verify/result');
    const result = await agent.get('/audit/verify/result');
    expect(text(result.text)).toContain('The audit log is intact');
    expect(text(result.text)).toContain('Events checked 12');
  });
  it('names the streams to choose from when records of several kinds share the id', async () => {
    const agent = await signedIn(serve({ streamEntries: async () => ({ kind: 'ambiguous', streams: ['action-x', 'meeting-x'] }) }));
    const res = await agent.get('/audit/streams/x');
    expect(res.status).toBe(409);
    expect(text(res.text)).toContain('Records of several kinds have this id');
    expect(text(res.text)).toContain('Choose one: action-x, meeting-x.');
  });

  it('puts a refused stream filter on the form as an inline error', async () => {
    const agent = await signedIn(
      serve({
        searchAudit: async () => ({ kind: 'invalid', errors: [{ field: 'stream', message: 'Records of several kinds have this id' }] }),
      }),
    );
    const res = await agent.get('/audit').query({ stream: 'x' });
    expect(res.status).toBe(400);
    expect(res.text).toContain('href="#stream"');
    expect(res.text).toMatch(/id="stream-error"[\s\S]*Records of several kinds have this id/);
  });
});
