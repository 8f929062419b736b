import { CatchUpSubscription, type EventStore, type SqlDatabase, type SqlQueryable, type StoredEvent } from '#event-store';
import { rebuildProjection } from '../rebuild/rebuild-projection.js';
import { applyBatch } from './apply-batch.js';
import { checkpointNameOf } from './checkpoint-name.js';
import { leaderLockFor, type LeaderLock } from './leader-lock.js';
import { migrateProjectionTables } from './projection-migrations.js';
import { confirmVersion, ProjectionVersionMovedError, storedVersion } from './projection-version.js';
import type { Projection } from './projection.js';
import { createTables } from './table-sql.js';

export { checkpointNameOf } from './checkpoint-name.js';
export { ProjectionVersionMovedError } from './projection-version.js';

export interface ProjectionRunnerOptions {
  readonly store: EventStore;
  /** Where the read models and checkpoints live. */
  readonly db: SqlDatabase;
  readonly projection: Projection;
  readonly batchSize?: number;
  readonly idleWaitMs?: number;
  readonly onError?: (error: unknown) => void;
  readonly log?: (message: string) => void;
  /** Runs inside each batch's transaction before it commits (tests slow batches down with it). */
  readonly beforeCommit?: (events: readonly StoredEvent[], tx: SqlQueryable) => Promise<void>;
}

/** Read-your-writes waits at most this much longer; batches under load get many times larger. */
const GATHER_WINDOW_MS = 15;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Keeps one projection's live tables up to date, as the only active runner of it across processes. A leader
 * finding the tables at an older version rebuilds them beside the live ones and swaps them in; a runner finding
 * them at a newer version (an old process during a rolling deploy) stands down and no longer tries to lead.
 */
export class ProjectionRunner {
  private readonly subscription: CatchUpSubscription;
  private readonly lock: LeaderLock;
  private running = false;
  private loop: Promise<void> | undefined;
  /** Checked the stored version since this runner last took the lead. */
  private versionConfirmed = false;
  /** The live tables belong to a newer version than this runner's. */
  private superseded = false;

  constructor(private readonly options: ProjectionRunnerOptions) {
    const { store, db, projection, beforeCommit } = options;
    this.lock = leaderLockFor(db, projection.name);
    this.subscription = new CatchUpSubscription({
      name: checkpointNameOf(projection),
      store,
      checkpoints: db,
      batchSize: options.batchSize ?? 1_000,
      handle: async (events, tx) => {
        await applyBatch(tx, projection, '', events);
        await beforeCommit?.(events, tx);
      },
      confirm: (tx) => confirmVersion(tx, projection),
    });
  }

  get isLeader(): boolean {
    return this.lock.held;
  }

  get projection(): Projection {
    return this.options.projection;
  }

  /**
   * Creates the live tables that are missing and records the version on the first start. It never drops
   * anything: a runner of another version may be writing (see run).
   */
  async prepare(): Promise<void> {
    const { db, projection } = this.options;
    await migrateProjectionTables(db);
    await db.transaction(async (tx) => {
      await tx.query(`SELECT pg_advisory_xact_lock(hashtext('actiontrail.projection.prepare'), hashtext($1))`, [projection.name]);
      const stored = await storedVersion(tx, projection.name);
      await createTables(tx, projection, '');
      if (stored === undefined) {
        await tx.query('INSERT INTO projection_versions (name, version) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING', [
          projection.name,
          projection.version,
        ]);
      } else if (stored !== projection.version) {
        this.options.log?.(
          `projection ${projection.name} is at version ${stored}, this process runs version ${projection.version}: ${
            stored < projection.version ? 'its leader rebuilds it beside the live tables and swaps them in' : 'a newer process leads it'
          }`,
        );
      }
    });
  }

  /** Applies every committed event now, without the leader lock (tests); refused while the stored version differs. */
  async catchUp(): Promise<void> {
    await this.subscription.catchUp();
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    await this.loop;
    await this.lock.release();
  }

  private async run(): Promise<void> {
    while (this.running) {
      try {
        if (!(await this.lead())) {
          await sleep(1_000);
          continue;
        }
        const applied = await this.subscription.runOnce();
        if (applied === 0) {
          await this.options.store.waitForEvents(this.options.idleWaitMs ?? 1_000);
          // Under a stream of single-event commands, gather a few before the next batch rather than one per append.
          await sleep(GATHER_WINDOW_MS);
        }
      } catch (error) {
        if (error instanceof ProjectionVersionMovedError) this.versionConfirmed = false;
        this.options.onError?.(error);
        await sleep(500);
      }
    }
  }

  /** Holds the lead with live tables of this runner's version: upgrades older tables first, stands down for newer ones. */
  private async lead(): Promise<boolean> {
    const { db, projection } = this.options;
    if (this.superseded) {
      if (((await storedVersion(db, projection.name)) ?? 0) > projection.version) return false;
      this.superseded = false;
    }
    if (!this.lock.held) this.versionConfirmed = false;
    if (!(await this.lock.tryAcquire())) return false;
    if (this.versionConfirmed) return true;
    const stored = await storedVersion(db, projection.name);
    if (stored !== undefined && stored > projection.version) {
      this.options.log?.(
        `projection ${projection.name} is at version ${stored}, newer than this process's ${projection.version}: standing down`,
      );
      this.superseded = true;
      await this.lock.release();
      return false;
    }
    if (stored !== projection.version) await this.upgrade(stored);
    this.versionConfirmed = true;
    return true;
  }

  /** Under the leader lock: a new generation beside the live tables, swapped in with the new version. */
  private async upgrade(from: number | undefined): Promise<void> {
    const { store, db, projection, batchSize, log } = this.options;
    log?.(
      `projection ${projection.name} changed from version ${from ?? 'none'} to ${projection.version}: rebuilding it beside the live tables`,
    );
    const result = await rebuildProjection({ store, db, projection, batchSize, log });
    this.subscription.forgetPosition();
    log?.(
      `projection ${projection.name} at version ${projection.version} swapped in at position ${result.position} (${result.eventsApplied} events)`,
    );
  }
}
