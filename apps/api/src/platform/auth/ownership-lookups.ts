import type { Ownership } from './access-decision.js';

/** Whether a person holds, now, the post that owns an action. Provided by the actions feature. */
export interface ActionOwnershipLookup {
  of(actionId: string, personId: string): Promise<Ownership>;
}

/** The action a metric snapshot was collated for: undefined when it was for none. Provided by the metric snapshots feature. */
export interface SnapshotActionLookup {
  actionOf(snapshotId: string): Promise<string | undefined | 'no-such-snapshot'>;
}

export const ACTION_OWNERSHIP_LOOKUP = Symbol('ACTION_OWNERSHIP_LOOKUP');
export const SNAPSHOT_ACTION_LOOKUP = Symbol('SNAPSHOT_ACTION_LOOKUP');
