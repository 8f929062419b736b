import { Injectable } from '@nestjs/common';
import type { Actor } from '../../platform/index.js';
import { ActionOwnership } from '../actions/action-ownership.js';
import { forbidden } from '../../platform/auth/auth-problems.js';
import type { Role } from '../../platform/auth/roles.js';
import { ACTING_FOR_ANY_OWNER } from '../actions/action-writer.js';

/**
 * Figures an action asked for may be recorded and corrected by the officer holding, now, the post that owns it (the
 * officer the resolution instructed to collate them); staff may record any. The route's guard checked this already;
 * the handler checks again inside the decision, against the snapshot (and its action) as loaded for it.
 */
@Injectable()
export class CollatorOwnership {
  constructor(private readonly ownership: ActionOwnership) {}

  async assertMayRecordFor(actor: Actor | undefined, actionId: string | undefined, now: string): Promise<void> {
    if (!actor || actor.roles.some((role) => (ACTING_FOR_ANY_OWNER as readonly Role[]).includes(role))) return;
    if (actionId === undefined) throw forbidden('An officer may record figures only for an action their post owns, named in actionId');
    // An action that does not exist is left to the decider, which names it (404).
    if ((await this.ownership.of(actionId, actor.id, new Date(now))) === 'not-holder') {
      throw forbidden(`You do not hold the post that owns action ${actionId}`);
    }
  }
}
