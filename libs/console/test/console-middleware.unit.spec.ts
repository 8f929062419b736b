import { createServer, type Server } from 'node:http';
import request from 'supertest';
import { consoleMiddleware, type ConsoleGateway } from '../src/index.js';
import { stubGateway } from './support/stub-gateway.js';

/** The console alone over a stub gateway, the way an app mounts it; what it leaves to the app answers 418. */
function serve(gateway: Partial<ConsoleGateway>, options: { production?: boolean; errors?: unknown[] } = {}): Server {
  const stub = stubGateway(gateway);
  const middleware = consoleMiddleware({
    gateway: stub,
    production: options.production ?? false,
    isAppPath: (path) => path.startsWith('/api/'),
    requestIds: () => ({ correlationId: 'c-1', requestId: 'r-1' }),
    onError: (error) => options.errors?.push(error),
  });
  return createServer((req, res) =>
    middleware(req, res, () => {
      res.statusCode = 418;
      res.end();
    }),
  );
}

async function signedIn(server: Server) {
  const agent = request.agent(server).set('Accept', 'text/html');
  const page = await agent.get('/sign-in');
  const csrf = /name="_csrf" value="([^"]+)"/.exec(page.text)?.[1] ?? '';
  await agent.post('/sign-in').type('form').send({ _csrf: csrf, personId: 'p-1', roles: 'officer' });
  return agent;
}

describe('the console middleware', () => {
  it('refuses the development sign-in with 404 in production, for GET and POST alike', async () => {
    const server = serve({}, { production: true });
    const page = await request(server).get('/sign-in').set('Accept', 'text/html');
    expect(page.status).toBe(404);
    expect(page.text).toContain('Page not found');
    expect(page.headers['set-cookie']).toBeUndefined();
    expect((await request(server).post('/sign-in').type('form').send({ personId: 'p-1', roles: 'officer' })).status).toBe(404);
  });

  it('answers a fault with "Sorry, there is a problem with the service", never its message or stack, and reports it', async () => {
    const errors: unknown[] = [];
    const server = serve({ myQueue: () => Promise.reject(new Error('secret internals')) }, { errors });
    const res = await (await signedIn(server)).get('/');
    expect(res.status).toBe(500);
    expect(res.text).toContain('Sorry, there is a problem with the service');
    expect(res.text).not.toMatch(/secret internals|at .*\.ts/);
    expect(errors).toHaveLength(1);
  });

  it('leaves the paths the app claims, and non-HTML requests for unknown paths, to the app', async () => {
    const server = serve({});
    expect((await request(server).get('/api/v1/anything').set('Accept', 'text/html')).status).toBe(418);
    expect((await request(server).get('/nowhere').set('Accept', 'application/json')).status).toBe(418);
    expect((await request(server).get('/nowhere').set('Accept', 'text/html')).status).toBe(404);
  });

  it('refuses a form body over 64 KiB without reading on', async () => {
    const agent = await signedIn(serve({}));
    const res = await agent
      .post('/sign-in')
      .type('form')
      .send({ note: 'x'.repeat(70 * 1024) });
    expect(res.status).toBe(413);
    expect(res.text).toContain('What you sent was too long');
  });

  it('escapes what people typed and what the records hold', async () => {
    const server = serve({ directory: async () => [{ personId: 'p-1', name: '<script>alert(1)</script>', posts: [] }] });
    const page = await request(server).get('/sign-in').set('Accept', 'text/html');
    expect(page.text).not.toContain('<script>alert(1)</script>');
    expect(page.text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });
});
