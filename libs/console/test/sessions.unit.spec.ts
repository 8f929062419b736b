import { ABSOLUTE_TIMEOUT_MS, IDLE_TIMEOUT_MS, sessionCookie, SessionStore } from '../src/sessions.js';

describe('console sessions', () => {
  const person = { id: 'p-1', name: 'Tony Fitzgerald', roles: ['officer'] };
  let now = 0;
  const store = () => new SessionStore(() => now);

  beforeEach(() => {
    now = Date.parse('2026-12-05T09:00:00Z');
  });

  it('finds a session by its signed cookie and refuses a cookie whose id or signature was altered', () => {
    const sessions = store();
    const session = sessions.create(person);
    const cookie = sessions.cookieValueOf(session);
    expect(sessions.find(cookie)?.person).toEqual(person);
    const [id, signature] = cookie.split('.');
    expect(sessions.find(`${id}x.${signature}`)).toBeUndefined();
    expect(sessions.find(`${id}.${signature?.slice(1)}`)).toBeUndefined();
    expect(sessions.find(id)).toBeUndefined();
    expect(store().find(cookie)).toBeUndefined();
  });

  it('ends a session idle for more than 30 minutes', () => {
    const sessions = store();
    const cookie = sessions.cookieValueOf(sessions.create(person));
    now += IDLE_TIMEOUT_MS;
    expect(sessions.find(cookie)).toBeDefined();
    now += IDLE_TIMEOUT_MS + 1;
    expect(sessions.find(cookie)).toBeUndefined();
  });

  it('ends a session 12 hours after sign-in however busy it was', () => {
    const sessions = store();
    const cookie = sessions.cookieValueOf(sessions.create(person));
    for (let at = 0; at < ABSOLUTE_TIMEOUT_MS; at += IDLE_TIMEOUT_MS / 2) {
      now += IDLE_TIMEOUT_MS / 2;
      if (at + IDLE_TIMEOUT_MS / 2 < ABSOLUTE_TIMEOUT_MS) expect(sessions.find(cookie)).toBeDefined();
    }
    now += 1;
    expect(sessions.find(cookie)).toBeUndefined();
  });

  it('forgets an ended session', () => {
    const sessions = store();
    const session = sessions.create(person);
    sessions.end(session);
    expect(sessions.find(sessions.cookieValueOf(session))).toBeUndefined();
  });

  it('makes the cookie HttpOnly and SameSite=Lax, and Secure in production', () => {
    expect(sessionCookie('v', false)).toBe('actiontrail_session=v; Path=/; HttpOnly; SameSite=Lax');
    expect(sessionCookie('v', true)).toBe('actiontrail_session=v; Path=/; HttpOnly; SameSite=Lax; Secure');
    expect(sessionCookie('', true, true)).toBe('actiontrail_session=; Path=/; HttpOnly; SameSite=Lax; Secure; Max-Age=0');
  });
});
