import { auditEventsTable, auditLogProjection } from '../src/audit-log/audit-log.projection.js';
import { projectInMemory } from '../src/engine/project-in-memory.js';
import { EventLog } from './support/event-log.js';
import { assign, recordsWorld } from './support/records-world.js';

describe('audit-log projection', () => {
  it('given any event, then one row with who wrote it, in which request, and the event itself', () => {
    const log = new EventLog();
    const metadata = {
      actor: { id: 'p-7', name: 'Angela Claridge', roles: ['scrutiny', 'admin'] },
      correlationId: 'corr-1',
      requestId: 'req-1',
      causationId: 'cmd-1',
    };
    const event = log.to(
      'committee',
      'c-1',
      { type: 'CommitteeCreated', data: { committeeId: 'c-1', name: 'C', kind: 'other', createdAt: '2017-01-01T00:00:00Z' } },
      { metadata, schemaVersion: 2 },
    );
    expect(projectInMemory(auditLogProjection, log.events).all(auditEventsTable.name)).toEqual([
      {
        global_position: event.globalPosition,
        event_id: event.eventId,
        stream_id: 'committee-c-1',
        stream_version: 1,
        type: 'CommitteeCreated',
        schema_version: 2,
        actor_id: 'p-7',
        actor_name: 'Angela Claridge',
        actor_roles: ['scrutiny', 'admin'],
        correlation_id: 'corr-1',
        request_id: 'req-1',
        recorded_at: event.recordedAt.toISOString(),
        data: event.data,
        metadata,
        hash: event.hash,
      },
    ]);
  });

  it('given an event written outside a request, then null actor and ids, and no roles', () => {
    const log = new EventLog();
    log.append('thing-1', { type: 'ThingHappened', data: { n: 1 } });
    expect(projectInMemory(auditLogProjection, log.events).all(auditEventsTable.name)).toEqual([
      expect.objectContaining({
        type: 'ThingHappened',
        actor_id: null,
        actor_name: null,
        actor_roles: [],
        correlation_id: null,
        request_id: null,
        metadata: {},
      }),
    ]);
  });

  it('keeps every event of every type, in log order, and reads no row back (append-only)', () => {
    const log = recordsWorld();
    assign(log, 'a-1');
    log.append('thing-1', { type: 'ThingHappened', data: {} });
    const rows = projectInMemory(auditLogProjection, log.events).all(auditEventsTable.name);
    expect(rows.map((row) => [row.global_position, row.stream_id, row.stream_version, row.type])).toEqual(
      log.events.map((e) => [e.globalPosition, e.streamId, e.streamVersion, e.type]),
    );
    expect(auditEventsTable.appendOnly).toBe(true);
    expect(log.events.flatMap((e) => auditLogProjection.touches(e))).toEqual([]);
  });
});
