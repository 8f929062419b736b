import { CatchUpSubscription, type EventStore, type SqlDatabase, type SqlQueryable, type StoredEvent } from '../../../event-store/src/index.js';
import { applyBatch } from './apply-batch.js';
import { leaderLockFor, type LeaderLock } from './leader-lock.js';
import { migrateProjectionTables } from './projection-migrations.js';
import type { Projection } from './projection.js';
import { createTables, dropTablesSql } from './table-sql.js';

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

export const checkpointNameOf = (projection: Projection | string, generation = ''): string =>
  `projection:${typeof projection === 'string' ? projection : projection.name}${generation ? `:${generation}` : ''}`;

/** Read-your-writes waits at most this much longer; batches under load get many times larger. */
const GATHER_WINDOW_MS = 15;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Keeps one projection's live tables up to date, as the only active runner of it across processes. */
export class ProjectionRunner {
  private readonly subscription: CatchUpSubscription;
  private readonly lock: LeaderLock;
  private running = false;
  private loop: Promise<void> | undefined;

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
    });
  }

  get isLeader(): boolean {
    return this.lock.held;
  }

  get projection(): Projection {
    return this.options.projection;
  }

  /** Creates the live tables; a projection whose version changed starts again from zero. */
  async prepare(): Promise<void> {
    const { db, projection } = this.options;
    await migrateProjectionTables(db);
    await db.transaction(async (tx) => {
      await tx.query(`SELECT pg_advisory_xact_lock(hashtext('actiontrail.projection.prepare'), hashtext($1))`, [projection.name]);
      const { rows } = await tx.query<{ version: number }>('SELECT version FROM projection_versions WHERE name = $1', [projection.name]);
      const stored = rows[0]?.version;
      if (stored !== undefined && Number(stored) !== projection.version) {
        this.options.log?.(`projection ${projection.name} changed from version ${stored} to ${projection.version}: replaying from zero`);
        for (const sql of dropTablesSql(projection, '')) await tx.query(sql);
        await tx.query('DELETE FROM checkpoints WHERE name = $1', [checkpointNameOf(projection)]);
      }
      await createTables(tx, projection, '');
      await tx.query(
        `INSERT INTO projection_versions (name, version) VALUES ($1, $2)
         ON CONFLICT (name) DO UPDATE SET version = EXCLUDED.version, updated_at = now()`,
        [projection.name, projection.version]);
    });
  }

  /** Applies every committed event now (used by tests, the CLI, and on start-up). */
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
        if (!(await this.lock.tryAcquire())) {
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
        this.options.onError?.(error);
        await sleep(500);
      }
    }
  }
}
