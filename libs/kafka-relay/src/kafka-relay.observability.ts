import { Gauge, type Registry } from 'prom-client';
import type { HealthCheck, HealthRegistry } from '#runtime';
import type { KafkaRelay, KafkaRelayLag } from './kafka-relay.js';
import { withTimeout } from './relay-timing.js';

export const KAFKA_RELAY_HEALTH_CHECK = 'kafkaRelay';
export const KAFKA_RELAY_LAG_POSITIONS = 'actiontrail_kafka_relay_lag_positions';
export const KAFKA_RELAY_LAG_EVENTS = 'actiontrail_kafka_relay_lag_events';
export const KAFKA_RELAY_CONSECUTIVE_FAILURES = 'actiontrail_kafka_relay_consecutive_failures';

/** A scrape must not hang on a slow database; the gauges keep their last values instead. */
const LAG_READ_TIMEOUT_MS = 2_000;

/** Up while the relay runs and its last attempt reached the broker; the lag is reported either way. */
export function kafkaRelayHealthCheck(relay: KafkaRelay): HealthCheck {
  return async () => {
    const status = relay.status();
    const lag = await relay.lag();
    const up = status.running && status.consecutiveFailures === 0;
    return {
      status: up ? 'up' : 'down',
      running: status.running,
      ...lag,
      consecutiveFailures: status.consecutiveFailures,
      ...(status.lastError !== undefined ? { lastError: status.lastError } : {}),
      ...(status.lastPublishedAt ? { lastPublishedAt: status.lastPublishedAt.toISOString() } : {}),
    };
  };
}

export interface KafkaRelayObservabilityTargets {
  readonly health?: Pick<HealthRegistry, 'register' | 'unregister'>;
  readonly metrics?: Registry;
}

/** Adds the relay's health check and gauges; answers a function that takes them away again. */
export function registerKafkaRelayObservability(relay: KafkaRelay, targets: KafkaRelayObservabilityTargets): () => void {
  const { health, metrics } = targets;
  health?.register(KAFKA_RELAY_HEALTH_CHECK, kafkaRelayHealthCheck(relay));
  if (metrics) registerGauges(relay, metrics);
  return () => {
    health?.unregister(KAFKA_RELAY_HEALTH_CHECK);
    for (const name of [KAFKA_RELAY_LAG_POSITIONS, KAFKA_RELAY_LAG_EVENTS, KAFKA_RELAY_CONSECUTIVE_FAILURES]) {
      metrics?.removeSingleMetric(name);
    }
  };
}

function registerGauges(relay: KafkaRelay, registry: Registry): void {
  const readLag = sharedLagReader(relay);
  new Gauge({
    name: KAFKA_RELAY_LAG_POSITIONS,
    help: 'Head position of the event log minus the Kafka relay checkpoint (positions are not dense)',
    registers: [registry],
    async collect() {
      const lag = await readLag();
      if (lag) this.set(lag.lagPositions);
    },
  });
  new Gauge({
    name: KAFKA_RELAY_LAG_EVENTS,
    help: 'Events committed to the log and not yet acknowledged by Kafka (counted up to 10000)',
    registers: [registry],
    async collect() {
      const lag = await readLag();
      if (lag?.eventsBehind !== undefined) this.set(lag.eventsBehind);
    },
  });
  new Gauge({
    name: KAFKA_RELAY_CONSECUTIVE_FAILURES,
    help: 'Failed Kafka relay attempts since the broker last acknowledged a batch',
    registers: [registry],
    collect() {
      this.set(relay.status().consecutiveFailures);
    },
  });
}

/** prom-client collects every gauge of a scrape at once: they share one read of the lag rather than query twice. */
function sharedLagReader(relay: KafkaRelay, reuseForMs = 1_000): () => Promise<KafkaRelayLag | undefined> {
  let latest: { readonly startedAt: number; readonly lag: Promise<KafkaRelayLag | undefined> } | undefined;
  return () => {
    const now = Date.now();
    if (!latest || now - latest.startedAt > reuseForMs) {
      const lag = withTimeout(relay.lag(), LAG_READ_TIMEOUT_MS, 'Reading the Kafka relay lag').catch(() => undefined);
      latest = { startedAt: now, lag };
    }
    return latest.lag;
  };
}
