import { leaderLockFor, type LeaderLock } from '#projections';
import { readCheckpoint, SqlEventStore, type EventStore, type SqlDatabase, type StoredEvent } from '#event-store';
import type { EventPublisher } from './event-publisher.port.js';
import { DEFAULT_KAFKA_TOPIC_PREFIX } from './kafka-config.js';
import { messageFor } from './kafka-envelope.js';
import { moveRelayCheckpoint, RelayCheckpointMovedError } from './relay-checkpoint.js';
import { backoffDelayMs, DEFAULT_BACKOFF, StopSignal, withTimeout, type BackoffPolicy } from './relay-timing.js';

export const KAFKA_RELAY_CHECKPOINT = 'kafka-relay';

/** Counting further than this for /health would cost more than the number is worth. */
const EVENTS_BEHIND_COUNT_LIMIT = 10_000;

export interface KafkaRelayOptions {
  readonly store: EventStore;
  /** Holds the relay's checkpoint. */
  readonly checkpoints: SqlDatabase;
  readonly publisher: EventPublisher;
  readonly topicPrefix?: string;
  readonly checkpointName?: string;
  readonly batchSize?: number;
  readonly idleWaitMs?: number;
  /** Longest the relay waits for the broker to acknowledge a batch before it sends the batch again. */
  readonly publishTimeoutMs?: number;
  readonly backoff?: Partial<BackoffPolicy>;
  readonly onError?: (error: unknown, status: KafkaRelayStatus) => void;
}

export interface KafkaRelayStatus {
  readonly running: boolean;
  /** Failed attempts since the last batch the broker acknowledged; 0 while healthy. */
  readonly consecutiveFailures: number;
  readonly lastError: string | undefined;
  readonly lastFailureAt: Date | undefined;
  readonly lastPublishedAt: Date | undefined;
  /** Events this instance has had acknowledged. */
  readonly publishedEvents: number;
}

export interface KafkaRelayLag {
  readonly headPosition: number;
  readonly checkpoint: number;
  /** Head position minus checkpoint: positions are not dense, so this is a distance, not a count. */
  readonly lagPositions: number;
  /** Undefined when the store cannot count cheaply (not a SQL store). */
  readonly eventsBehind: number | undefined;
  /** True when eventsBehind stopped counting at its limit. */
  readonly eventsBehindIsLowerBound: boolean;
}

/** How long a relay that found another one publishing waits before it tries to lead again. */
const STAND_DOWN_MS = 1_000;

/**
 * Publishes the global log to Kafka, at least once and in log order. A batch is published with no transaction
 * open (on PGlite a transaction holds the only connection, so a slow broker would stall every append), and the
 * checkpoint then moves only from the value this relay read, once the broker has acknowledged the whole batch.
 * A failed publish leaves it where it was, so the same batch is sent again; if another relay moved it, this one
 * stands down. Consumers dedupe by eventId.
 */
export class KafkaRelay {
  private readonly batchSize: number;
  /** The checkpoint as this relay last read or moved it; undefined after a failure, to be read again. */
  private position: number | undefined;
  private readonly backoff: BackoffPolicy;
  private readonly checkpointName: string;
  private readonly leader: LeaderLock;
  private loop: Promise<void> | undefined;
  private stopSignal = new StopSignal();
  private running = false;
  private consecutiveFailures = 0;
  private lastError: string | undefined;
  private lastFailureAt: Date | undefined;
  private lastPublishedAt: Date | undefined;
  private publishedEvents = 0;

  constructor(private readonly options: KafkaRelayOptions) {
    this.checkpointName = options.checkpointName ?? KAFKA_RELAY_CHECKPOINT;
    this.leader = leaderLockFor(options.checkpoints, this.checkpointName);
    this.backoff = { ...DEFAULT_BACKOFF, ...options.backoff };
    this.batchSize = options.batchSize ?? 200;
  }

  /**
   * Publishes at most one batch; answers how many events the broker acknowledged. Rejects when it fails, and
   * with RelayCheckpointMovedError (not counted as a broker failure) when another relay moved the checkpoint.
   */
  async runOnce(): Promise<number> {
    try {
      await this.options.publisher.connect?.();
      const published = await this.publishNextBatch();
      this.consecutiveFailures = 0;
      this.lastError = undefined;
      if (published > 0) {
        this.publishedEvents += published;
        this.lastPublishedAt = new Date();
      }
      return published;
    } catch (error) {
      this.position = undefined;
      if (error instanceof RelayCheckpointMovedError) throw error;
      this.consecutiveFailures += 1;
      this.lastError = error instanceof Error ? error.message : String(error);
      this.lastFailureAt = new Date();
      throw error;
    }
  }

  /** Publishes until every committed event is acknowledged. */
  async catchUp(): Promise<void> {
    while ((await this.runOnce()) > 0);
  }

  /** Follows the log in the background; failures are retried with backoff and never end the loop. */
  start(): void {
    if (this.loop) return;
    this.running = true;
    this.stopSignal = new StopSignal();
    this.loop = this.follow();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.stopSignal.stop();
    await this.loop;
    this.loop = undefined;
    await this.leader.release();
  }

  status(): KafkaRelayStatus {
    return {
      running: this.running,
      consecutiveFailures: this.consecutiveFailures,
      lastError: this.lastError,
      lastFailureAt: this.lastFailureAt,
      lastPublishedAt: this.lastPublishedAt,
      publishedEvents: this.publishedEvents,
    };
  }

  async lag(): Promise<KafkaRelayLag> {
    const [headPosition, checkpoint] = await Promise.all([
      this.options.store.headPosition(),
      readCheckpoint(this.options.checkpoints, this.checkpointName),
    ]);
    const lagPositions = Math.max(0, headPosition - checkpoint);
    const eventsBehind = lagPositions === 0 ? 0 : await this.countEventsBehind(checkpoint, headPosition);
    return {
      headPosition,
      checkpoint,
      lagPositions,
      eventsBehind,
      eventsBehindIsLowerBound: eventsBehind !== undefined && eventsBehind >= EVENTS_BEHIND_COUNT_LIMIT,
    };
  }

  private async follow(): Promise<void> {
    while (this.running) {
      try {
        // Several processes may run the relay; only the lock holder publishes, so the others add no duplicates.
        if (!(await this.leader.tryAcquire())) {
          await this.stopSignal.sleep(1_000);
          continue;
        }
        const published = await this.runOnce();
        if (published === 0) await this.stopSignal.race(this.options.store.waitForEvents(this.options.idleWaitMs ?? 1_000));
      } catch (error) {
        if (error instanceof RelayCheckpointMovedError) {
          await this.leader.release();
          await this.stopSignal.sleep(STAND_DOWN_MS);
          continue;
        }
        this.options.onError?.(error, this.status());
        await this.stopSignal.sleep(backoffDelayMs(this.consecutiveFailures, this.backoff));
      }
    }
  }

  private async publishNextBatch(): Promise<number> {
    const { store, checkpoints } = this.options;
    const from = this.position ?? (await readCheckpoint(checkpoints, this.checkpointName));
    this.position = from;
    const { events, lastPosition } = await store.readAll(from, this.batchSize);
    if (events.length === 0) return 0;
    await this.publish(events);
    if (!(await moveRelayCheckpoint(checkpoints, this.checkpointName, from, lastPosition))) {
      throw new RelayCheckpointMovedError(this.checkpointName);
    }
    this.position = lastPosition;
    return events.length;
  }

  private async publish(events: readonly StoredEvent[]): Promise<void> {
    const topicPrefix = this.options.topicPrefix ?? DEFAULT_KAFKA_TOPIC_PREFIX;
    const messages = events.map((event) => messageFor(event, topicPrefix));
    await withTimeout(this.options.publisher.publish(messages), this.options.publishTimeoutMs ?? 15_000, 'Kafka publish');
  }

  private async countEventsBehind(checkpoint: number, headPosition: number): Promise<number | undefined> {
    const { store } = this.options;
    if (!(store instanceof SqlEventStore)) return undefined;
    const { rows } = await store.db.query<{ behind: string }>(
      `SELECT count(*)::text AS behind FROM (
         SELECT 1 FROM events WHERE global_position > $1 AND global_position <= $2 LIMIT $3) AS pending`,
      [checkpoint, headPosition, EVENTS_BEHIND_COUNT_LIMIT],
    );
    return Number(rows[0]?.behind ?? 0);
  }
}
