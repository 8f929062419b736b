import type { INestApplicationContext, LoggerService } from '@nestjs/common';
import type { EventStore } from '#event-store';
import { EVENT_STORE } from '../platform/index.js';
import { describeDemoOutcome, loadDemo } from './load-demo.js';
import type { DemoMode } from './start-options.js';

const CONTEXT = 'Demo';

/** Runs after the app has initialised and before it listens, so the first request already sees the demo. */
export async function loadDemoAtStart(app: INestApplicationContext, mode: DemoMode, logger: LoggerService): Promise<void> {
  switch (mode) {
    case 'skip':
      return;
    case 'load-if-empty': {
      const store = app.get<EventStore>(EVENT_STORE);
      const { events } = await store.readAll(0, 1);
      if (events.length > 0) {
        logger.log({ message: 'The event store already holds events: demo data not loaded (use --demo to load it anyway)' }, CONTEXT);
        return;
      }
      logger.log({ message: 'The event store is empty: loading the demo data (start with --no-demo to skip it)' }, CONTEXT);
      break;
    }
    case 'load':
      logger.log({ message: 'Loading the demo data (--demo)' }, CONTEXT);
      break;
    default: {
      const _exhaustive: never = mode;
      return _exhaustive;
    }
  }
  const outcome = await loadDemo(app);
  logger.log({ message: describeDemoOutcome(outcome), demo: outcome }, CONTEXT);
}
