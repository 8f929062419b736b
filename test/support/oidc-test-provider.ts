import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

export interface TestAccount {
  readonly name: string;
  readonly roles: readonly string[];
}

export interface TestProvider {
  readonly issuer: string;
  readonly clientId: string;
  readonly clientSecret: string;
  /** The account the next visit to the provider signs in as (no login form: the interaction is finished at once). */
  signInAs(accountId: string): void;
  /** Follows a browser through the provider from an authorization URL; answers where it is sent back to (the callback). */
  authorize(authorizationUrl: string): Promise<URL>;
  close(): Promise<void>;
}

/**
 * A real OpenID Provider on loopback: one confidential client that must use PKCE, ID tokens carrying `name`
 * and `roles`, and a login-and-consent interaction that signs in as the chosen account straight away.
 */
export async function startTestProvider(accounts: Readonly<Record<string, TestAccount>>, publicBaseUrl: string): Promise<TestProvider> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const clientId = 'actiontrail-console';
  const clientSecret = 'a-console-client-secret-for-tests-only';
  let accountId = '';
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [`${publicBaseUrl}/sign-in/callback`],
        post_logout_redirect_uris: [`${publicBaseUrl}/signed-out`],
        response_types: ['code'],
        grant_types: ['authorization_code'],
      },
    ],
    pkce: { required: () => true },
    claims: { openid: ['sub'], profile: ['name', 'roles'] },
    conformIdTokenClaims: false,
    cookies: { keys: ['a-cookie-key-for-the-test-provider'] },
    features: { devInteractions: { enabled: false } },
    ttl: { AccessToken: 600, AuthorizationCode: 60, Grant: 600, IdToken: 600, Interaction: 600, Session: 600 },
    findAccount: async (_ctx, id) => {
      const account = accounts[id];
      return account && { accountId: id, claims: async () => ({ sub: id, name: account.name, roles: [...account.roles] }) };
    },
  });
  provider.use(async (ctx, next) => {
    if (!ctx.path.startsWith('/interaction/')) return next();
    const details = await provider.interactionDetails(ctx.req, ctx.res);
    const grant = new provider.Grant({ accountId, clientId: String(details.params['client_id']) });
    grant.addOIDCScope(String(details.params['scope']));
    const grantId = await grant.save();
    ctx.respond = false;
    await provider.interactionFinished(
      ctx.req,
      ctx.res,
      { login: { accountId }, consent: { grantId } },
      { mergeWithLastSubmission: false },
    );
  });
  server.on('request', provider.callback());
  return {
    issuer,
    clientId,
    clientSecret,
    signInAs: (id) => {
      accountId = id;
    },
    authorize: async (authorizationUrl) => {
      const jar = new Map<string, string>();
      let location = new URL(authorizationUrl);
      for (let hop = 0; location.origin === issuer; hop++) {
        if (hop > 10) throw new Error('the provider redirected more than 10 times');
        const res = await fetch(location, { redirect: 'manual', headers: { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') } });
        for (const cookie of res.headers.getSetCookie()) {
          const pair = cookie.split(';')[0] ?? '';
          const eq = pair.indexOf('=');
          if (pair.slice(eq + 1) === '') jar.delete(pair.slice(0, eq));
          else jar.set(pair.slice(0, eq), pair.slice(eq + 1));
        }
        const next = res.headers.get('location');
        if (!next) throw new Error(`the provider answered ${res.status} at ${location.pathname}: ${(await res.text()).slice(0, 300)}`);
        location = new URL(next, location);
      }
      return location;
    },
    close: () => new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
