import 'reflect-metadata';
import { createApp } from './app.factory.js';
import { ConfigError, loadAppConfig } from './config/app-config.js';
import { loadDemoAtStart } from './demo/demo-at-start.js';
import { parseStartOptions, StartOptionsError } from './demo/start-options.js';
import { announceAuthentication } from './platform/auth/startup-hint.js';
import { JsonLogger } from './platform/logging/json-logger.js';

async function main(): Promise<void> {
  const config = loadAppConfig();
  const options = parseStartOptions(process.argv.slice(2), config.eventStore);
  const logger = new JsonLogger({ level: config.logLevel });
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
  await app.listen(config.port);
  const url = await app.getUrl();
  logger.log({ message: `Actiontrail API listening on ${url} (store: ${config.eventStore}); docs at ${url}/docs`, url }, 'Main');
  announceAuthentication(logger, config);
}

main().catch((error: unknown) => {
  const message = error instanceof ConfigError ? `Configuration error: ${error.message}`
    : error instanceof StartOptionsError ? `Usage error: ${error.message}`
      : `Start-up failed: ${String(error)}`;
  process.stderr.write(`${JSON.stringify({ level: 'fatal', time: new Date().toISOString(), message, stack: error instanceof Error ? error.stack : undefined })}\n`);
  process.exit(1);
});
