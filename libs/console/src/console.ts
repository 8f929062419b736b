import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ActionPage, CommandResult, ConsoleCaller, ConsoleGateway, FieldProblem } from './console-gateway.js';
import { accountPages } from './pages/account.js';
import { AuditPages } from './pages/audit.js';
import { figuresPages } from './pages/figures.js';
import { directoryPages } from './pages/directory.js';
import { escalationPages } from './pages/escalation.js';
import { recordingPages } from './pages/recording.js';
import { cursorOf, paginationOf } from './pagination.js';
import { scrutinyPages, type PageTools } from './pages/scrutiny.js';
import { scrutinyCyclePages } from './pages/scrutiny-cycle.js';
import { manageLinksFor, staffPages } from './pages/staff.js';
import { navigationFor } from './navigation.js';
import { createRenderer, RAG_TEXT, type Renderer } from './render.js';
import { SESSION_COOKIE, sessionCookie, SessionStore, type Session } from './sessions.js';
import { sendAsset } from './static-assets.js';
import { OidcSignInPages } from './sign-in/oidc-pages.js';
import type { OidcSignIn } from './sign-in/oidc-sign-in.js';

export interface ConsoleOptions {
  readonly gateway: ConsoleGateway;
  /** NODE_ENV=production: the development sign-in is refused and the session cookie is Secure. */
  readonly production: boolean;
  /** Paths the console leaves to the app (the API, health, metrics, docs). */
  readonly isAppPath: (path: string) => boolean;
  /** The request's correlation and request ids, put on the events its commands append. */
  readonly requestIds: (req: IncomingMessage) => { readonly correlationId: string; readonly requestId: string };
  /** Told of every fault a page hid behind "Sorry, there is a problem with the service". */
  readonly onError?: (error: unknown, req: IncomingMessage) => void;
  readonly now?: () => number;
  /** Sign-in with the OpenID Connect provider; without it, the development sign-in (refused in production). */
  readonly oidc?: OidcSignIn | undefined;
}

type Next = (error?: unknown) => void;
export type ConsoleMiddleware = (req: IncomingMessage, res: ServerResponse, next: Next) => void;

const FORM_BODY_LIMIT = 64 * 1024;
const TEXT_LIMIT = 4000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const VERSION = /^\d{1,9}$/;
const RETURN_TO = /^\/(?![/\\])[A-Za-z0-9\-._~/?=&%]{0,500}$/;

export interface Page {
  readonly req: IncomingMessage;
  readonly res: ServerResponse;
  readonly path: string;
  readonly query: URLSearchParams;
  readonly nonce: string;
  session: Session | undefined;
}

class FormTooLargeError extends Error {}

/**
 * The web console: GOV.UK pages over the ConsoleGateway, for every path the app does not claim. Connect-style
 * middleware (req, res, next) on node's own request and response, which the api runs through @fastify/middie, so
 * the library needs nothing but node and its templates.
 */
export function consoleMiddleware(options: ConsoleOptions): ConsoleMiddleware {
  const render = createRenderer();
  const sessions = new SessionStore(options.now);
  const handler = new ConsoleHandler(options, render, sessions);
  return (req, res, next) => {
    const url = new URL(req.url ?? '/', 'http://console.invalid');
    if (options.isAppPath(url.pathname)) return next();
    handler.handle(req, res, url).then(
      (handled) => {
        if (!handled) next();
      },
      (error: unknown) => handler.fail(error, req, res),
    );
  };
}

class ConsoleHandler {
  private readonly audit: AuditPages<Page>;
  private readonly oidcPages: OidcSignInPages<Page> | undefined;

  constructor(
    private readonly options: ConsoleOptions,
    private readonly render: Renderer,
    private readonly sessions: SessionStore,
  ) {
    this.audit = new AuditPages(options.gateway, this);
    this.oidcPages =
      options.oidc &&
      new OidcSignInPages<Page>(options.oidc, options.gateway, {
        send: (page, status, view, context) => this.send(page, status, view, context),
        startSession: (page) => this.startSession(page),
        signedInSession: (page, person) => {
          if (page.session) this.sessions.end(page.session);
          const session = this.sessions.create(person);
          page.session = session;
          this.setCookie(page.res, session);
          return session;
        },
        safeReturnTo,
        redirect,
      });
  }

  /** Answers the request, or says it is not the console's (a non-HTML request for an unknown path). */
  async handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> {
    const path = url.pathname;
    const method = req.method ?? 'GET';
    if (path.startsWith('/assets/')) {
      if ((method === 'GET' || method === 'HEAD') && sendAsset(path.slice('/assets/'.length), res, method === 'HEAD')) return true;
      return false;
    }
    const page: Page = {
      req,
      res,
      path,
      query: url.searchParams,
      nonce: randomBytes(16).toString('base64'),
      session: this.sessions.find(cookieOf(req, SESSION_COOKIE)),
    };
    if (this.oidcPages && (await this.oidcPages.handle(page, method))) return true;
    if (path === '/sign-in' && (this.options.production || this.oidcPages)) {
      this.notFound(page);
      return true;
    }
    const action = /^\/actions\/([^/]+)(?:\/(progress|complete))?$/.exec(path);
    if (method === 'GET' || method === 'HEAD') {
      if (path === '/' || path === '/my-actions') return this.signedIn(page, () => this.myActions(page));
      if (path === '/sign-in') {
        await this.signInPage(page);
        return true;
      }
      if (action) return this.signedIn(page, () => this.actionGet(page, action[1] ?? '', action[2]));
    } else if (method === 'POST') {
      if (path === '/sign-in') return this.withForm(page, (form) => this.signIn(page, form));
      if (path === '/sign-out') return this.withForm(page, () => this.signOut(page));
      if (action?.[2]) {
        const kind = action[2] as 'progress' | 'complete';
        return this.withForm(page, (form) => this.signedIn(page, () => this.actionPost(page, action[1] ?? '', kind, form)));
      }
    }
    if (await this.audit.handle(page, method, path)) return true;
    // Before the scrutiny pages: /committees/new would otherwise read as a committee's id.
    if (await recordingPages(this.options.gateway, this.toolsFor(page, method))) return true;
    if (await scrutinyPages(this.options.gateway, this.toolsFor(page, method))) return true;
    if (await escalationPages(this.options.gateway, this.toolsFor(page, method))) return true;
    if (await figuresPages(this.options.gateway, this.toolsFor(page, method))) return true;
    if (await staffPages(this.options.gateway, this.toolsFor(page, method))) return true;
    if (await directoryPages(this.options.gateway, this.toolsFor(page, method))) return true;
    if (await scrutinyCyclePages(this.options.gateway, this.toolsFor(page, method))) return true;
    if (await accountPages(this.options.gateway, this.toolsFor(page, method))) return true;
    if (!acceptsHtml(req)) return false;
    this.notFound(page);
    return true;
  }

  fail(error: unknown, req: IncomingMessage, res: ServerResponse): void {
    if (error instanceof FormTooLargeError) {
      this.errorPage(res, '', 413, 'Sorry, there is a problem with the service', ['What you sent was too long. Go back and shorten it.']);
      return;
    }
    this.options.onError?.(error, req);
    if (res.headersSent) {
      res.destroy();
      return;
    }
    this.errorPage(res, '', 500, 'Sorry, there is a problem with the service', ['Try again later.']);
  }

  // ---- pages -------------------------------------------------------------------------------------------------

  private async myActions(page: Page, caller = this.callerOf(page)): Promise<void> {
    const queue = await this.options.gateway.myQueue(caller, cursorOf(page.query));
    if (queue.kind !== 'ok') return this.refused(page, queue, 'see these actions');
    this.send(page, 200, 'my-actions', {
      title: 'My actions',
      activeNav: 'my-actions',
      queue: queue.value,
      pagination: paginationOf(page.path, page.query, queue.value.nextCursor),
    });
  }

  private async actionGet(page: Page, actionId: string, form: string | undefined): Promise<void> {
    if (!UUID.test(actionId)) return this.notFound(page);
    const found = await this.options.gateway.action(this.callerOf(page), actionId);
    if (found.kind !== 'ok') return this.refused(page, found, 'see this action');
    const action = found.value;
    if (form === undefined) {
      const flash = page.session?.flash;
      if (page.session) page.session.flash = undefined;
      const caller = this.callerOf(page);
      const [staff, manages, figures] = await Promise.all([
        this.options.gateway.mayChaseAndSignOff(caller),
        this.options.gateway.mayManageActions(caller),
        this.options.gateway.actionFigures(caller, actionId),
      ]);
      const manageLinks = manages ? manageLinksFor(action.status) : [];
      return this.send(page, 200, 'action', {
        title: `${action.ref}: ${action.title}`,
        action,
        flash,
        staff,
        manageLinks,
        figures: figures.kind === 'ok' ? figures.value : undefined,
      });
    }
    if (!action.mayReport) return this.forbidden(page, form === 'progress' ? 'report progress on this action' : 'complete this action');
    this.sendForm(page, 200, form === 'progress' ? 'progress' : 'complete', action, {});
  }

  private async actionPost(page: Page, actionId: string, kind: 'progress' | 'complete', form: URLSearchParams): Promise<void> {
    if (!UUID.test(actionId)) return this.notFound(page);
    const gateway = this.options.gateway;
    const caller = this.callerOf(page);
    const values: Record<string, string> =
      kind === 'progress'
        ? { note: form.get('note') ?? '', rag: form.get('rag') ?? '' }
        : { outcome: form.get('outcome') ?? '', evidence: form.get('evidence') ?? '' };
    const version = form.get('version') ?? '';
    const errors =
      kind === 'progress'
        ? progressErrors(values.note ?? '', values.rag ?? '')
        : completionErrors(values.outcome ?? '', values.evidence ?? '');
    let result: CommandResult;
    if (errors.length > 0) result = { kind: 'invalid', errors };
    else if (!VERSION.test(version)) result = { kind: 'stale', currentVersion: -1 };
    else if (kind === 'progress') {
      result = await gateway.reportProgress(
        caller,
        actionId,
        { note: values.note ?? '', ...(values.rag ? { rag: values.rag } : {}) },
        Number(version),
      );
    } else {
      result = await gateway.completeAction(
        caller,
        actionId,
        { outcome: values.outcome ?? '', ...(values.evidence ? { evidence: values.evidence } : {}) },
        Number(version),
      );
    }
    if (result.kind === 'done') {
      if (page.session) page.session.flash = kind === 'progress' ? 'Progress reported' : 'Action marked as complete';
      return redirect(page.res, `/actions/${actionId}`);
    }
    if (result.kind === 'forbidden' || result.kind === 'not-found') {
      return this.refused(page, result, kind === 'progress' ? 'report progress on this action' : 'complete this action');
    }
    const fresh = await gateway.action(caller, actionId);
    if (fresh.kind !== 'ok') return this.refused(page, fresh, 'see this action');
    // A form sent from a page that was stale keeps its version, so sending it again is refused again until the user has seen the fresh state.
    const action =
      result.kind === 'invalid' ? { ...fresh.value, version: VERSION.test(version) ? Number(version) : fresh.value.version } : fresh.value;
    switch (result.kind) {
      case 'invalid':
        return this.sendForm(page, 400, kind, action, values, result.errors);
      case 'stale':
        return this.sendForm(page, 409, kind, action, values, [], { stale: true });
      case 'refused':
        return this.sendForm(page, 409, kind, action, values, [], { refusal: result.detail });
    }
  }

  private async signInPage(page: Page, values: { personId?: string; roles?: string[] } = {}, errors: FieldProblem[] = []): Promise<void> {
    const session = page.session ?? this.startSession(page);
    const people = await this.options.gateway.directory();
    const returnTo = safeReturnTo(page.query.get('returnTo'));
    this.send(page, errors.length > 0 ? 400 : 200, 'sign-in', {
      title: 'Sign in',
      people,
      roles: this.options.gateway.grantableRoles,
      values: { personId: values.personId, roles: values.roles ?? ['officer'] },
      returnTo,
      csrfToken: session.csrfToken,
      ...errorContext(errors),
    });
  }

  private async signIn(page: Page, form: URLSearchParams): Promise<void> {
    const personId = form.get('personId') ?? '';
    const roles = form.getAll('roles');
    const person = (await this.options.gateway.directory()).find((p) => p.personId === personId);
    const grantable = this.options.gateway.grantableRoles;
    const errors: FieldProblem[] = [];
    if (!person) errors.push({ field: 'personId', message: 'Select who you are' });
    if (roles.length === 0 || roles.some((role) => !grantable.includes(role)))
      errors.push({ field: 'roles', message: 'Select at least one role' });
    if (!person || errors.length > 0) {
      page.query.set('returnTo', form.get('returnTo') ?? '/');
      return this.signInPage(page, { personId, roles }, errors);
    }
    // A new session on sign-in: an id seen before signing in never becomes a signed-in one.
    if (page.session) this.sessions.end(page.session);
    const session = this.sessions.create({ id: person.personId, name: person.name, roles: [...new Set(roles)] });
    this.setCookie(page.res, session);
    redirect(page.res, safeReturnTo(form.get('returnTo')));
  }

  private async signOut(page: Page): Promise<void> {
    const idToken = page.session?.idToken;
    if (page.session) this.sessions.end(page.session);
    page.res.setHeader('Set-Cookie', sessionCookie('', this.options.production, true));
    if (this.oidcPages) return redirect(page.res, await this.oidcPages.afterSignOut(idToken));
    redirect(page.res, this.options.production ? '/' : '/sign-in');
  }

  // ---- plumbing ----------------------------------------------------------------------------------------------

  /** What a page module may use of this handler (pages/*.ts). */
  private toolsFor(page: Page, method: string): PageTools {
    return {
      method,
      path: page.path,
      query: page.query,
      res: page.res,
      flash: (text) => {
        const shown = page.session?.flash;
        if (page.session) page.session.flash = text;
        return shown;
      },
      signedIn: (work) => this.signedIn(page, work),
      withForm: (work) => this.withForm(page, work),
      caller: () => this.callerOf(page),
      send: (status, view, context) => this.send(page, status, view, context),
      refused: (refusal, what) => this.refused(page, refusal, what),
      notFound: () => this.notFound(page),
      redirect: (location) => redirect(page.res, location),
      requestOrigin: () => requestOriginOf(page.req),
      calendarFeedAddress: (address) => {
        const shown = page.session?.calendarFeedAddress;
        if (page.session) page.session.calendarFeedAddress = address;
        return shown;
      },
    };
  }

  async signedIn(page: Page, work: () => Promise<void>): Promise<boolean> {
    if (!page.session?.person) {
      const returnTo = page.req.method === 'GET' ? page.path + (page.query.size > 0 ? `?${page.query.toString()}` : '') : page.path;
      redirect(page.res, `/sign-in?returnTo=${encodeURIComponent(safeReturnTo(returnTo))}`);
      return true;
    }
    await work();
    return true;
  }

  /** Reads the form and checks its synchronizer token before anything else; a failure asks to sign in again. */
  async withForm(page: Page, work: (form: URLSearchParams) => Promise<unknown> | void): Promise<boolean> {
    const form = await readForm(page.req);
    const token = form.get('_csrf') ?? '';
    if (!page.session || !sameToken(token, page.session.csrfToken)) {
      const returnTo = page.path === '/sign-out' || page.path === '/sign-in' ? '/' : (pageSentFrom(page.req) ?? page.path);
      this.send(page, 403, 'error', {
        title: 'Sign in again to continue',
        lines: ['Your session ended, or the form was sent from a page that is out of date, so nothing was changed.'],
        signInAgain: true,
        returnTo,
      });
      return true;
    }
    await work(form);
    return true;
  }

  callerOf(page: Page): ConsoleCaller {
    const person = page.session?.person;
    if (!person) throw new Error('a console page acted without a signed-in person');
    return { person, ...this.options.requestIds(page.req) };
  }

  private startSession(page: Page): Session {
    const session = this.sessions.create();
    page.session = session;
    this.setCookie(page.res, session);
    return session;
  }

  private setCookie(res: ServerResponse, session: Session): void {
    res.setHeader('Set-Cookie', sessionCookie(this.sessions.cookieValueOf(session), this.options.production));
  }

  private sendForm(
    page: Page,
    status: number,
    kind: 'progress' | 'complete',
    action: ActionPage,
    values: Record<string, string>,
    errors: readonly FieldProblem[] = [],
    extra: { stale?: boolean; refusal?: string } = {},
  ): void {
    this.send(page, status, 'action-form', {
      title: kind === 'progress' ? 'Report progress' : 'Mark as complete',
      formKind: kind,
      action,
      values,
      ...errorContext(errors),
      ...extra,
    });
  }

  refused(page: Page, refusal: { kind: 'forbidden'; detail: string } | { kind: 'not-found' }, what: string): void {
    if (refusal.kind === 'not-found') return this.notFound(page);
    this.forbidden(page, what, refusal.detail);
  }

  private forbidden(page: Page, what: string, detail?: string): void {
    this.send(page, 403, 'error', { title: `You cannot ${what}`, lines: [detail ?? 'Your roles and the posts you hold do not allow it.'] });
  }

  notFound(page: Page): void {
    this.send(page, 404, 'error', {
      title: 'Page not found',
      lines: ['If you typed the web address, check it is correct.', 'If you pasted the web address, check you copied the entire address.'],
    });
  }

  send(page: Page, status: number, view: string, context: Record<string, unknown>): void {
    const person = page.session?.person;
    const html = this.render(view, {
      ...context,
      cspNonce: page.nonce,
      person,
      navigation: person ? navigationFor(person.roles, page.path) : [],
      csrfToken: context['csrfToken'] ?? page.session?.csrfToken,
    });
    writeHtml(page.res, status, html, page.nonce, this.options.oidc?.providerOrigin);
  }

  private errorPage(res: ServerResponse, _path: string, status: number, title: string, lines: string[]): void {
    const nonce = randomBytes(16).toString('base64');
    let html: string;
    try {
      html = this.render('error', { title, lines, cspNonce: nonce });
    } catch {
      html = `<!DOCTYPE html><html lang="en"><head><title>${title}</title></head><body><h1>${title}</h1></body></html>`;
    }
    writeHtml(res, status, html, nonce, this.options.oidc?.providerOrigin);
  }
}

/** `providerOrigin`: the sign-out form redirects there to end the provider's session, and form-action covers redirects. */
function writeHtml(res: ServerResponse, status: number, html: string, nonce: string, providerOrigin?: string): void {
  res.statusCode = status;
  res.setHeader('Content-Type', 'text/html; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
  // The API's no-referrer, relaxed to this site: a form tells the console which page it was sent from (pageSentFrom).
  res.setHeader('Referrer-Policy', 'same-origin');
  res.setHeader(
    'Content-Security-Policy',
    [
      "default-src 'self'",
      `script-src 'self' 'nonce-${nonce}'`,
      "style-src 'self'",
      "img-src 'self' data:",
      "font-src 'self'",
      "connect-src 'self'",
      "object-src 'none'",
      `form-action 'self'${providerOrigin ? ` ${providerOrigin}` : ''}`,
      "frame-ancestors 'none'",
      "base-uri 'none'",
    ].join('; '),
  );
  res.end(html);
}

/** The api's Fastify (through @fastify/middie) sets `protocol` from the socket and, by TRUST_PROXY, the proxy's header. */
function requestOriginOf(req: IncomingMessage): string {
  const protocol = (req as IncomingMessage & { readonly protocol?: string }).protocol ?? 'http';
  return `${protocol}://${req.headers.host ?? 'localhost'}`;
}

/** Post/Redirect/Get: 303, so the browser follows with a GET and a reload never sends the form again. */
function redirect(res: ServerResponse, location: string): void {
  res.statusCode = 303;
  res.setHeader('Location', location);
  res.end();
}

function errorContext(errors: readonly FieldProblem[]): Record<string, unknown> {
  const fieldErrors: Record<string, string> = {};
  for (const e of errors) fieldErrors[e.field] ??= e.message;
  const anchors: Record<string, string> = { rag: 'rag', personId: 'personId', roles: 'roles' };
  return { errors: errors.map((e) => ({ text: e.message, href: `#${anchors[e.field] ?? e.field}` })), fieldErrors };
}

function progressErrors(note: string, rag: string): FieldProblem[] {
  const errors: FieldProblem[] = [];
  if (note.trim() === '') errors.push({ field: 'note', message: 'Enter a progress note' });
  else if (note.length > TEXT_LIMIT) errors.push({ field: 'note', message: 'Progress note must be 4,000 characters or fewer' });
  if (rag !== '' && !Object.hasOwn(RAG_TEXT, rag)) errors.push({ field: 'rag', message: 'Select green, amber or red' });
  return errors;
}

function completionErrors(outcome: string, evidence: string): FieldProblem[] {
  const errors: FieldProblem[] = [];
  if (outcome.trim() === '') errors.push({ field: 'outcome', message: 'Enter the outcome' });
  else if (outcome.length > TEXT_LIMIT) errors.push({ field: 'outcome', message: 'Outcome must be 4,000 characters or fewer' });
  if (evidence.length > TEXT_LIMIT) errors.push({ field: 'evidence', message: 'Evidence must be 4,000 characters or fewer' });
  return errors;
}

/**
 * The console page a form was sent from (its path and query), when the browser says and it is this site's: where
 * to return after signing in again. A form's own path may have no page (a chase is sent from the chase list).
 */
function pageSentFrom(req: IncomingMessage): string | undefined {
  const referer = req.headers.referer;
  if (referer === undefined || req.headers.host === undefined) return undefined;
  let from: URL;
  try {
    from = new URL(referer);
  } catch {
    return undefined;
  }
  if (from.host !== req.headers.host || (from.protocol !== 'http:' && from.protocol !== 'https:')) return undefined;
  const path = from.pathname + from.search;
  return safeReturnTo(path) === path ? path : undefined;
}

function safeReturnTo(value: string | null): string {
  return value !== null && RETURN_TO.test(value) && !value.startsWith('/sign-') ? value : '/';
}

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function acceptsHtml(req: IncomingMessage): boolean {
  return /text\/html/.test(req.headers.accept ?? '');
}

function cookieOf(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/** An application/x-www-form-urlencoded body of up to 64 KiB; anything else reads as an empty form. */
function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > FORM_BODY_LIMIT) {
        req.removeAllListeners('data');
        req.resume();
        reject(new FormTooLargeError());
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () =>
      resolve(
        type === 'application/x-www-form-urlencoded' ? new URLSearchParams(Buffer.concat(chunks).toString('utf8')) : new URLSearchParams(),
      ),
    );
    req.on('error', reject);
  });
}
