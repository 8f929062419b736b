import type { EventPublisher, OutgoingMessage } from '#kafka-relay';

/** How the next publish fails: the broker refuses it, or it writes the batch and the acknowledgement is lost. */
export type PublishFailure = 'refuse' | 'lose-ack';

/** A broker in memory that records what it received and can be told to fail, or to be unreachable. */
export class RecordingPublisher implements EventPublisher {
  /** Everything the broker wrote, in order, including batches whose acknowledgement never arrived. */
  readonly delivered: OutgoingMessage[] = [];
  /** The batches the broker acknowledged, in order. */
  readonly acknowledgedBatches: OutgoingMessage[][] = [];
  /** While true, connecting and publishing fail as with a broker that is down. */
  down = false;
  attempts = 0;
  /** Runs inside each publish before the broker answers: a slow broker, or another relay acting meanwhile. */
  whilePublishing: (() => Promise<void>) | undefined;
  private readonly plannedFailures: PublishFailure[] = [];
  private hangNext = false;

  failNext(times: number, how: PublishFailure = 'refuse'): void {
    for (let i = 0; i < times; i++) this.plannedFailures.push(how);
  }

  /** The next publish never answers. */
  hangOnNext(): void {
    this.hangNext = true;
  }

  get acknowledged(): OutgoingMessage[] {
    return this.acknowledgedBatches.flat();
  }

  async connect(): Promise<void> {
    if (this.down) throw new Error('connect ECONNREFUSED (broker down)');
  }

  async publish(messages: readonly OutgoingMessage[]): Promise<void> {
    this.attempts += 1;
    if (this.down) throw new Error('broker down');
    if (this.hangNext) {
      this.hangNext = false;
      return new Promise<void>(() => undefined);
    }
    await this.whilePublishing?.();
    const failure = this.plannedFailures.shift();
    if (failure === 'refuse') throw new Error('broker refused the batch');
    this.delivered.push(...messages);
    if (failure === 'lose-ack') throw new Error('acknowledgement lost');
    this.acknowledgedBatches.push([...messages]);
  }
}

/** What a consumer that skips any version it has already applied for a key ends up applying, per key. */
export function appliedByDedupingConsumer(messages: readonly OutgoingMessage[]): Map<string, number[]> {
  const applied = new Map<string, number[]>();
  for (const message of messages) {
    const { streamVersion } = JSON.parse(message.value) as { streamVersion: number };
    const versions = applied.get(message.key) ?? [];
    if (streamVersion > (versions.at(-1) ?? 0)) versions.push(streamVersion);
    applied.set(message.key, versions);
  }
  return applied;
}

export function eventIdsOf(messages: readonly OutgoingMessage[]): string[] {
  return messages.map((message) => (JSON.parse(message.value) as { eventId: string }).eventId);
}
