import 'reflect-metadata';
import { DataFolderLockedError } from '#event-store';
import { ConfigError } from '#runtime';
import { logFatal } from '#runtime';
import { JsonLogger } from '#runtime';
import { KafkaRelay, loadKafkaConfig, openKafkajsPublisher } from '#kafka-relay';
import { openReadSide, type ReadSide } from './open-read-side.js';
import { loadProjectorConfig } from './projector-config.js';
import { Projector, type ProjectorLog } from './projector.js';
import { startProjectorMetrics } from './projector-metrics.js';

/** Longest wait for a clean stop before the process exits anyway. */
const STOP_GRACE_MS = 10_000;

function projectorLog(logger: JsonLogger): ProjectorLog {
  const line =
    (level: 'info' | 'debug' | 'error') =>
    (message: string, fields: Record<string, unknown> = {}) =>
      logger[level]({ message, pid: process.pid, ...fields }, 'Projector');
  return { info: line('info'), debug: line('debug'), error: line('error') };
}

/** Publishes the log to Kafka from this process when KAFKA_BROKERS is set (one relay leads across processes). */
async function startKafkaRelay(readSide: ReadSide, log: ProjectorLog): Promise<KafkaRelay | undefined> {
  const kafka = loadKafkaConfig();
  if (!kafka) return undefined;
  const relay = new KafkaRelay({
    store: readSide.store,
    checkpoints: readSide.db,
    publisher: await openKafkajsPublisher(kafka),
    topicPrefix: kafka.topicPrefix,
    onError: (error) => log.error('publishing to Kafka failed; retrying', { error: String(error) }),
  });
  relay.start();
  log.info('kafka relay started', { brokers: kafka.brokers });
  return relay;
}

/** The read side as a process of its own: no API (GET /metrics alone, with METRICS_PORT), JSON lines on stdout, a clean stop on SIGTERM or SIGINT. */
async function main(): Promise<void> {
  const config = loadProjectorConfig();
  const log = projectorLog(new JsonLogger({ level: config.app.logLevel }));
  const readSide = await openReadSide(config.app);
  const projector = new Projector(readSide, config, log);
  const relay = await startKafkaRelay(readSide, log);
  const metrics = config.metricsPort === undefined ? undefined : await startProjectorMetrics(config.metricsPort, relay);
  if (metrics) log.info('serving GET /metrics', { port: metrics.port });
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) {
      log.error('second signal while stopping: exiting now', { signal });
      process.exit(1);
    }
    stopping = true;
    log.info('stopping', { signal });
    setTimeout(() => {
      log.error('did not stop in time: exiting', { graceMs: STOP_GRACE_MS });
      process.exit(1);
    }, STOP_GRACE_MS).unref();
    Promise.resolve(metrics?.close())
      .then(() => relay?.stop())
      .then(() => projector.stop())
      .then(
        () => log.info('stopped'),
        (error: unknown) => {
          log.error('stopping failed', { error: String(error) });
          process.exitCode = 1;
        },
      );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  await projector.start();
}

main().catch((error: unknown) => {
  // Said plainly, without a stack: it is an instruction to the operator, not a fault.
  if (error instanceof DataFolderLockedError) {
    logFatal(error.message);
    process.exit(1);
  }
  const message = error instanceof ConfigError ? `Configuration error: ${error.message}` : `Projector start-up failed: ${String(error)}`;
  logFatal(message, error instanceof Error ? error.stack : undefined);
  process.exit(1);
});
