import type { EmailPreferences } from '../account-gateway.js';
import type { CommandResult, ConsoleGateway, FieldProblem } from '../console-gateway.js';
import type { PageTools } from './scrutiny.js';

const VERSION = /^\d{1,9}$/;
const PREFERENCE_VALUES = ['reminders', 'weeklyDigest'] as const;

/** The signed-in person's own page: who they are, their posts, their email preferences and their calendar feed. */
export async function accountPages(gateway: ConsoleGateway, page: PageTools): Promise<boolean> {
  const { method, path } = page;
  if (method === 'GET' || method === 'HEAD') {
    if (path === '/account') return page.signedIn(() => accountPage(gateway, page, 200));
  } else if (method === 'POST') {
    if (path === '/account/email-preferences') return page.withForm((form) => page.signedIn(() => setPreferences(gateway, page, form)));
    if (path === '/account/calendar-feed') return page.withForm(() => page.signedIn(() => issueFeed(gateway, page)));
    if (path === '/account/calendar-feed/revoke') return page.withForm(() => page.signedIn(() => revokeFeed(gateway, page)));
  }
  return false;
}

async function accountPage(
  gateway: ConsoleGateway,
  page: PageTools,
  status: number,
  typed?: EmailPreferences,
  errors: readonly FieldProblem[] = [],
): Promise<void> {
  const found = await gateway.account(page.caller());
  if (found.kind !== 'ok') return page.refused(found, 'see your account');
  const account = found.value;
  page.send(status, 'account', {
    title: 'Your account',
    account,
    preferences: typed ?? account.preferences,
    flash: page.flash(),
    newFeed: page.calendarFeedAddress(),
    errors: errors.map((e) => ({ text: e.message, href: `#${e.field}` })),
    fieldErrors: Object.fromEntries(errors.map((e) => [e.field, e.message])),
  });
}

async function setPreferences(gateway: ConsoleGateway, page: PageTools, form: URLSearchParams): Promise<void> {
  const chosen = form.getAll('preferences');
  const typed: EmailPreferences = { reminders: chosen.includes('reminders'), weeklyDigest: chosen.includes('weeklyDigest') };
  const version = form.get('version') ?? '';
  const unknown = chosen.filter((value) => !(PREFERENCE_VALUES as readonly string[]).includes(value));
  if (!VERSION.test(version) || unknown.length > 0) {
    return accountPage(gateway, page, 400, typed, [{ field: 'preferences', message: 'Choose from the emails listed' }]);
  }
  const result = await gateway.setEmailPreferences(page.caller(), typed, Number(version));
  if (result.kind === 'done') {
    page.flash('Your email preferences have been saved');
    return page.redirect('/account');
  }
  return answerFailure(result, page, 'set your email preferences', (status, errors) => accountPage(gateway, page, status, typed, errors));
}

async function issueFeed(gateway: ConsoleGateway, page: PageTools): Promise<void> {
  const issued = await gateway.issueCalendarFeed(page.caller(), page.requestOrigin());
  if (issued.kind !== 'ok') return page.refused(issued, 'get a calendar feed');
  page.calendarFeedAddress(issued.value);
  page.flash('Your calendar feed address is ready: copy it now, it will not be shown again');
  return page.redirect('/account');
}

async function revokeFeed(gateway: ConsoleGateway, page: PageTools): Promise<void> {
  const result = await gateway.revokeCalendarFeed(page.caller());
  if (result.kind === 'done') {
    page.flash('Your calendar feed has been turned off: its address no longer works');
    return page.redirect('/account');
  }
  return answerFailure(result, page, 'turn off your calendar feed', (status, errors) =>
    accountPage(gateway, page, status, undefined, errors),
  );
}

function answerFailure(
  result: Exclude<CommandResult, { kind: 'done' }>,
  page: PageTools,
  what: string,
  showPage: (status: number, errors: readonly FieldProblem[]) => Promise<void>,
): Promise<void> | void {
  switch (result.kind) {
    case 'forbidden':
    case 'not-found':
      return page.refused(result, what);
    case 'invalid':
      return showPage(400, [{ field: 'preferences', message: 'Choose from the emails listed' }]);
    case 'refused':
      return showPage(409, [{ field: 'form', message: result.detail }]);
    case 'stale':
      return showPage(409, [{ field: 'preferences', message: 'Your preferences changed since you opened this page; choose again' }]);
  }
}
