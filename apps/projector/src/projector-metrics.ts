import { collectDefaultMetrics, Registry } from 'prom-client';
import { serveMetrics, type MetricsServer } from '#runtime';
import { registerKafkaRelayObservability, type KafkaRelay } from '#kafka-relay';

/**
 * GET /metrics on METRICS_PORT: the Kafka relay's gauges when the relay runs in this process (as in the compose
 * stack), and the process's own. The projections' positions and lag are the api's to report (from the checkpoints).
 */
export async function startProjectorMetrics(port: number, relay: KafkaRelay | undefined): Promise<MetricsServer> {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  if (relay) registerKafkaRelayObservability(relay, { metrics: registry });
  return serveMetrics(registry, port);
}
