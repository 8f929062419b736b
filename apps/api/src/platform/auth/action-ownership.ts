import { Inject, Injectable } from '@nestjs/common';
import { actionDecider, type ActionEvent } from '../../../../../libs/domain/src/action/index.js';
import { postDecider, type PostEvent, type PostState } from '../../../../../libs/domain/src/directory/post/index.js';
import { metricSnapshotDecider, type MetricSnapshotEvent } from '../../../../../libs/domain/src/metric-snapshot/index.js';
import type { Decider } from '../../../../../libs/domain/src/shared/decider.js';
import { streamIdFor, type StreamCategory } from '../../../../../libs/domain/src/streams.js';
import type { EventStore } from '../../../../../libs/event-store/src/index.js';
import { EVENT_STORE } from '../tokens.js';
import type { Ownership } from './access-decision.js';

/** Action ids are UUIDs; the guard asks before any pipe has checked the route parameter. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const UK_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' });

/** `from` is a calendar date in UK time; an appointment that starts tomorrow does not count today. */
export function holdsPostOn(post: PostState, personId: string, now: Date): boolean {
  const holder = post.exists ? post.holder : undefined;
  return holder?.personId === personId && holder.from <= UK_DATE.format(now);
}

/**
 * Whether a person holds, now, the post that owns an action. Folded from the streams themselves rather than
 * the read models, which may lag: the owner post from the action's stream, its holder from the post's.
 */
@Injectable()
export class ActionOwnership {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async of(actionId: string, personId: string, now: Date = new Date()): Promise<Ownership> {
    // Never sent to the store: a NUL in it would be a database error (500) instead of "no such action".
    if (!UUID.test(actionId)) return 'no-such-action';
    const action = await this.fold(actionDecider, 'action', actionId);
    if (!action.exists) return 'no-such-action';
    return (await this.holds(action.ownerPostId, personId, now)) ? 'holder' : 'not-holder';
  }

  /** The action a metric snapshot was collated for: undefined when it was for none. */
  async actionOfSnapshot(snapshotId: string): Promise<string | undefined | 'no-such-snapshot'> {
    if (!UUID.test(snapshotId)) return 'no-such-snapshot';
    const snapshot = await this.fold(metricSnapshotDecider, 'metric', snapshotId);
    return snapshot.exists ? snapshot.actionId : 'no-such-snapshot';
  }

  /** Whether the person holds the post today, by the post's own stream. */
  async holds(postId: string, personId: string, now: Date = new Date()): Promise<boolean> {
    return holdsPostOn(await this.fold(postDecider, 'post', postId), personId, now);
  }

  private async fold<C, E extends ActionEvent | PostEvent | MetricSnapshotEvent, S>(decider: Decider<C, E, S>, category: StreamCategory, id: string): Promise<S> {
    const events = await this.store.readStream(streamIdFor(category, id));
    return events.reduce((state, event) => decider.evolve(state, { type: event.type, data: event.data } as unknown as E), decider.initialState());
  }
}
