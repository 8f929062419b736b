import { ConfigError, loadAppConfig, type AppConfig } from '#runtime';

/**
 * The projector reads the api's settings (EVENT_STORE, DATABASE_URL, DATABASE_SCHEMA, DATA_DIR, LOG_LEVEL)
 * and two of its own:
 * - PROJECTION_BATCH_SIZE (1000): events per batch transaction;
 * - METRICS_PORT (unset: none): serves GET /metrics on this port (the Kafka relay's gauges, process metrics);
 * - PROJECTION_BATCH_DELAY_MS (0): TEST ONLY. Sleeps this long inside every batch transaction, before it
 *   commits, so that crash and failover tests can kill a projector in the middle of a batch. Never set it
 *   in production: it holds transactions open and slows the read models down.
 */
export interface ProjectorConfig {
  readonly app: AppConfig;
  readonly batchSize: number;
  readonly batchDelayMs: number;
  readonly metricsPort: number | undefined;
}

type Env = Readonly<Record<string, string | undefined>>;

export function loadProjectorConfig(env: Env = process.env): ProjectorConfig {
  return {
    app: loadAppConfig(env, { servesHttp: false }),
    batchSize: wholeNumber(env, 'PROJECTION_BATCH_SIZE', 1_000, 1),
    batchDelayMs: wholeNumber(env, 'PROJECTION_BATCH_DELAY_MS', 0, 0),
    metricsPort: metricsPort(env),
  };
}

function wholeNumber(env: Env, name: string, fallback: number, least: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < least) throw new ConfigError(`${name} must be a whole number of at least ${least}; got "${raw}"`);
  return value;
}

function metricsPort(env: Env): number | undefined {
  if (!env.METRICS_PORT?.trim()) return undefined;
  const port = wholeNumber(env, 'METRICS_PORT', 0, 1);
  if (port > 65_535) throw new ConfigError(`METRICS_PORT must be a port number (1 to 65535); got "${env.METRICS_PORT}"`);
  return port;
}
