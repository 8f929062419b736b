import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { actionDecider, type ActionEvent, type ActionRecord } from '../../../../../libs/domain/src/action/index.js';
import { personDecider } from '../../../../../libs/domain/src/directory/person/index.js';
import { postDecider } from '../../../../../libs/domain/src/directory/post/index.js';
import { meetingDecider } from '../../../../../libs/domain/src/meeting/index.js';
import { resolutionDecider } from '../../../../../libs/domain/src/resolution/index.js';
import { notFound } from '../../../../../libs/domain/src/shared/errors.js';
import { streamIdFor } from '../../../../../libs/domain/src/streams.js';
import type { EventStore } from '../../../../../libs/event-store/src/index.js';
import { EVENT_STORE } from '../../platform/index.js';
import { AggregateStore } from '../shared/aggregate-store.js';
import { Clock } from '../shared/clock.js';
import { daysBetween, dueDateOf, ukDateOf } from './due-date.js';

export interface ActionView extends Omit<ActionRecord, 'exists'> {
  readonly version: number;
  readonly owner: { postId: string; title?: string; holder?: { personId: string; name?: string } };
  readonly dueOn?: string;
  readonly overdue: boolean;
  readonly daysOverdue: number;
  readonly origin: { resolutionId: string; meetingId: string; partLabel?: string; partText?: string };
  readonly updates: readonly { note: string; rag?: string; reportedAt: string; reportedBy?: string }[];
  readonly chases: readonly { note?: string; chasedAt: string; chaseNumber: number }[];
  readonly history: readonly { type: string; at: string; version: number }[];
}

export class GetActionQuery extends Query<ActionView> {
  constructor(readonly actionId: string) {
    super();
  }
}

/** Folds the action's stream and the streams it points at; replaced by the read models later. */
@QueryHandler(GetActionQuery)
export class GetActionHandler implements IQueryHandler<GetActionQuery> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly aggregates: AggregateStore,
    private readonly clock: Clock,
  ) {}

  async execute({ actionId }: GetActionQuery): Promise<ActionView> {
    const stored = await this.store.readStream(streamIdFor('action', actionId));
    const events = stored.map((e) => ({ type: e.type, data: e.data }) as unknown as ActionEvent);
    const state = events.reduce(actionDecider.evolve, actionDecider.initialState());
    if (!state.exists) throw notFound('action-not-found', `Action ${actionId} does not exist`, { actionId });
    const { exists: _exists, ...action } = state;
    const [post, resolution, dueMeeting] = await Promise.all([
      this.aggregates.load(postDecider, streamIdFor('post', action.ownerPostId)),
      this.aggregates.load(resolutionDecider, streamIdFor('resolution', action.resolutionId)),
      action.due.dueMeetingId ? this.aggregates.load(meetingDecider, streamIdFor('meeting', action.due.dueMeetingId)) : undefined,
    ]);
    const holder = post.state.exists ? post.state.holder : undefined;
    const person = holder ? (await this.aggregates.load(personDecider, streamIdFor('person', holder.personId))).state : undefined;
    const dueOn = dueDateOf(action.due, dueMeeting?.state.exists ? dueMeeting.state.startsAt : undefined);
    const today = ukDateOf(this.clock.now());
    const daysOverdue = action.status === 'open' && dueOn ? Math.max(0, daysBetween(dueOn, today)) : 0;
    const part = resolution.state.exists ? resolution.state.parts.find((p) => p.label === action.partLabel) : undefined;
    return {
      ...action,
      version: stored.at(-1)?.streamVersion ?? 0,
      owner: {
        postId: action.ownerPostId,
        ...(post.state.exists ? { title: post.state.title } : {}),
        ...(holder ? { holder: { personId: holder.personId, ...(person?.exists ? { name: person.name } : {}) } } : {}),
      },
      ...(dueOn ? { dueOn } : {}),
      overdue: daysOverdue > 0,
      daysOverdue,
      origin: { resolutionId: action.resolutionId, meetingId: action.meetingId, ...(action.partLabel ? { partLabel: action.partLabel } : {}), ...(part ? { partText: part.text } : {}) },
      updates: events.flatMap((e) => (e.type === 'ActionProgressReported' ? [e.data] : [])),
      chases: events.flatMap((e) => (e.type === 'ActionChased' ? [e.data] : [])),
      history: stored.map((e) => ({ type: e.type, at: e.recordedAt.toISOString(), version: e.streamVersion })),
    };
  }
}
