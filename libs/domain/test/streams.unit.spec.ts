import { domainEventTypes, eventTypesByCategory, isDomainEvent } from '../src/events.js';
import { categoryOf, categoryOfAggregate, idOf, isStreamCategory, streamCategories, streamIdFor } from '../src/streams.js';

describe('streams', () => {
  const uuid = '0f8fad5b-d9cb-469f-a165-70867728950e';

  it('builds stream ids as category-id', () => {
    expect(streamIdFor('action', uuid)).toBe(`action-${uuid}`);
    expect(streamIdFor(categoryOfAggregate['metric-snapshot'], uuid)).toBe(`metric-${uuid}`);
  });

  it('takes the category from before the first dash, even when the id holds dashes', () => {
    expect(categoryOf(`action-${uuid}`)).toBe('action');
    expect(categoryOf(`metric-${uuid}`)).toBe('metric');
    expect(idOf(`resolution-${uuid}`)).toBe(uuid);
  });

  it('treats a stream id without a dash as all category, no id', () => {
    expect(categoryOf('audit')).toBe('audit');
    expect(idOf('audit')).toBe('');
  });

  it('round-trips every category', () => {
    for (const category of streamCategories) {
      const streamId = streamIdFor(category, uuid);
      expect(isStreamCategory(categoryOf(streamId))).toBe(true);
      expect(categoryOf(streamId)).toBe(category);
      expect(idOf(streamId)).toBe(uuid);
    }
    expect(isStreamCategory('meetings')).toBe(false);
  });

  it('knows every event type once, by category', () => {
    expect(new Set(domainEventTypes).size).toBe(domainEventTypes.length);
    expect(Object.keys(eventTypesByCategory).sort()).toEqual([...streamCategories].sort());
    expect(isDomainEvent({ type: 'ActionChased' })).toBe(true);
    expect(isDomainEvent({ type: 'ActionDeleted' })).toBe(false);
  });
});
