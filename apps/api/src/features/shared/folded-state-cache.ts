/** A stream's state folded from its first `version` events, by the decider that folded it. */
export interface FoldedState<S> {
  readonly decider: object;
  readonly state: S;
  readonly version: number;
}

/** Streams whose folded state is kept: a few MB of small records, so the process's RSS stays low. */
export const FOLDED_STATES_KEPT = 4_096;

/**
 * The latest folded state of recently used streams, least recently used first out. A stream's events never
 * change once stored, so a state folded at version v stays the fold of its first v events; what the cache may
 * not know is whether the stream has moved past v. Callers therefore use an entry only as the starting point
 * of a read of the events after it, or as the expected version of a conditional append, which fails if the
 * stream has moved on.
 */
export class FoldedStateCache {
  private readonly entries = new Map<string, FoldedState<unknown>>();

  constructor(private readonly capacity = FOLDED_STATES_KEPT) {}

  get<S>(streamId: string, decider: object): FoldedState<S> | undefined {
    const entry = this.entries.get(streamId);
    if (!entry || entry.decider !== decider) return undefined;
    this.entries.delete(streamId);
    this.entries.set(streamId, entry);
    return entry as FoldedState<S>;
  }

  /** Keeps the state unless a later one is kept already (a slower reader must not put an older state back). */
  remember<S>(streamId: string, entry: FoldedState<S>): void {
    const kept = this.entries.get(streamId);
    if (kept && kept.decider === entry.decider && kept.version > entry.version) return;
    this.entries.delete(streamId);
    this.entries.set(streamId, entry);
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
  }

  get size(): number {
    return this.entries.size;
  }
}
