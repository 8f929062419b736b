import { Injectable } from '@nestjs/common';
import { actionDecider, holdsPostOn, postDecider, streamIdFor } from '#domain';
import type { Ownership } from '../../platform/auth/access-decision.js';
import type { ActionOwnershipLookup } from '../../platform/auth/ownership-lookups.js';
import { AggregateStore } from '../shared/aggregate-store.js';
import { isUuid } from '../shared/uuid.js';

/**
 * Whether a person holds, now, the post that owns an action. Folded from the streams themselves rather than
 * the read models, which may lag: the owner post from the action's stream, its holder from the post's. Each is
 * read only past the state the aggregate store keeps for it, which the command that follows then starts from.
 */
@Injectable()
export class ActionOwnership implements ActionOwnershipLookup {
  constructor(private readonly aggregates: AggregateStore) {}

  async of(actionId: string, personId: string, now: Date = new Date()): Promise<Ownership> {
    // Never sent to the store: a NUL in it would be a database error (500) instead of "no such action".
    if (!isUuid(actionId)) return 'no-such-action';
    const action = (await this.aggregates.load(actionDecider, streamIdFor('action', actionId))).state;
    if (!action.exists) return 'no-such-action';
    return (await this.holds(action.ownerPostId, personId, now)) ? 'holder' : 'not-holder';
  }

  /** Whether the person holds the post today, by the post's own stream. */
  async holds(postId: string, personId: string, now: Date = new Date()): Promise<boolean> {
    const post = (await this.aggregates.load(postDecider, streamIdFor('post', postId))).state;
    return holdsPostOn(post, personId, now);
  }
}
