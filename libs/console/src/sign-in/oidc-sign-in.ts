import * as client from 'openid-client';

/** What the browser's session keeps between sending the person to the provider and their return. */
export interface PendingSignIn {
  readonly state: string;
  readonly nonce: string;
  readonly codeVerifier: string;
  readonly returnTo: string;
}

/** The ID token's claims and the token itself (the hint for ending the provider's session). */
export interface SignedInIdentity {
  readonly claims: Readonly<Record<string, unknown>>;
  readonly idToken: string;
}

/** The provider refused, or the callback does not belong to the sign-in this session started. */
export class SignInRefusedError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'SignInRefusedError';
  }
}

/** The console's OpenID Connect client: authorization code with PKCE, state and nonce. */
export interface OidcSignIn {
  /** The provider's origin, where the sign-out form may be redirected. */
  readonly providerOrigin: string;
  start(returnTo: string): Promise<{ readonly url: string; readonly pending: PendingSignIn }>;
  /** Redeems the code of the callback URL; throws SignInRefusedError when it is not the answer to `pending`. */
  finish(callbackUrl: URL, pending: PendingSignIn): Promise<SignedInIdentity>;
  /** Where to end the provider's session too, when it has an end_session_endpoint. */
  endSessionUrl(idToken: string | undefined): Promise<string | undefined>;
}

export interface OidcSignInSettings {
  readonly issuer: string;
  readonly clientId: string;
  readonly clientSecret: string | undefined;
  /** The console's origin: the provider returns to `/sign-in/callback` and, after signing out, to `/signed-out`. */
  readonly publicBaseUrl: string;
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);
export const CALLBACK_PATH = '/sign-in/callback';
export const SIGNED_OUT_PATH = '/signed-out';
const SCOPE = 'openid profile';

/** Discovers the provider on first use (and again after a failed discovery), so start-up does not wait on it. */
export function openIdConnectSignIn(settings: OidcSignInSettings): OidcSignIn {
  const redirectUri = new URL(CALLBACK_PATH, settings.publicBaseUrl).href;
  const postLogoutRedirectUri = new URL(SIGNED_OUT_PATH, settings.publicBaseUrl).href;
  let discovered: Promise<client.Configuration> | undefined;
  const configuration = (): Promise<client.Configuration> => {
    discovered ??= discover(settings).catch((error: unknown) => {
      discovered = undefined;
      throw error;
    });
    return discovered;
  };
  return {
    providerOrigin: new URL(settings.issuer).origin,
    async start(returnTo) {
      const config = await configuration();
      const pending: PendingSignIn = {
        state: client.randomState(),
        nonce: client.randomNonce(),
        codeVerifier: client.randomPKCECodeVerifier(),
        returnTo,
      };
      const url = client.buildAuthorizationUrl(config, {
        redirect_uri: redirectUri,
        scope: SCOPE,
        state: pending.state,
        nonce: pending.nonce,
        code_challenge: await client.calculatePKCECodeChallenge(pending.codeVerifier),
        code_challenge_method: 'S256',
      });
      return { url: url.href, pending };
    },
    async finish(callbackUrl, pending) {
      const config = await configuration();
      // openid-client compares the redirect_uri it is given with the one the code was issued for: the public one.
      const current = new URL(CALLBACK_PATH, settings.publicBaseUrl);
      current.search = callbackUrl.search;
      let tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>;
      try {
        tokens = await client.authorizationCodeGrant(config, current, {
          pkceCodeVerifier: pending.codeVerifier,
          expectedState: pending.state,
          expectedNonce: pending.nonce,
          idTokenExpected: true,
        });
      } catch (error) {
        if (isProtocolRefusal(error))
          throw new SignInRefusedError(error instanceof Error ? error.message : String(error), { cause: error });
        throw error;
      }
      const claims = tokens.claims();
      if (!claims || !tokens.id_token) throw new SignInRefusedError('the provider returned no ID token');
      return { claims, idToken: tokens.id_token };
    },
    async endSessionUrl(idToken) {
      const config = await configuration();
      const endpoint = config.serverMetadata().end_session_endpoint;
      // Only on the provider's own origin: the page's Content-Security-Policy lets the sign-out form go nowhere else.
      if (!endpoint || new URL(endpoint).origin !== this.providerOrigin) return undefined;
      return client.buildEndSessionUrl(config, {
        post_logout_redirect_uri: postLogoutRedirectUri,
        client_id: settings.clientId,
        ...(idToken ? { id_token_hint: idToken } : {}),
      }).href;
    },
  };
}

async function discover(settings: OidcSignInSettings): Promise<client.Configuration> {
  const issuer = new URL(settings.issuer);
  const insecure = issuer.protocol === 'http:' && LOOPBACK_HOSTS.has(issuer.hostname);
  return client.discovery(
    issuer,
    settings.clientId,
    undefined,
    settings.clientSecret ? client.ClientSecretBasic(settings.clientSecret) : client.None(),
    insecure ? { execute: [client.allowInsecureRequests] } : undefined,
  );
}

/** What the person's browser or the provider got wrong (a replayed or forged callback, an error answer), not a fault here. */
function isProtocolRefusal(error: unknown): boolean {
  if (error instanceof client.AuthorizationResponseError || error instanceof client.ResponseBodyError) return true;
  const code = (error as { code?: unknown }).code;
  return error instanceof client.ClientError && typeof code === 'string' && code.startsWith('OAUTH_');
}
