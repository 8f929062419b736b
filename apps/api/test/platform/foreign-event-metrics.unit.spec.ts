import { Registry } from 'prom-client';
import { FOREIGN_EVENTS_METRIC, foreignEventSink } from '#runtime';

const event = { streamId: 'thing-9', streamVersion: 1, eventId: 'e-1', globalPosition: 42, type: 'WrittenAroundTheStore' };

describe('reporting events the store skipped because it did not write them', () => {
  it('counts each one on the api registry and warns naming the event and where it is', async () => {
    // Given the api registry and a logger
    const registry = new Registry();
    const warnings: string[] = [];
    const report = foreignEventSink(registry, { warn: (message: string) => warnings.push(message) });
    // When the store reports two skipped events
    report(event);
    report({ ...event, globalPosition: 43 });
    // Then the counter reads 2 and each is named in a warning
    expect(await registry.getSingleMetricAsString(FOREIGN_EVENTS_METRIC)).toMatch(new RegExp(`^${FOREIGN_EVENTS_METRIC} 2$`, 'm'));
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toMatch(/e-1 \(WrittenAroundTheStore\) at version 1 of stream thing-9, position 42/);
  });

  it('shares one counter when a second sink is made on the same registry', async () => {
    const registry = new Registry();
    foreignEventSink(registry, { warn: () => undefined })(event);
    foreignEventSink(registry, { warn: () => undefined })(event);
    expect(await registry.getSingleMetricAsString(FOREIGN_EVENTS_METRIC)).toMatch(new RegExp(`^${FOREIGN_EVENTS_METRIC} 2$`, 'm'));
  });
});
