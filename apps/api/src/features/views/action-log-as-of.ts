import { streamIdFor } from '#domain';
import type { EventStore, StoredEvent } from '#event-store';
import { ukDateOf } from '#domain';
import { projectInMemory, recordsProjection, recordsTables } from '#projections';

/** What of an action's log line changes over its life, as folded from its stream. */
export interface ActionAsItStood {
  readonly status: string;
  readonly ownerPostId: string;
  readonly dueMeetingId: string | null;
  readonly dueOn: string | null;
  readonly rag: string | null;
  readonly latestNote: string | null;
  readonly outcome: string | null;
  readonly signOffNote: string | null;
  readonly closedAt: string | null;
  readonly withdrawnAt: string | null;
}

/**
 * One action as it stood after these events of its stream, folded with the records projection's own (pure)
 * code. A due meeting's date is left to the caller (meetings are not in the stream): dueOn is then null.
 */
export function actionAsItStood(actionId: string, events: readonly StoredEvent[]): ActionAsItStood | undefined {
  const row = projectInMemory(recordsProjection, events).get(recordsTables.actions.name, actionId);
  if (!row) return undefined;
  const text = (value: unknown): string | null => (value === null || value === undefined ? null : String(value));
  return {
    status: String(row.status),
    ownerPostId: String(row.owner_post_id),
    dueMeetingId: text(row.due_meeting_id),
    dueOn: text(row.due_on),
    rag: text(row.rag),
    latestNote: text(row.latest_note),
    outcome: text(row.outcome),
    signOffNote: text(row.sign_off_note),
    closedAt: text(row.closed_at),
    withdrawnAt: text(row.withdrawn_at),
  };
}

/** Reads each action's stream up to `instant` (a few at a time) and folds it; a page of the log bounds the work. */
export async function actionsAsTheyStood(
  store: EventStore,
  actionIds: readonly string[],
  instant: Date,
): Promise<Map<string, ActionAsItStood>> {
  const stood = new Map<string, ActionAsItStood>();
  const CONCURRENT_READS = 8;
  for (let i = 0; i < actionIds.length; i += CONCURRENT_READS) {
    const chunk = actionIds.slice(i, i + CONCURRENT_READS);
    const streams = await Promise.all(chunk.map((id) => store.readStream(streamIdFor('action', id), { asOf: instant })));
    chunk.forEach((id, n) => {
      const action = actionAsItStood(id, streams[n] ?? []);
      if (action) stood.set(id, action);
    });
  }
  return stood;
}

export const ukDateOfInstant = (instant: string | null): string | null => (instant === null ? null : ukDateOf(instant));
