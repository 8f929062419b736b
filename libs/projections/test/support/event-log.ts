import type { DomainEvent } from '#domain';
import type { EventMetadata, StoredEvent } from '#event-store';

/** Positions as the SQL store makes them: (transaction id << 12) + index, so increasing but not dense. */
const POSITIONS_PER_APPEND = 4096;
const START = Date.parse('2017-01-16T18:00:00Z');

type AnyEvent = DomainEvent | { readonly type: string; readonly data: Record<string, unknown> };

export interface AppendOptions {
  readonly metadata?: EventMetadata;
  readonly schemaVersion?: number;
}

/** Builds the stored events a projection is given: stream versions per stream, global positions, a clock a minute apart. */
export class EventLog {
  readonly events: StoredEvent[] = [];
  private readonly versions = new Map<string, number>();
  private transaction = 100;

  append(streamId: string, event: AnyEvent, options: AppendOptions = {}): StoredEvent {
    const streamVersion = (this.versions.get(streamId) ?? 0) + 1;
    this.versions.set(streamId, streamVersion);
    this.transaction += 3;
    const n = this.events.length + 1;
    const stored: StoredEvent = {
      eventId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
      streamId,
      streamVersion,
      globalPosition: this.transaction * POSITIONS_PER_APPEND,
      type: event.type,
      schemaVersion: options.schemaVersion ?? 1,
      data: event.data as Record<string, unknown>,
      metadata: options.metadata ?? {},
      recordedAt: new Date(START + n * 60_000),
      hash: `hash-${n}`,
      prevHash: streamVersion === 1 ? null : `hash-of-${streamId}-${streamVersion - 1}`,
    };
    this.events.push(stored);
    return stored;
  }

  /** Appends to the aggregate's stream: `<category>-<id>`. */
  to(category: string, id: string, event: AnyEvent, options?: AppendOptions): StoredEvent {
    return this.append(`${category}-${id}`, event, options);
  }
}
