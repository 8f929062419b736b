import type { StreamHead } from './append-statement.js';

/**
 * The hash of a stream's event at a given version never changes, so remembering the last (version, hash)
 * this process read or wrote lets an append at that version skip reading the head. Bounded, oldest out.
 */
export class StreamHeadCache {
  private readonly heads = new Map<string, StreamHead>();

  constructor(private readonly capacity = 10_000) {}

  get(streamId: string): StreamHead | undefined {
    return this.heads.get(streamId);
  }

  remember(streamId: string, head: StreamHead): void {
    this.heads.delete(streamId);
    this.heads.set(streamId, head);
    if (this.heads.size > this.capacity) {
      const oldest = this.heads.keys().next().value;
      if (oldest !== undefined) this.heads.delete(oldest);
    }
  }

  /** A read's head: an append may have stored a later one while the read was answered, and heads never go back. */
  rememberIfNewer(streamId: string, head: StreamHead): void {
    const known = this.heads.get(streamId);
    if (!known || known.version < head.version) this.remember(streamId, head);
  }

  forget(streamId: string): void {
    this.heads.delete(streamId);
  }
}
