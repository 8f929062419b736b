import { Inject, Injectable } from '@nestjs/common';
import { actionDecider, type ActionEvent } from '#domain';
import { holdsPostOn, postDecider, type PostEvent } from '#domain';
import { fold } from '#domain';
import { streamIdFor } from '#domain';
import type { EventStore } from '#event-store';
import { EVENT_STORE } from '../../platform/index.js';
import type { Ownership } from '../../platform/auth/access-decision.js';
import type { ActionOwnershipLookup } from '../../platform/auth/ownership-lookups.js';
import { domainEventsOf } from '../shared/domain-events.js';
import { isUuid } from '../shared/uuid.js';

/**
 * Whether a person holds, now, the post that owns an action. Folded from the streams themselves rather than
 * the read models, which may lag: the owner post from the action's stream, its holder from the post's.
 */
@Injectable()
export class ActionOwnership implements ActionOwnershipLookup {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async of(actionId: string, personId: string, now: Date = new Date()): Promise<Ownership> {
    // Never sent to the store: a NUL in it would be a database error (500) instead of "no such action".
    if (!isUuid(actionId)) return 'no-such-action';
    const action = fold(actionDecider, domainEventsOf<ActionEvent>(await this.store.readStream(streamIdFor('action', actionId))));
    if (!action.exists) return 'no-such-action';
    return (await this.holds(action.ownerPostId, personId, now)) ? 'holder' : 'not-holder';
  }

  /** Whether the person holds the post today, by the post's own stream. */
  async holds(postId: string, personId: string, now: Date = new Date()): Promise<boolean> {
    const post = fold(postDecider, domainEventsOf<PostEvent>(await this.store.readStream(streamIdFor('post', postId))));
    return holdsPostOn(post, personId, now);
  }
}
