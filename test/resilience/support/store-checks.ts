import type { EventStore, VerifyResult } from '#event-store';
import { allEvents } from '../../system/projections/support/read-model-facts.js';
import type { Acknowledged } from './load-report.js';

export interface StoreAudit {
  readonly verify: VerifyResult;
  readonly events: number;
  readonly streams: number;
  /** Streams whose versions are not 1..n, or global positions that do not increase. */
  readonly gaps: readonly string[];
  readonly acknowledged: number;
  /** Acknowledged commands found in their stream at the version and position they were answered with. */
  readonly stored: number;
  readonly missing: readonly string[];
}

/**
 * The store after a run: its hash chains verify, every stream's versions run 1..n without a gap, and every
 * acknowledged command is in its stream at the version and global position the api answered.
 */
export async function auditStore(store: EventStore, acknowledged: readonly Acknowledged[]): Promise<StoreAudit> {
  const verify = await store.verify();
  const events = await allEvents(store);
  const gaps: string[] = [];
  const versions = new Map<string, number[]>();
  let previous = 0;
  for (const event of events) {
    if (event.globalPosition <= previous) gaps.push(`global position ${event.globalPosition} after ${previous}`);
    previous = event.globalPosition;
    const seen = versions.get(event.streamId) ?? [];
    seen.push(event.streamVersion);
    versions.set(event.streamId, seen);
  }
  for (const [streamId, seen] of versions) {
    const sorted = [...seen].sort((a, b) => a - b);
    if (sorted.some((version, index) => version !== index + 1)) gaps.push(`${streamId}: versions ${sorted.join(',')}`);
  }
  const missing: string[] = [];
  const byStream = new Map<string, Acknowledged[]>();
  for (const ack of acknowledged) {
    const acks = byStream.get(ack.streamId);
    if (acks) acks.push(ack);
    else byStream.set(ack.streamId, [ack]);
  }
  for (const [streamId, acks] of byStream) {
    const stream = await store.readStream(streamId);
    const positionAt = new Map(stream.map((event) => [event.streamVersion, event.globalPosition]));
    for (const ack of acks) {
      if (positionAt.get(ack.version) !== ack.position) {
        missing.push(
          `${ack.kind} ${streamId} v${ack.version} @${ack.position}: stored ${positionAt.has(ack.version) ? `@${positionAt.get(ack.version)}` : 'nothing'}`,
        );
      }
    }
  }
  return {
    verify,
    events: events.length,
    streams: versions.size,
    gaps,
    acknowledged: acknowledged.length,
    stored: acknowledged.length - missing.length,
    missing: missing.slice(0, 20),
  };
}
