/**
 * Runs work one at a time per key, in arrival order. Commands on one stream from one process then queue
 * rather than race each other to the append and spend their retries; other processes can still race, and
 * the conditional append settles those.
 */
export class KeyedSerializer {
  private readonly tails = new Map<string, Promise<unknown>>();

  run<T>(key: string, work: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const result = previous.then(work);
    const tail = result.catch(() => undefined);
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }

  /** Keys with work queued or running. */
  get busyKeys(): number {
    return this.tails.size;
  }
}
