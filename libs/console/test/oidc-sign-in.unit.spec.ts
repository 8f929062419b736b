import { openIdConnectSignIn, SignInRefusedError, type OidcSignIn } from '../src/index.js';
import { startTestProvider, type TestProvider } from '../../../test/support/oidc-test-provider.js';

const PUBLIC_BASE_URL = 'http://localhost:3000';

describe('the OpenID Connect sign-in against a real provider on loopback', () => {
  let provider: TestProvider;
  let oidc: OidcSignIn;

  beforeAll(async () => {
    provider = await startTestProvider({ 'subject-olivia': { name: 'Olivia Okafor', roles: ['officer', 'Scrutiny'] } }, PUBLIC_BASE_URL);
    oidc = openIdConnectSignIn({
      issuer: provider.issuer,
      clientId: provider.clientId,
      clientSecret: provider.clientSecret,
      publicBaseUrl: PUBLIC_BASE_URL,
    });
    provider.signInAs('subject-olivia');
  });
  afterAll(() => provider.close());

  it('sends the browser to the provider with a PKCE challenge (S256), state, nonce and the public callback', async () => {
    const { url, pending } = await oidc.start('/actions');
    const params = new URL(url).searchParams;
    expect(url.startsWith(`${provider.issuer}/`)).toBe(true);
    expect(params.get('response_type')).toBe('code');
    expect(params.get('redirect_uri')).toBe(`${PUBLIC_BASE_URL}/sign-in/callback`);
    expect(params.get('code_challenge_method')).toBe('S256');
    expect(params.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(params.get('code_challenge')).not.toBe(pending.codeVerifier);
    expect(params.get('state')).toBe(pending.state);
    expect(params.get('nonce')).toBe(pending.nonce);
    expect(pending.returnTo).toBe('/actions');
  });

  it('redeems the code for an ID token with the subject, name and roles claims', async () => {
    const { url, pending } = await oidc.start('/');
    const callback = await provider.authorize(url);
    expect(callback.href.startsWith(`${PUBLIC_BASE_URL}/sign-in/callback?`)).toBe(true);
    const identity = await oidc.finish(callback, pending);
    expect(identity.claims).toMatchObject({ sub: 'subject-olivia', name: 'Olivia Okafor', roles: ['officer', 'Scrutiny'] });
    expect(identity.idToken.split('.')).toHaveLength(3);
  });

  it('refuses a callback whose state is not the one this sign-in sent, and a code redeemed twice', async () => {
    const { url, pending } = await oidc.start('/');
    const callback = await provider.authorize(url);
    const forged = new URL(callback);
    forged.searchParams.set('state', 'forged');
    await expect(oidc.finish(forged, pending)).rejects.toBeInstanceOf(SignInRefusedError);
    await oidc.finish(callback, pending);
    await expect(oidc.finish(callback, pending)).rejects.toBeInstanceOf(SignInRefusedError);
  });

  it('refuses a code redeemed with another sign-in’s PKCE verifier', async () => {
    const first = await oidc.start('/');
    const second = await oidc.start('/');
    const callback = await provider.authorize(first.url);
    await expect(oidc.finish(callback, { ...first.pending, codeVerifier: second.pending.codeVerifier })).rejects.toBeInstanceOf(
      SignInRefusedError,
    );
  });

  it("ends the provider's session at its end_session_endpoint, returning to /signed-out", async () => {
    const url = new URL((await oidc.endSessionUrl('an.id.token')) ?? '');
    expect(url.origin).toBe(provider.issuer);
    expect(url.searchParams.get('id_token_hint')).toBe('an.id.token');
    expect(url.searchParams.get('post_logout_redirect_uri')).toBe(`${PUBLIC_BASE_URL}/signed-out`);
    expect(oidc.providerOrigin).toBe(provider.issuer);
  });
});
