import { meetingDecider } from '../../../../../libs/domain/src/meeting/index.js';
import { streamIdFor } from '../../../../../libs/domain/src/streams.js';
import type { AggregateStore } from '../shared/aggregate-store.js';

/** Looks up a meeting another stream names, for the decider's facts. */
export async function meetingFacts(aggregates: AggregateStore, meetingId: string | undefined) {
  return meetingId ? (await aggregates.load(meetingDecider, streamIdFor('meeting', meetingId))).state : undefined;
}
