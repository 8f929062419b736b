import { END, excludeSystemEvents, type AllStreamSubscription, type KurrentDBClient } from '@kurrent/kurrentdb-client';

/**
 * Follows the end of $all (system events filtered out by the server) and calls `onAppend` for every event any
 * process writes. When the subscription fails it is opened again after a pause; the wake-up sent then lets
 * waiting readers re-read whatever was appended in between.
 */
export class AppendWatcher {
  private subscription: AllStreamSubscription | undefined;
  private retryTimer: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(
    private readonly client: KurrentDBClient,
    private readonly onAppend: () => void,
    private readonly retryDelayMs = 1_000,
  ) {}

  start(): void {
    if (this.stopped || this.subscription) return;
    const subscription = this.client.subscribeToAll({ fromPosition: END, filter: excludeSystemEvents() });
    this.subscription = subscription;
    subscription.on('data', () => this.onAppend());
    subscription.on('error', () => this.reopenLater(subscription));
    subscription.on('end', () => this.reopenLater(subscription));
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    const subscription = this.subscription;
    this.subscription = undefined;
    await subscription?.unsubscribe().catch(() => undefined);
  }

  private reopenLater(failed: AllStreamSubscription): void {
    if (this.subscription !== failed || this.stopped) return;
    this.subscription = undefined;
    void failed.unsubscribe().catch(() => undefined);
    this.retryTimer = setTimeout(() => {
      this.start();
      this.onAppend();
    }, this.retryDelayMs);
    this.retryTimer.unref();
  }
}
