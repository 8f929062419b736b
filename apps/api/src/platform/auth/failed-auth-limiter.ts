const WINDOW_MS = 60_000;
/** Bounds memory when many addresses fail: the least recently failing ones are forgotten first. */
const MAX_TRACKED_CLIENTS = 10_000;

/**
 * A sliding-window count of refused tokens per client address, in memory (per process). Only the last
 * `limit` failure times of each client are kept: that is all the window needs to answer.
 */
export class FailedAuthenticationLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly limit: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Seconds until the client may present a token again; 0 when it may now. */
  retryAfterSeconds(client: string): number {
    const recent = this.recent(client);
    const oldest = recent[0];
    if (recent.length < this.limit || oldest === undefined) return 0;
    return Math.max(1, Math.ceil((oldest + WINDOW_MS - this.now()) / 1000));
  }

  recordFailure(client: string): void {
    const recent = this.recent(client);
    recent.push(this.now());
    if (recent.length > this.limit) recent.splice(0, recent.length - this.limit);
    this.failures.delete(client);
    this.failures.set(client, recent);
    if (this.failures.size > MAX_TRACKED_CLIENTS) {
      const leastRecent = this.failures.keys().next().value;
      if (leastRecent !== undefined) this.failures.delete(leastRecent);
    }
  }

  private recent(client: string): number[] {
    const since = this.now() - WINDOW_MS;
    const recent = (this.failures.get(client) ?? []).filter((at) => at > since);
    if (recent.length === 0) this.failures.delete(client);
    return recent;
  }
}
