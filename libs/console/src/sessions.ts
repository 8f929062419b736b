import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { ConsolePerson } from './console-gateway.js';
import type { PendingSignIn } from './sign-in/oidc-sign-in.js';

export const IDLE_TIMEOUT_MS = 30 * 60_000;
export const ABSOLUTE_TIMEOUT_MS = 12 * 60 * 60_000;
export const SESSION_COOKIE = 'actiontrail_session';

export interface Session {
  readonly id: string;
  /** The synchronizer token every form carries back. */
  readonly csrfToken: string;
  readonly issuedAt: number;
  lastSeenAt: number;
  person: ConsolePerson | undefined;
  /** A confirmation shown once, on the page a command redirects to. */
  flash?: string | undefined;
  /** A new calendar feed address, held in memory only until the page it redirects to shows it (once). */
  calendarFeedAddress?: { readonly url: string; readonly webcalUrl: string } | undefined;
  /** The OpenID Connect sign-in this browser started and has not finished. */
  pendingSignIn?: PendingSignIn | undefined;
  /** The provider's ID token, the hint for ending its session at sign-out. */
  idToken?: string | undefined;
}

/**
 * Sessions kept in this process's memory: a restart signs everyone out, and several api processes would each
 * hold their own. The cookie carries only the session id with an HMAC, so a forged id is refused before lookup.
 */
export class SessionStore {
  private readonly sessions = new Map<string, Session>();
  private readonly key = randomBytes(32);

  constructor(private readonly now: () => number = Date.now) {}

  create(person?: ConsolePerson): Session {
    this.sweep();
    const at = this.now();
    const session: Session = {
      id: randomBytes(24).toString('base64url'),
      csrfToken: randomBytes(24).toString('base64url'),
      issuedAt: at,
      lastSeenAt: at,
      person,
    };
    this.sessions.set(session.id, session);
    return session;
  }

  /** The live session the cookie names, touched; undefined when unsigned, unknown or timed out (and then forgotten). */
  find(cookieValue: string | undefined): Session | undefined {
    const id = cookieValue === undefined ? undefined : this.verify(cookieValue);
    const session = id === undefined ? undefined : this.sessions.get(id);
    if (!session) return undefined;
    const at = this.now();
    if (at - session.lastSeenAt > IDLE_TIMEOUT_MS || at - session.issuedAt > ABSOLUTE_TIMEOUT_MS) {
      this.sessions.delete(session.id);
      return undefined;
    }
    session.lastSeenAt = at;
    return session;
  }

  end(session: Session): void {
    this.sessions.delete(session.id);
  }

  cookieValueOf(session: Session): string {
    return `${session.id}.${this.sign(session.id)}`;
  }

  private verify(value: string): string | undefined {
    const [id, signature, extra] = value.split('.');
    if (!id || !signature || extra !== undefined) return undefined;
    const expected = Buffer.from(this.sign(id));
    const given = Buffer.from(signature);
    return expected.length === given.length && timingSafeEqual(expected, given) ? id : undefined;
  }

  private sign(id: string): string {
    return createHmac('sha256', this.key).update(id).digest('base64url');
  }

  private sweep(): void {
    const at = this.now();
    for (const [id, s] of this.sessions) {
      if (at - s.lastSeenAt > IDLE_TIMEOUT_MS || at - s.issuedAt > ABSOLUTE_TIMEOUT_MS) this.sessions.delete(id);
    }
  }
}

/** The Set-Cookie value: HttpOnly and SameSite=Lax always, Secure in production; `expire` clears it. */
export function sessionCookie(value: string, production: boolean, expire = false): string {
  return `${SESSION_COOKIE}=${value}; Path=/; HttpOnly; SameSite=Lax${production ? '; Secure' : ''}${expire ? '; Max-Age=0' : ''}`;
}
