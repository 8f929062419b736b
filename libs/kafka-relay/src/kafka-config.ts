import type { SASLOptions } from 'kafkajs';

export const DEFAULT_KAFKA_CLIENT_ID = 'actiontrail';
export const DEFAULT_KAFKA_TOPIC_PREFIX = 'actiontrail.';

const SASL_MECHANISMS = ['plain', 'scram-sha-256', 'scram-sha-512'] as const;
export type KafkaSaslMechanism = (typeof SASL_MECHANISMS)[number];

export interface KafkaConfig {
  readonly brokers: readonly string[];
  readonly clientId: string;
  readonly topicPrefix: string;
  readonly ssl: boolean;
  readonly sasl: { readonly mechanism: KafkaSaslMechanism; readonly username: string; readonly password: string } | undefined;
}

export class KafkaConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'KafkaConfigError';
  }
}

type Env = Readonly<Record<string, string | undefined>>;

/** The relay's settings, or undefined when KAFKA_BROKERS is unset: the relay is then off. */
export function loadKafkaConfig(env: Env = process.env): KafkaConfig | undefined {
  const brokers = (text(env, 'KAFKA_BROKERS') ?? '')
    .split(',')
    .map((broker) => broker.trim())
    .filter(Boolean);
  if (brokers.length === 0) return undefined;
  const ssl = sslFlag(env);
  const sasl = saslOf(env);
  refusePlainPasswordInClear(env, ssl, sasl);
  return {
    brokers,
    clientId: text(env, 'KAFKA_CLIENT_ID') ?? DEFAULT_KAFKA_CLIENT_ID,
    topicPrefix: text(env, 'KAFKA_TOPIC_PREFIX') ?? DEFAULT_KAFKA_TOPIC_PREFIX,
    ssl,
    sasl,
  };
}

/** NODE_ENV values (unset counts as development, as for the api) where a local broker may see a password in clear. */
const DEVELOPMENT_ENVIRONMENTS = ['development', 'test'];

/** SASL PLAIN sends the password as it is: without TLS anyone on the path reads it. */
function refusePlainPasswordInClear(env: Env, ssl: boolean, sasl: KafkaConfig['sasl']): void {
  if (sasl?.mechanism !== 'plain' || ssl) return;
  const nodeEnv = text(env, 'NODE_ENV') ?? 'development';
  if (DEVELOPMENT_ENVIRONMENTS.includes(nodeEnv.toLowerCase())) return;
  throw new KafkaConfigError(
    `KAFKA_SASL_MECHANISM=plain sends the password in clear: set KAFKA_SSL=true (refused without TLS when NODE_ENV=${nodeEnv})`,
  );
}

/** kafkajs's shape of the SASL settings. */
export function kafkajsSasl(config: KafkaConfig): SASLOptions | undefined {
  const sasl = config.sasl;
  if (!sasl) return undefined;
  switch (sasl.mechanism) {
    case 'plain':
      return { mechanism: 'plain', username: sasl.username, password: sasl.password };
    case 'scram-sha-256':
      return { mechanism: 'scram-sha-256', username: sasl.username, password: sasl.password };
    case 'scram-sha-512':
      return { mechanism: 'scram-sha-512', username: sasl.username, password: sasl.password };
  }
}

function saslOf(env: Env): KafkaConfig['sasl'] {
  const raw = text(env, 'KAFKA_SASL_MECHANISM');
  if (raw === undefined) return undefined;
  const mechanism = SASL_MECHANISMS.find((known) => known === raw.toLowerCase());
  if (!mechanism) throw new KafkaConfigError(`KAFKA_SASL_MECHANISM must be one of ${SASL_MECHANISMS.join(', ')}; got "${raw}"`);
  const username = text(env, 'KAFKA_SASL_USERNAME');
  const password = env.KAFKA_SASL_PASSWORD;
  if (!username || !password) {
    throw new KafkaConfigError(`KAFKA_SASL_MECHANISM=${mechanism} needs KAFKA_SASL_USERNAME and KAFKA_SASL_PASSWORD`);
  }
  return { mechanism, username, password };
}

function sslFlag(env: Env): boolean {
  const value = text(env, 'KAFKA_SSL')?.toLowerCase();
  if (value === undefined) return false;
  if (['true', '1', 'yes', 'on'].includes(value)) return true;
  if (['false', '0', 'no', 'off'].includes(value)) return false;
  throw new KafkaConfigError(`KAFKA_SSL must be true or false; got "${value}"`);
}

function text(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value ? value : undefined;
}
