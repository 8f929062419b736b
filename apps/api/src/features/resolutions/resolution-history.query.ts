import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { isResolutionEvent, type ResolutionEvent, type ResolutionPart } from '#domain';
import { notFound } from '#domain';
import { streamIdFor } from '#domain';
import type { EventStore } from '#event-store';
import { EVENT_STORE } from '../../platform/index.js';

/** One wording of the resolution: as passed, or as a correction left it. */
export interface ResolutionWording {
  readonly version: number;
  readonly change: 'passed' | 'corrected';
  readonly parts: readonly ResolutionPart[];
  /** When it happened: the meeting, for the wording passed; when it was corrected, for a correction. */
  readonly at: string;
  /** When the store recorded it; what `?asOf=` compares against. */
  readonly recordedAt: string;
  readonly reason?: string;
}

export interface ResolutionHistory {
  readonly resolutionId: string;
  readonly version: number;
  readonly wordings: readonly ResolutionWording[];
}

export class GetResolutionHistoryQuery extends Query<ResolutionHistory> {
  constructor(readonly resolutionId: string) {
    super();
  }
}

const wordingOf = (event: ResolutionEvent, version: number, recordedAt: Date): ResolutionWording =>
  event.type === 'ResolutionPassed'
    ? { version, change: 'passed', parts: event.data.parts, at: event.data.meetingStartsAt, recordedAt: recordedAt.toISOString() }
    : {
        version,
        change: 'corrected',
        parts: event.data.parts,
        at: event.data.correctedAt,
        recordedAt: recordedAt.toISOString(),
        reason: event.data.reason,
      };

/** Reads the stream itself rather than the folded state, which keeps only the latest wording. */
@QueryHandler(GetResolutionHistoryQuery)
export class GetResolutionHistoryHandler implements IQueryHandler<GetResolutionHistoryQuery> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ resolutionId }: GetResolutionHistoryQuery): Promise<ResolutionHistory> {
    const events = await this.store.readStream(streamIdFor('resolution', resolutionId));
    const wordings = events.flatMap((stored) => {
      const event = { type: stored.type, data: stored.data };
      return isResolutionEvent(event) ? [wordingOf(event as ResolutionEvent, stored.streamVersion, stored.recordedAt)] : [];
    });
    if (wordings.length === 0) throw notFound('resolution-not-found', `Resolution ${resolutionId} does not exist`, { resolutionId });
    return { resolutionId, version: events.at(-1)?.streamVersion ?? 0, wordings };
  }
}
