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
  readonly auth: {
    readonly jwtSecret: string | undefined;
    readonly jwksUrl: string | undefined;
    readonly issuer: string | undefined;
    readonly audience: string | undefined;
  };
  readonly publicActionLog: boolean;
  /** `in-process` runs the projections inside this api process too (the embedded default); `off` leaves them to apps/projector. */
  readonly projections: 'in-process' | 'off';
  readonly nodeEnv: string;
  readonly isProduction: boolean;
  readonly logLevel: LogLevel;
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

/** Reads and checks the environment once at start-up, so a bad setting stops the process with a clear message. */
export function loadAppConfig(env: Env = process.env): AppConfig {
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
    kafkaBrokers: (text(env, 'KAFKA_BROKERS') ?? '').split(',').map((b) => b.trim()).filter(Boolean),
    auth: {
      jwtSecret: text(env, 'AUTH_JWT_SECRET'),
      jwksUrl: text(env, 'AUTH_JWKS_URL'),
      issuer: text(env, 'AUTH_ISSUER'),
      audience: text(env, 'AUTH_AUDIENCE'),
    },
    publicActionLog: flag(env, 'PUBLIC_ACTION_LOG', false),
    projections: oneOf(env, 'PROJECTIONS', ['in-process', 'off'] as const, 'in-process'),
    nodeEnv,
    isProduction: nodeEnv === 'production',
    logLevel: logLevelRaw === 'log' ? 'info' : oneOf(env, 'LOG_LEVEL', LOG_LEVELS, nodeEnv === 'test' ? 'warn' : 'info'),
  };
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
