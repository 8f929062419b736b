import type { EventStore, VerifyResult } from '#event-store';
import { VerifyEventStoreHandler, VerifyEventStoreQuery } from '../../src/features/audit/verify-event-store.query.js';

describe('GET /audit/verify over a store that met events it did not write', () => {
  it('given KurrentDB verify listed foreign events, when the audit asks, then the answer carries their count and the first', async () => {
    const first = { streamId: 'thing-9', streamVersion: 1, eventId: 'e-1', globalPosition: 42, type: 'WrittenAroundTheStore' };
    const verified: VerifyResult = { ok: true, checkedEvents: 10, checkedStreams: 3, foreignEvents: { count: 2, first } };
    const store = { verify: () => Promise.resolve(verified) } as unknown as EventStore;
    const result = await new VerifyEventStoreHandler(store).execute(new VerifyEventStoreQuery());
    expect(result).toEqual({ ok: true, checkedEvents: 10, checkedStreams: 3, foreignEvents: { count: 2, first } });
  });
});
