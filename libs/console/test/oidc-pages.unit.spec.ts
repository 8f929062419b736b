import { createServer, type Server } from 'node:http';
import request from 'supertest';
import { consoleMiddleware, SignInRefusedError, type ConsolePerson, type OidcSignIn, type PendingSignIn } from '../src/index.js';
import { stubGateway } from './support/stub-gateway.js';

const PROVIDER = 'https://login.example';
const OLIVIA: ConsolePerson = { id: 'p-olivia', name: 'Olivia Okafor', roles: ['officer'] };

interface Stub {
  finish?: OidcSignIn['finish'];
  endSessionUrl?: OidcSignIn['endSessionUrl'];
  person?: ConsolePerson | undefined;
}

/** The console over a stub provider: the callback's `code` is accepted when its state is the pending one. */
function serve(stub: Stub = {}, production = true): Server {
  const oidc: OidcSignIn = {
    providerOrigin: PROVIDER,
    start: async (returnTo) => {
      const pending: PendingSignIn = { state: `state-${returnTo}`, nonce: 'n', codeVerifier: 'v', returnTo };
      return { url: `${PROVIDER}/authorize?state=${encodeURIComponent(pending.state)}`, pending };
    },
    finish:
      stub.finish ??
      (async (url, pending) => {
        if (url.searchParams.get('state') !== pending.state) throw new SignInRefusedError('state mismatch');
        return { claims: { sub: 'subject-olivia' }, idToken: 'id.token.olivia' };
      }),
    endSessionUrl: stub.endSessionUrl ?? (async (idToken) => `${PROVIDER}/logout?id_token_hint=${idToken}`),
  };
  const gateway = stubGateway({ personSignedIn: async () => ('person' in stub ? stub.person : OLIVIA) });
  const middleware = consoleMiddleware({
    gateway,
    production,
    oidc,
    isAppPath: (path) => path.startsWith('/api/'),
    requestIds: () => ({ correlationId: 'c-1', requestId: 'r-1' }),
  });
  return createServer((req, res) =>
    middleware(req, res, () => {
      res.statusCode = 418;
      res.end();
    }),
  );
}

const cookieOf = (res: request.Response) => String(res.headers['set-cookie'] ?? '').split(';')[0] ?? '';

/** Starts a sign-in; answers the session cookie and the state the provider was sent. */
async function startSignIn(server: Server, returnTo = '/') {
  const res = await request(server)
    .get(`/sign-in?returnTo=${encodeURIComponent(returnTo)}`)
    .set('Accept', 'text/html');
  return { res, cookie: cookieOf(res), state: new URL(res.headers.location as string).searchParams.get('state') ?? '' };
}

describe('the console with OpenID Connect sign-in', () => {
  it('sends /sign-in to the provider with a new session, and refuses the development sign-in form (404)', async () => {
    const server = serve();
    const { res, cookie } = await startSignIn(server, '/actions/x');
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe(`${PROVIDER}/authorize?state=state-%2Factions%2Fx`);
    expect(cookie).toMatch(/^actiontrail_session=/);
    expect(String(res.headers['set-cookie'])).toContain('; Secure');
    expect((await request(server).post('/sign-in').type('form').send({ personId: 'p-1', roles: 'officer' })).status).toBe(404);
  });

  it('uses the provider outside production too, when it is configured', async () => {
    const { res } = await startSignIn(serve({}, false));
    expect(res.headers.location).toMatch(new RegExp(`^${PROVIDER}/authorize`));
  });

  it('signs in as the person the gateway names, in a new session, and returns to the page asked for', async () => {
    const server = serve();
    const { cookie, state } = await startSignIn(server, '/my-actions');
    const back = await request(server).get(`/sign-in/callback?code=c&state=${state}`).set('Cookie', cookie).set('Accept', 'text/html');
    expect(back.status).toBe(303);
    expect(back.headers.location).toBe('/my-actions');
    const signedIn = cookieOf(back);
    expect(signedIn).not.toBe(cookie);
    const home = await request(server).get('/').set('Cookie', signedIn).set('Accept', 'text/html');
    expect(home.status).toBe(200);
    expect(home.text).toContain('Olivia Okafor');
    expect((await request(server).get('/').set('Cookie', cookie).set('Accept', 'text/html')).status).toBe(303);
  });

  it('refuses (400, "Sign-in did not complete") a callback with another state, one without a started sign-in, and a second use', async () => {
    const server = serve();
    const { cookie, state } = await startSignIn(server);
    const forged = await request(server).get('/sign-in/callback?code=c&state=forged').set('Cookie', cookie).set('Accept', 'text/html');
    expect(forged.status).toBe(400);
    expect(forged.text).toContain('Sign-in did not complete');
    // The forged answer used up the pending sign-in: the genuine one is refused too and must start again.
    const late = await request(server).get(`/sign-in/callback?code=c&state=${state}`).set('Cookie', cookie).set('Accept', 'text/html');
    expect(late.status).toBe(400);
    const none = await request(server).get(`/sign-in/callback?code=c&state=${state}`).set('Accept', 'text/html');
    expect(none.status).toBe(400);
    expect(none.text).toContain('Sign in again');
  });

  it('answers 403 "You do not have an account" when nobody in the directory has the identity, and signs nobody in', async () => {
    const server = serve({ person: undefined });
    const { cookie, state } = await startSignIn(server);
    const res = await request(server).get(`/sign-in/callback?code=c&state=${state}`).set('Cookie', cookie).set('Accept', 'text/html');
    expect(res.status).toBe(403);
    expect(res.text).toContain('You do not have an account');
    expect(res.text).toContain('<title>You do not have an account – Actiontrail</title>');
    expect((await request(server).get('/').set('Cookie', cookie).set('Accept', 'text/html')).status).toBe(303);
  });

  it("signs out: ends the session and sends the browser to the provider's end of session with the ID token as hint", async () => {
    const server = serve();
    const { cookie, state } = await startSignIn(server);
    const signedIn = cookieOf(await request(server).get(`/sign-in/callback?code=c&state=${state}`).set('Cookie', cookie));
    const home = await request(server).get('/').set('Cookie', signedIn).set('Accept', 'text/html');
    expect(home.headers['content-security-policy']).toContain(`form-action 'self' ${PROVIDER}`);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(home.text)?.[1] ?? '';
    const out = await request(server).post('/sign-out').set('Cookie', signedIn).type('form').send({ _csrf: csrf });
    expect(out.status).toBe(303);
    expect(out.headers.location).toBe(`${PROVIDER}/logout?id_token_hint=id.token.olivia`);
    expect((await request(server).get('/').set('Cookie', signedIn).set('Accept', 'text/html')).status).toBe(303);
  });

  it('signs out locally to /signed-out when the provider has no end of session or cannot be reached', async () => {
    for (const endSessionUrl of [async () => undefined, () => Promise.reject(new Error('unreachable'))]) {
      const server = serve({ endSessionUrl });
      const { cookie, state } = await startSignIn(server);
      const signedIn = cookieOf(await request(server).get(`/sign-in/callback?code=c&state=${state}`).set('Cookie', cookie));
      const home = await request(server).get('/').set('Cookie', signedIn).set('Accept', 'text/html');
      const csrf = /name="_csrf" value="([^"]+)"/.exec(home.text)?.[1] ?? '';
      const out = await request(server).post('/sign-out').set('Cookie', signedIn).type('form').send({ _csrf: csrf });
      expect(out.headers.location).toBe('/signed-out');
    }
    const page = await request(serve()).get('/signed-out').set('Accept', 'text/html');
    expect(page.status).toBe(200);
    expect(page.text).toContain('You have signed out');
  });
});
