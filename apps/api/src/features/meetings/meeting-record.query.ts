import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { actionDecider, type ActionRecord } from '../../../../../libs/domain/src/action/index.js';
import { meetingDecider, type MeetingState } from '../../../../../libs/domain/src/meeting/index.js';
import { resolutionDecider, type ResolutionRecord } from '../../../../../libs/domain/src/resolution/index.js';
import type { Decider } from '../../../../../libs/domain/src/shared/decider.js';
import { streamIdFor } from '../../../../../libs/domain/src/streams.js';
import type { SqlDatabase } from '../../../../../libs/event-store/src/index.js';
import { SQL_DATABASE } from '../../platform/index.js';
import { AggregateStore, type Loaded } from '../shared/aggregate-store.js';

type Folded<R> = Omit<R, 'exists'> & { readonly version: number };

export interface MeetingRecordSources {
  readonly meeting: Loaded<MeetingState>;
  /** In the order they were passed. */
  readonly resolutions: readonly Folded<ResolutionRecord>[];
  /** The actions arising at this meeting, in the order they were assigned. */
  readonly actions: readonly Folded<ActionRecord>[];
}

export class GetMeetingRecordQuery extends Query<MeetingRecordSources> {
  constructor(readonly meetingId: string) {
    super();
  }
}

/**
 * Stopgap until read models exist: finds the meeting's resolutions and actions by scanning the
 * events table for the events that name the meeting, then folds each stream. Replace with a projection.
 */
@QueryHandler(GetMeetingRecordQuery)
export class GetMeetingRecordHandler implements IQueryHandler<GetMeetingRecordQuery> {
  constructor(
    private readonly aggregates: AggregateStore,
    @Inject(SQL_DATABASE) private readonly db: SqlDatabase,
  ) {}

  async execute({ meetingId }: GetMeetingRecordQuery): Promise<MeetingRecordSources> {
    const meeting = await this.aggregates.load(meetingDecider, streamIdFor('meeting', meetingId));
    if (!meeting.state.exists) return { meeting, resolutions: [], actions: [] };
    const [resolutions, actions] = await Promise.all([
      this.foldStreamsNaming(meetingId, 'ResolutionPassed', resolutionDecider),
      this.foldStreamsNaming(meetingId, 'ActionAssigned', actionDecider),
    ]);
    return { meeting, resolutions, actions };
  }

  private async foldStreamsNaming<C, E extends { readonly type: string; readonly data: object }, R extends { readonly exists: true }>(
    meetingId: string,
    eventType: string,
    decider: Decider<C, E, { readonly exists: false } | R>,
  ): Promise<Folded<R>[]> {
    const { rows } = await this.db.query<{ stream_id: string }>(
      `SELECT stream_id FROM events WHERE type = $1 AND data->>'meetingId' = $2 GROUP BY stream_id ORDER BY min(global_position)`,
      [eventType, meetingId],
    );
    const loaded = await Promise.all(rows.map((row) => this.aggregates.load(decider, row.stream_id)));
    return loaded.flatMap(({ state, version }) => {
      if (!state.exists) return [];
      const { exists: _exists, ...record } = state;
      return [{ ...record, version } as Folded<R>];
    });
  }
}
