import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ConsolePerson } from '../console-gateway.js';
import type { Session } from '../sessions.js';
import type { SignInGateway } from './sign-in-gateway.js';
import { CALLBACK_PATH, SIGNED_OUT_PATH, SignInRefusedError, type OidcSignIn } from './oidc-sign-in.js';

/** The console's plumbing the sign-in pages use (ConsoleHandler provides it). */
export interface SignInPageKit<P extends SignInPage> {
  send(page: P, status: number, view: string, context: Record<string, unknown>): void;
  startSession(page: P): Session;
  /** Ends the page's session and starts a signed-in one (a new id, so one seen before sign-in never becomes signed in). */
  signedInSession(page: P, person: ConsolePerson): Session;
  safeReturnTo(value: string | null): string;
  redirect(res: ServerResponse, location: string): void;
}

export interface SignInPage {
  readonly req: IncomingMessage;
  readonly res: ServerResponse;
  readonly path: string;
  readonly query: URLSearchParams;
  session: Session | undefined;
}

/**
 * Sign-in with the organisation's OpenID Connect provider: `/sign-in` sends the browser there with a fresh state,
 * nonce and PKCE verifier kept in its session; `/sign-in/callback` redeems the code once, for that session only.
 */
export class OidcSignInPages<P extends SignInPage> {
  constructor(
    private readonly oidc: OidcSignIn,
    private readonly gateway: SignInGateway,
    private readonly kit: SignInPageKit<P>,
  ) {}

  /** Answers the GET routes of signing in; false for any other request. */
  async handle(page: P, method: string): Promise<boolean> {
    if (method !== 'GET' && method !== 'HEAD') return false;
    if (page.path === '/sign-in') await this.start(page);
    else if (page.path === CALLBACK_PATH) await this.callback(page);
    else if (page.path === SIGNED_OUT_PATH) this.signedOut(page);
    else return false;
    return true;
  }

  /** Where the browser goes after the local session has ended: the provider's end of session, when it has one. */
  async afterSignOut(idToken: string | undefined): Promise<string> {
    try {
      return (await this.oidc.endSessionUrl(idToken)) ?? SIGNED_OUT_PATH;
    } catch {
      // The local session has ended already; a provider out of reach must not turn that into an error page.
      return SIGNED_OUT_PATH;
    }
  }

  private async start(page: P): Promise<void> {
    const session = page.session ?? this.kit.startSession(page);
    const { url, pending } = await this.oidc.start(this.kit.safeReturnTo(page.query.get('returnTo')));
    session.pendingSignIn = pending;
    this.kit.redirect(page.res, url);
  }

  private async callback(page: P): Promise<void> {
    const pending = page.session?.pendingSignIn;
    // Used once: a second callback with the same code, or one from another browser, finds nothing to finish.
    if (page.session) page.session.pendingSignIn = undefined;
    if (!pending) return this.failed(page);
    let identity;
    try {
      identity = await this.oidc.finish(new URL(page.req.url ?? '/', 'http://console.invalid'), pending);
    } catch (error) {
      if (error instanceof SignInRefusedError) return this.failed(page);
      throw error;
    }
    const person = await this.gateway.personSignedIn(identity.claims);
    if (!person) {
      return this.kit.send(page, 403, 'error', {
        title: 'You do not have an account',
        lines: [
          'You signed in, but nobody in the Actiontrail directory has your identity.',
          'Ask the Actiontrail administrator to register you, then sign in again.',
        ],
      });
    }
    const session = this.kit.signedInSession(page, person);
    session.idToken = identity.idToken;
    this.kit.redirect(page.res, pending.returnTo);
  }

  private failed(page: P): void {
    this.kit.send(page, 400, 'error', {
      title: 'Sign-in did not complete',
      lines: ['The sign-in was interrupted, had expired, or was started in another browser.'],
      signInAgain: true,
      returnTo: '/',
    });
  }

  private signedOut(page: P): void {
    this.kit.send(page, 200, 'error', { title: 'You have signed out', lines: ['You have signed out of Actiontrail.'] });
  }
}
