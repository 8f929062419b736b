import { bankHolidayDivisions, type BankHolidayDivision } from '#domain';

export type EventStoreKind = 'embedded' | 'postgres' | 'kurrentdb';
export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'verbose';

export interface AppConfig {
  readonly port: number;
  readonly eventStore: EventStoreKind;
  readonly dataDir: string;
  readonly databaseUrl: string | undefined;
  readonly databaseSchema: string;
  readonly kurrentDbUrl: string | undefined;
  /** Empty when the Kafka relay is off. */
  readonly kafkaBrokers: readonly string[];
  readonly auth: AuthConfig;
  /** The console's OpenID Connect sign-in; undefined when OIDC_CLIENT_ID is unset (the development sign-in, outside production). */
  readonly consoleSignIn: ConsoleSignInConfig | undefined;
  /** Browser origins allowed to call the API (CORS); empty answers no cross-origin request. `*` allows any. */
  readonly corsOrigins: readonly string[];
  /**
   * The HTTP server's `trustProxy` (read as Express's `trust proxy` was): decides the client IP (failed-login limits) and whether a request came over TLS (HSTS).
   * A hop count or addresses; never `true`, which would let any client name its own address in X-Forwarded-For.
   */
  readonly trustProxy: false | number | string;
  readonly publicActionLog: boolean;
  /** The council's statutory settings: the call-in period and whose bank holidays count. */
  readonly council: CouncilConfig;
  /** `in-process` runs the projections inside this api process too (the embedded default); `off` leaves them to apps/projector. */
  readonly projections: 'in-process' | 'off';
  /** Reminders, overdue notices, escalations and chases by email; undefined (off) when SMTP_URL is unset. */
  readonly notices: NoticesConfig | undefined;
  readonly nodeEnv: string;
  readonly isProduction: boolean;
  readonly logLevel: LogLevel;
}

export interface CouncilConfig {
  /** Clear working days after publication before an executive decision may be implemented (0 to 30). */
  readonly callInClearWorkingDays: number;
  readonly bankHolidayDivision: BankHolidayDivision;
}

export interface NoticesConfig {
  /** smtp:// or smtps:// with any credentials, as nodemailer reads it. */
  readonly smtpUrl: string;
  readonly mailFrom: string;
  /** The console's origin for links to an action; without it the emails carry no link. */
  readonly publicBaseUrl: string | undefined;
  /** Reminders this many days before the due date (0: on the day). */
  readonly reminderDaysBefore: readonly number[];
  /** Overdue notices this many days after the due date. */
  readonly overdueDaysAfter: readonly number[];
  /** How often the sender looks for notices due and pending. */
  readonly intervalMs: number;
  /** The first retry after a failed send; each further failure doubles it, up to retryMaxMs. */
  readonly retryBaseMs: number;
  readonly retryMaxMs: number;
}

export interface AuthConfig {
  /** HS256 secret outside production; without it (and without OIDC) a random one is kept in DATA_DIR/auth-secret. */
  readonly jwtSecret: string | undefined;
  readonly jwksUrl: string | undefined;
  /** Comma-separated when an issuer has several forms (Entra v1 and v2 tokens). */
  readonly issuer: string | undefined;
  readonly audience: string | undefined;
  /** Failed token checks allowed per client IP in a sliding minute before 429. */
  readonly failuresPerMinute: number;
  /** After fetching the JWKS, a token naming an unknown key waits this long before the next fetch. */
  readonly jwksCooldownMs: number;
  /** Tokens valid for longer than this (exp - iat, or exp - now) are refused; also the ceiling of `npm run token --ttl`. */
  readonly maxTokenLifetimeSeconds: number;
  /** The claim naming the caller: a person's identity-provider subject, or the person id itself (AUTH_PERSON_CLAIM). */
  readonly personClaim: string;
}

export interface ConsoleSignInConfig {
  /** Where the console discovers the provider: the first of AUTH_ISSUER's forms. */
  readonly issuer: string;
  readonly clientId: string;
  /** Undefined for a public client, which proves itself with PKCE alone. */
  readonly clientSecret: string | undefined;
  /** The console's own origin as browsers reach it; the provider returns to `<it>/sign-in/callback`. */
  readonly publicBaseUrl: string;
}

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

type Env = Readonly<Record<string, string | undefined>>;

const EVENT_STORES: readonly EventStoreKind[] = ['embedded', 'postgres', 'kurrentdb'];
const LOG_LEVELS: readonly LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'verbose'];
const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

export interface LoadOptions {
  /** False for processes without an HTTP API (the projector), which need no token verification. */
  readonly servesHttp?: boolean;
}

/** Reads and checks the environment once at start-up, so a bad setting stops the process with a clear message. */
export function loadAppConfig(env: Env = process.env, options: LoadOptions = {}): AppConfig {
  const nodeEnv = text(env, 'NODE_ENV') ?? 'development';
  const eventStore = oneOf(env, 'EVENT_STORE', EVENT_STORES, 'embedded');
  const databaseUrl = text(env, 'DATABASE_URL');
  const kurrentDbUrl = text(env, 'KURRENTDB_URL');
  const databaseSchema = text(env, 'DATABASE_SCHEMA') ?? 'public';

  if (eventStore === 'postgres' && !databaseUrl) {
    throw new ConfigError('EVENT_STORE=postgres needs DATABASE_URL (e.g. postgresql://user:pass@host:5432/actiontrail)');
  }
  if (eventStore === 'kurrentdb' && !kurrentDbUrl) {
    throw new ConfigError('EVENT_STORE=kurrentdb needs KURRENTDB_URL (e.g. kurrentdb://localhost:2113?tls=false)');
  }
  if (eventStore === 'kurrentdb' && !databaseUrl) {
    throw new ConfigError('EVENT_STORE=kurrentdb needs DATABASE_URL for the read models');
  }
  if (!SCHEMA_NAME.test(databaseSchema)) {
    throw new ConfigError(`DATABASE_SCHEMA must be a lower-case SQL identifier, got "${databaseSchema}"`);
  }

  const logLevelRaw = text(env, 'LOG_LEVEL');
  return {
    port: port(env),
    eventStore,
    dataDir: text(env, 'DATA_DIR') ?? './data',
    databaseUrl,
    databaseSchema,
    kurrentDbUrl,
    kafkaBrokers: list(env, 'KAFKA_BROKERS'),
    auth: authConfig(env, { nodeEnv, eventStore, servesHttp: options.servesHttp ?? true }),
    consoleSignIn: consoleSignIn(env),
    corsOrigins: list(env, 'CORS_ORIGINS'),
    trustProxy: trustProxy(env),
    publicActionLog: flag(env, 'PUBLIC_ACTION_LOG', false),
    council: {
      callInClearWorkingDays: integerBetween(env, 'CALL_IN_CLEAR_WORKING_DAYS', 0, 30, 5),
      bankHolidayDivision: oneOf(env, 'BANK_HOLIDAY_DIVISION', bankHolidayDivisions, 'england-and-wales'),
    },
    projections: oneOf(env, 'PROJECTIONS', ['in-process', 'off'] as const, 'in-process'),
    notices: noticesConfig(env),
    nodeEnv,
    isProduction: nodeEnv === 'production',
    logLevel: logLevelRaw === 'log' ? 'info' : oneOf(env, 'LOG_LEVEL', LOG_LEVELS, nodeEnv === 'test' ? 'warn' : 'info'),
  };
}

const OIDC_SETTINGS = ['AUTH_JWKS_URL', 'AUTH_ISSUER', 'AUTH_AUDIENCE'] as const;
const MIN_SECRET_LENGTH = 32;
/** Secrets that were once published as defaults: anyone who read them could mint admin tokens. */
const PUBLISHED_SECRETS = new Set(['actiontrail-compose-development-secret-change-me']);
/** Entra ID access tokens live 60-90 minutes, `npm run token` mints 8 h by default: 12 h covers both. */
export const DEFAULT_MAX_TOKEN_LIFETIME_SECONDS = 12 * 3600;
/** Identity providers allow at most a day; beyond that a stolen token is as good as a password. */
export const MAX_TOKEN_LIFETIME_CEILING_SECONDS = 24 * 3600;
const TIME_SPAN = /^([1-9]\d{0,5})([smhd]?)$/;
const SPAN_SECONDS: Record<string, number> = { '': 1, s: 1, m: 60, h: 3600, d: 86_400 };
const CLAIM_NAME = /^[A-Za-z_][A-Za-z0-9_.:-]{0,63}$/;
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

function authConfig(env: Env, at: { nodeEnv: string; eventStore: EventStoreKind; servesHttp: boolean }): AuthConfig {
  const production = at.nodeEnv === 'production';
  const jwtSecret = text(env, 'AUTH_JWT_SECRET');
  const missing = OIDC_SETTINGS.filter((name) => text(env, name) === undefined);
  refuseRemovedSwitches(env);
  if (at.servesHttp) {
    if (missing.length > 0 && missing.length < OIDC_SETTINGS.length) {
      throw new ConfigError(`OIDC token verification needs ${OIDC_SETTINGS.join(', ')} together; missing: ${missing.join(', ')}`);
    }
    if (missing.length > 0 && at.eventStore !== 'embedded' && (production || !jwtSecret)) {
      const instead = production ? 'HS256 secrets are refused in production' : 'outside production, AUTH_JWT_SECRET may be set instead';
      throw new ConfigError(
        `EVENT_STORE=${at.eventStore} needs ${OIDC_SETTINGS.join(', ')} to verify tokens; missing: ${missing.join(', ')} (${instead})`,
      );
    }
    if (missing.length > 0 && production) {
      throw new ConfigError(
        `NODE_ENV=production needs ${OIDC_SETTINGS.join(', ')} to verify tokens; missing: ${missing.join(', ')} (HS256 secrets are refused in production)`,
      );
    }
    if (jwtSecret && missing.length === 0) {
      throw new ConfigError(
        'AUTH_JWT_SECRET must not be set with AUTH_JWKS_URL, AUTH_ISSUER, AUTH_AUDIENCE: HS256 tokens are refused whenever OIDC is configured; unset it',
      );
    }
    if (jwtSecret && !production && jwtSecret.length < MIN_SECRET_LENGTH) {
      throw new ConfigError(`AUTH_JWT_SECRET must be at least ${MIN_SECRET_LENGTH} characters; got ${jwtSecret.length}`);
    }
    if (jwtSecret && PUBLISHED_SECRETS.has(jwtSecret)) {
      throw new ConfigError(
        'AUTH_JWT_SECRET is a published example value: anyone could mint tokens with it; set your own (e.g. openssl rand -base64 48)',
      );
    }
  }
  const jwksUrl = text(env, 'AUTH_JWKS_URL');
  if (jwksUrl) checkJwksUrl(jwksUrl);
  return {
    jwtSecret,
    jwksUrl,
    issuer: text(env, 'AUTH_ISSUER'),
    audience: text(env, 'AUTH_AUDIENCE'),
    failuresPerMinute: positiveInteger(env, 'AUTH_FAILURES_PER_MINUTE', 20),
    jwksCooldownMs: 30_000,
    maxTokenLifetimeSeconds: maxTokenLifetime(env),
    personClaim: personClaim(env),
  };
}

const CONSOLE_SIGN_IN_SETTINGS = ['OIDC_CLIENT_ID', 'PUBLIC_BASE_URL'] as const;

/** The console signs people in with the provider that issues the API's tokens, so it needs AUTH_ISSUER too. */
function consoleSignIn(env: Env): ConsoleSignInConfig | undefined {
  const clientSecret = text(env, 'OIDC_CLIENT_SECRET');
  const missing = CONSOLE_SIGN_IN_SETTINGS.filter((name) => text(env, name) === undefined);
  // PUBLIC_BASE_URL alone is the origin for links in emailed notices; the OIDC sign-in starts with a client.
  if (text(env, 'OIDC_CLIENT_ID') === undefined && !clientSecret) return undefined;
  if (missing.length > 0) {
    throw new ConfigError(
      `The console's OpenID Connect sign-in needs ${CONSOLE_SIGN_IN_SETTINGS.join(', ')} together (OIDC_CLIENT_SECRET optional); missing: ${missing.join(', ')}`,
    );
  }
  const issuer = text(env, 'AUTH_ISSUER')?.split(',')[0]?.trim();
  if (!issuer) {
    throw new ConfigError(
      "OIDC_CLIENT_ID needs AUTH_ISSUER (with AUTH_JWKS_URL, AUTH_AUDIENCE): the console signs in with the provider that issues the API's tokens",
    );
  }
  return {
    issuer: checkedUrl('AUTH_ISSUER', issuer, { originOnly: false }),
    clientId: text(env, 'OIDC_CLIENT_ID') ?? '',
    clientSecret,
    publicBaseUrl: checkedUrl('PUBLIC_BASE_URL', text(env, 'PUBLIC_BASE_URL') ?? '', { originOnly: true }),
  };
}

/** https, or plain http on loopback; PUBLIC_BASE_URL is an origin, without a path. */
function checkedUrl(name: string, value: string, { originOnly }: { originOnly: boolean }): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(`${name} must be a URL; got "${value}"`);
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname))) {
    throw new ConfigError(`${name} must use https (plain http only on loopback); got "${value}"`);
  }
  if (originOnly && (url.pathname !== '/' || url.search !== '' || url.hash !== '')) {
    throw new ConfigError(`${name} must be an origin such as https://actiontrail.example.org, without a path; got "${value}"`);
  }
  return originOnly ? url.origin : value;
}

function noticesConfig(env: Env): NoticesConfig | undefined {
  const smtpUrl = text(env, 'SMTP_URL');
  if (smtpUrl === undefined) return undefined;
  if (!/^smtps?:\/\/[^/\s]+/.test(smtpUrl))
    throw new ConfigError('SMTP_URL must be smtp://host:port or smtps://host:port (credentials as user:pass@)');
  const mailFrom = text(env, 'MAIL_FROM');
  if (!mailFrom || !/^[^\s@<>]+@[^\s@<>]+$|^[^<>]*<[^\s@<>]+@[^\s@<>]+>$/.test(mailFrom)) {
    throw new ConfigError('SMTP_URL needs MAIL_FROM, the address notices are sent from (e.g. "Scrutiny <scrutiny@council.gov.uk>")');
  }
  const publicBaseUrl = text(env, 'PUBLIC_BASE_URL');
  return {
    smtpUrl,
    mailFrom,
    publicBaseUrl: publicBaseUrl === undefined ? undefined : checkedUrl('PUBLIC_BASE_URL', publicBaseUrl, { originOnly: true }),
    reminderDaysBefore: dayList(env, 'REMINDER_DAYS_BEFORE', [7, 0]),
    overdueDaysAfter: dayList(env, 'OVERDUE_DAYS_AFTER', [1]),
    intervalMs: positiveInteger(env, 'NOTICE_INTERVAL_MS', 60_000),
    retryBaseMs: positiveInteger(env, 'NOTICE_RETRY_BASE_MS', 30_000),
    retryMaxMs: positiveInteger(env, 'NOTICE_RETRY_MAX_MS', 30 * 60_000),
  };
}

/** Comma-separated whole days from 0 to 365, e.g. `7,0`; an empty value means none. */
function dayList(env: Env, name: string, fallback: readonly number[]): readonly number[] {
  const raw = env[name];
  if (raw === undefined) return fallback;
  const days = list(env, name);
  if (days.some((day) => !/^\d{1,3}$/.test(day) || Number(day) > 365)) {
    throw new ConfigError(`${name} must be comma-separated whole days from 0 to 365 (e.g. 7,0); got "${raw}"`);
  }
  return [...new Set(days.map(Number))];
}

function maxTokenLifetime(env: Env): number {
  const value = text(env, 'AUTH_MAX_TOKEN_LIFETIME');
  if (value === undefined) return DEFAULT_MAX_TOKEN_LIFETIME_SECONDS;
  const seconds = timeSpanSeconds(value);
  if (seconds === undefined || seconds < 60 || seconds > MAX_TOKEN_LIFETIME_CEILING_SECONDS) {
    throw new ConfigError(`AUTH_MAX_TOKEN_LIFETIME must be a time span from 1m to 24h (seconds, or 90m, 12h, 1d); got "${value}"`);
  }
  return seconds;
}

/** `90` (seconds), `90s`, `30m`, `8h`, `1d`; undefined when it is none of these. */
export function timeSpanSeconds(value: string): number | undefined {
  const match = TIME_SPAN.exec(value.trim());
  if (!match) return undefined;
  return Number(match[1]) * (SPAN_SECONDS[match[2] ?? ''] ?? 1);
}

function personClaim(env: Env): string {
  const value = text(env, 'AUTH_PERSON_CLAIM') ?? 'sub';
  if (!CLAIM_NAME.test(value)) throw new ConfigError(`AUTH_PERSON_CLAIM must be a claim name such as sub or oid; got "${value}"`);
  return value;
}

/**
 * The phase-1 switches are gone: roles are always enforced and no header names the caller. A deployment
 * still asking for the old behaviour stops here rather than running with rules it does not expect.
 */
function refuseRemovedSwitches(env: Env): void {
  if (text(env, 'AUTH_ENFORCE_ROLES') !== undefined && !flag(env, 'AUTH_ENFORCE_ROLES', true)) {
    throw new ConfigError('AUTH_ENFORCE_ROLES was removed: tokens and roles are always checked; unset it');
  }
  if (flag(env, 'AUTH_DEV_ACTOR_HEADER', false)) {
    throw new ConfigError('AUTH_DEV_ACTOR_HEADER was removed: send a bearer token (mint one with npm run token); unset it');
  }
}

/** Keys fetched over plain HTTP could be swapped on the way; only a key server on this machine may skip TLS. */
function checkJwksUrl(value: string): void {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(`AUTH_JWKS_URL must be a URL; got "${value}"`);
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname))) {
    throw new ConfigError(`AUTH_JWKS_URL must use https (plain http only on loopback); got "${value}"`);
  }
}

/**
 * `true` would take the left-most X-Forwarded-For entry, which any client writes itself: the failed-token limit
 * would be bypassed by sending a new address each time. A hop count or the proxies' addresses name what to trust.
 */
function trustProxy(env: Env): false | number | string {
  const value = text(env, 'TRUST_PROXY');
  if (value === undefined || ['false', '0', 'no', 'off'].includes(value.toLowerCase())) return false;
  if (['true', 'yes', 'on', 'all', '*'].includes(value.toLowerCase())) {
    throw new ConfigError(
      `TRUST_PROXY=${value} would trust an X-Forwarded-For any client can forge; give the number of proxy hops in front of the api (e.g. 1) or their addresses (e.g. loopback, 10.0.0.0/8)`,
    );
  }
  return /^\d+$/.test(value) ? Number(value) : value;
}

function list(env: Env, name: string): string[] {
  return (text(env, name) ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
}

function positiveInteger(env: Env, name: string, fallback: number): number {
  const value = text(env, name);
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1) throw new ConfigError(`${name} must be a positive integer; got "${value}"`);
  return parsed;
}

function integerBetween(env: Env, name: string, min: number, max: number, fallback: number): number {
  const raw = text(env, name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!/^\d{1,3}$/.test(raw) || value < min || value > max) {
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
  }
  return value;
}

function text(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value ? value : undefined;
}

function oneOf<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T): T {
  const value = text(env, name);
  if (value === undefined) return fallback;
  const normalised = value.toLowerCase();
  if (!(allowed as readonly string[]).includes(normalised)) {
    throw new ConfigError(`${name} must be one of ${allowed.join(', ')}; got "${value}"`);
  }
  return normalised as T;
}

function flag(env: Env, name: string, fallback: boolean): boolean {
  const value = text(env, name)?.toLowerCase();
  if (value === undefined) return fallback;
  if (['true', '1', 'yes', 'on'].includes(value)) return true;
  if (['false', '0', 'no', 'off'].includes(value)) return false;
  throw new ConfigError(`${name} must be true or false; got "${value}"`);
}

function port(env: Env): number {
  const value = text(env, 'PORT');
  if (value === undefined) return 3000;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0 || parsed > 65_535) {
    throw new ConfigError(`PORT must be an integer between 0 and 65535; got "${value}"`);
  }
  return parsed;
}
