import { ConfigError, loadAppConfig } from '#runtime';
import { backoffMs } from '../../src/features/notices/notices-sender.js';

const SMTP = { SMTP_URL: 'smtp://mail.council.example:587', MAIL_FROM: 'Scrutiny Team <scrutiny@council.example>' };

describe('the notices configuration', () => {
  it('is off without SMTP_URL', () => {
    expect(loadAppConfig({}).notices).toBeUndefined();
  });

  it('has the documented defaults with SMTP_URL and MAIL_FROM', () => {
    expect(loadAppConfig(SMTP).notices).toEqual({
      smtpUrl: 'smtp://mail.council.example:587',
      mailFrom: 'Scrutiny Team <scrutiny@council.example>',
      publicBaseUrl: undefined,
      reminderDaysBefore: [7, 0],
      overdueDaysAfter: [1],
      intervalMs: 60_000,
      retryBaseMs: 30_000,
      retryMaxMs: 1_800_000,
    });
  });

  it('reads the reminder and overdue days, the link origin and the timings', () => {
    const notices = loadAppConfig({
      ...SMTP,
      PUBLIC_BASE_URL: 'https://actiontrail.council.example',
      REMINDER_DAYS_BEFORE: '14, 7,0',
      OVERDUE_DAYS_AFTER: '',
      NOTICE_INTERVAL_MS: '5000',
      NOTICE_RETRY_BASE_MS: '1000',
      NOTICE_RETRY_MAX_MS: '60000',
    }).notices;
    expect(notices).toMatchObject({
      publicBaseUrl: 'https://actiontrail.council.example',
      reminderDaysBefore: [14, 7, 0],
      overdueDaysAfter: [],
      intervalMs: 5000,
      retryBaseMs: 1000,
      retryMaxMs: 60_000,
    });
  });

  it.each([
    [{ SMTP_URL: 'smtp://mail.council.example' }, /needs MAIL_FROM/],
    [{ ...SMTP, MAIL_FROM: 'not an address' }, /needs MAIL_FROM/],
    [{ ...SMTP, SMTP_URL: 'http://mail.council.example' }, /SMTP_URL must be smtp:\/\//],
    [{ ...SMTP, REMINDER_DAYS_BEFORE: '7,-1' }, /REMINDER_DAYS_BEFORE must be comma-separated whole days/],
    [{ ...SMTP, OVERDUE_DAYS_AFTER: 'weekly' }, /OVERDUE_DAYS_AFTER must be comma-separated whole days/],
    [{ ...SMTP, NOTICE_INTERVAL_MS: '0' }, /NOTICE_INTERVAL_MS must be a positive integer/],
  ])('refuses %j', (env, message) => {
    expect(() => loadAppConfig(env)).toThrow(ConfigError);
    expect(() => loadAppConfig(env)).toThrow(message);
  });
});

describe('backoffMs', () => {
  it('doubles from the base with each failure, up to the ceiling', () => {
    const timing = { retryBaseMs: 1_000, retryMaxMs: 10_000 };
    expect([0, 1, 2, 3, 4, 40].map((attempts) => backoffMs(attempts, timing))).toEqual([1_000, 2_000, 4_000, 8_000, 10_000, 10_000]);
  });
});
