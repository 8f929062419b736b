import type { Logger } from '@nestjs/common';
import { Counter, type Registry } from 'prom-client';
import type { ForeignEvent } from '#event-store';

export const FOREIGN_EVENTS_METRIC = 'event_store_foreign_events_skipped_total';

/**
 * Where the KurrentDB store reports an event it skipped because it did not write it (no envelope): a warning naming
 * it, and a counter an alert can watch, since nothing else shows that part of the log is being passed over.
 */
export function foreignEventSink(registry: Registry, logger: Pick<Logger, 'warn'>): (event: ForeignEvent) => void {
  const existing = registry.getSingleMetric(FOREIGN_EVENTS_METRIC);
  const skipped =
    existing instanceof Counter
      ? existing
      : new Counter({
          name: FOREIGN_EVENTS_METRIC,
          help: 'Events in the log that the event store did not write (no envelope), skipped by its readers',
          registers: [registry],
        });
  return (event) => {
    skipped.inc();
    logger.warn(
      `Skipped event ${event.eventId} (${event.type}) at version ${event.streamVersion} of stream ${event.streamId}, ` +
        `position ${event.globalPosition}: it was not written by this event store, so no projection sees it`,
    );
  };
}
