import { CatchUpSubscription, type EventStore, type SqlDatabase } from '#event-store';
import { applyBatch } from '../engine/apply-batch.js';
import type { Projection } from '../engine/projection.js';
import { migrateProjectionTables } from '../engine/projection-migrations.js';
import { checkpointNameOf } from '../engine/checkpoint-name.js';
import { createSecondaryIndexes } from '../engine/table-sql.js';
import { dropGeneration, REBUILD_GENERATION, resetGeneration, withGenerationLock } from './generations.js';
import { ProgressMeter, type RebuildProgress } from './rebuild-progress.js';
import { retryTransient } from './retry.js';
import { swapInRebuild } from './swap-generation.js';

export interface RebuildOptions {
  readonly store: EventStore;
  /** Where the read models and checkpoints live. */
  readonly db: SqlDatabase;
  readonly projection: Projection;
  readonly batchSize?: number;
  readonly onProgress?: (progress: RebuildProgress) => void;
  readonly log?: (message: string) => void;
  /** Tests only: runs inside the swap once the live tables are locked. */
  readonly afterLiveTablesLocked?: () => Promise<void>;
}

export interface RebuildResult {
  readonly projection: string;
  /** The live checkpoint the rebuilt tables were swapped in at. */
  readonly position: number;
  readonly eventsApplied: number;
  readonly swapAttempts: number;
  readonly durationMs: number;
}

/**
 * Rebuilds a projection from position zero into fresh tables while the live ones keep answering, then swaps
 * them in (see swapInRebuild). A failed rebuild drops its tables and leaves the live ones as they were.
 */
export async function rebuildProjection(options: RebuildOptions): Promise<RebuildResult> {
  const { store, db, projection } = options;
  const batchSize = options.batchSize ?? 1_000;
  const started = Date.now();
  return withGenerationLock(db, projection, async () => {
    await migrateProjectionTables(db);
    await resetGeneration(db, projection, REBUILD_GENERATION);
    const meter = new ProgressMeter(store, projection.name);
    const subscription = new CatchUpSubscription({
      name: checkpointNameOf(projection, REBUILD_GENERATION),
      store,
      checkpoints: db,
      batchSize,
      readAhead: true,
      handle: async (events, tx) => {
        // Tables nobody reads yet, with their checkpoint in the same transaction: a crash that loses the last
        // commits loses them together, and the rebuild resumes from the checkpoint that survived.
        await tx.query('SET LOCAL synchronous_commit = off');
        await applyBatch(tx, projection, REBUILD_GENERATION, events);
      },
    });
    let applied = 0;
    let indexed = false;
    const report = async (phase: RebuildProgress['phase']) => {
      if (options.onProgress) options.onProgress(await meter.measure(phase, applied, subscription.checkpoint ?? 0));
    };
    try {
      await report('building');
      const swapped = await retryTransient(
        async (attempt) => {
          // A page shorter than a batch means the rebuild reached the head; the swap applies what came since.
          for (let page = batchSize; page === batchSize;) {
            page = await subscription.runOnce();
            applied += page;
            await report('building');
          }
          if (!indexed) {
            await db.transaction((tx) => createSecondaryIndexes(tx, projection, REBUILD_GENERATION));
            indexed = true;
          }
          await report('swapping');
          const result = await swapInRebuild({ store, db, projection, batchSize, afterLiveTablesLocked: options.afterLiveTablesLocked });
          return { ...result, attempt };
        },
        (error, attempt) =>
          options.log?.(
            `rebuild of ${projection.name}: swap attempt ${attempt} gave way (${errorText(error)}); catching up and trying again`,
          ),
      );
      applied += swapped.applied;
      return {
        projection: projection.name,
        position: swapped.position,
        eventsApplied: applied,
        swapAttempts: swapped.attempt,
        durationMs: Date.now() - started,
      };
    } catch (error) {
      await dropGeneration(db, projection, REBUILD_GENERATION).catch(() => undefined);
      throw error;
    }
  });
}

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));
