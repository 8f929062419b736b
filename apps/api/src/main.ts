import 'reflect-metadata';
import { DataFolderLockedError } from '#event-store';
import { createApp } from './app.factory.js';
import { ConfigError, loadAppConfig } from '#runtime';
import { loadDemoAtStart } from './demo/demo-at-start.js';
import { parseStartOptions, StartOptionsError } from './demo/start-options.js';
import { announceAuthentication } from './platform/auth/startup-hint.js';
import { logFatal } from '#runtime';
import { JsonLogger } from '#runtime';
import { currentRequestIds } from './platform/logging/request-ids.js';

/** Nest logs a failed start with its stack; a data folder in use is said once, plainly, by main's own fatal line. */
class StartupLogger extends JsonLogger {
  override error(message: unknown, ...params: unknown[]): void {
    if (!(message instanceof DataFolderLockedError)) super.error(message, ...params);
  }
}

async function main(): Promise<void> {
  const config = loadAppConfig();
  const options = parseStartOptions(process.argv.slice(2), config.eventStore);
  const logger = new StartupLogger({ level: config.logLevel, requestIds: currentRequestIds });
  const app = await createApp({ config, logger });
  app.enableShutdownHooks();
  try {
    await loadDemoAtStart(app, options.demo, logger);
  } catch (error) {
    await app.close().catch(() => undefined);
    throw error;
  }
  if (options.exitAfterDemo) {
    await app.close();
    return;
  }
  // Every IPv4 interface: Fastify alone would listen on localhost, out of reach from outside a container.
  await app.listen(config.port, '0.0.0.0');
  const url = await app.getUrl();
  logger.log({ message: `Actiontrail API listening on ${url} (store: ${config.eventStore}); docs at ${url}/docs`, url }, 'Main');
  announceAuthentication(logger, config);
}

main().catch((error: unknown) => {
  // Said plainly, without a stack: it is an instruction to the operator, not a fault.
  if (error instanceof DataFolderLockedError) {
    logFatal(error.message);
    process.exit(1);
  }
  const message =
    error instanceof ConfigError
      ? `Configuration error: ${error.message}`
      : error instanceof StartOptionsError
        ? `Usage error: ${error.message}`
        : `Start-up failed: ${String(error)}`;
  logFatal(message, error instanceof Error ? error.stack : undefined);
  process.exit(1);
});
