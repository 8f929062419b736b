import { meetingDecider } from '#domain';
import { streamIdFor } from '#domain';
import type { AggregateStore } from '../shared/aggregate-store.js';

/** Looks up a meeting another stream names, for the decider's facts. */
export async function meetingFacts(aggregates: AggregateStore, meetingId: string | undefined) {
  return meetingId ? (await aggregates.load(meetingDecider, streamIdFor('meeting', meetingId))).state : undefined;
}
