import { readCheckpoint, type EventStore, type SqlDatabase } from '#event-store';
import { applyBatch } from '../engine/apply-batch.js';
import type { Projection } from '../engine/projection.js';
import { migrateProjectionTables } from '../engine/projection-migrations.js';
import { checkpointNameOf } from '../engine/checkpoint-name.js';
import { compareWithLive, differs, type TableComparison } from './compare-generations.js';
import { dropGeneration, existingTables, lockCheckpoint, resetGeneration, VERIFY_GENERATION, withGenerationLock } from './generations.js';
import { ProgressMeter, type RebuildProgress } from './rebuild-progress.js';
import { retryTransient } from './retry.js';
import { chunksOf, eventsForTransaction, readEventsAfter } from './transaction-events.js';

export interface VerifyOptions {
  readonly store: EventStore;
  readonly db: SqlDatabase;
  readonly projection: Projection;
  readonly batchSize?: number;
  /** How many keys of differing rows to report per table and side. */
  readonly sampleSize?: number;
  readonly onProgress?: (progress: RebuildProgress) => void;
  readonly log?: (message: string) => void;
}

export interface VerifyResult {
  readonly projection: string;
  /** The live checkpoint both sides were compared at. */
  readonly position: number;
  readonly eventsApplied: number;
  readonly tables: readonly TableComparison[];
  readonly differences: readonly TableComparison[];
  readonly ok: boolean;
  readonly durationMs: number;
}

export class LiveTablesMissingError extends Error {
  constructor(projection: string, tables: readonly string[]) {
    super(`Projection ${projection} has no live table ${tables.join(', ')} to verify: start the projector first`);
    this.name = 'LiveTablesMissingError';
  }
}

/**
 * Rebuilds a projection from zero beside the live tables, up to exactly the live checkpoint, and compares
 * the two. The comparing transaction holds the live checkpoint row, so the live runner cannot commit a
 * batch until the comparison is done; the verify tables are dropped afterwards.
 */
export async function verifyProjection(options: VerifyOptions): Promise<VerifyResult> {
  const { store, db, projection } = options;
  const batchSize = options.batchSize ?? 1_000;
  const started = Date.now();
  const liveName = checkpointNameOf(projection);
  return withGenerationLock(db, projection, async () => {
    await migrateProjectionTables(db);
    const live = await existingTables(db, projection, '');
    const missing = projection.tables.map((table) => table.name).filter((name) => !live.includes(name));
    if (missing.length > 0) throw new LiveTablesMissingError(projection.name, missing);
    await resetGeneration(db, projection, VERIFY_GENERATION);
    const meter = new ProgressMeter(store, projection.name);
    let position = 0;
    let applied = 0;
    const report = async (phase: RebuildProgress['phase']) => {
      if (options.onProgress) options.onProgress(await meter.measure(phase, applied, position));
    };
    try {
      await report('building');
      // Up to the live checkpoint as it moves, never past it.
      for (;;) {
        const target = await readCheckpoint(db, liveName);
        const { events } = await store.readAll(position, batchSize);
        const wanted = events.filter((event) => event.globalPosition <= target);
        if (wanted.length > 0) {
          await db.transaction((tx) => applyBatch(tx, projection, VERIFY_GENERATION, wanted));
          position = wanted.at(-1)?.globalPosition ?? position;
          applied += wanted.length;
          await report('building');
        }
        if (wanted.length < batchSize) break;
      }
      await report('comparing');
      const compared = await retryTransient(
        async () => {
          const prefetched = await readEventsAfter(store, position, batchSize, await readCheckpoint(db, liveName));
          return db.transaction(async (tx) => {
            const livePosition = await lockCheckpoint(tx, liveName);
            if (livePosition < position)
              throw new Error(`The live checkpoint of ${projection.name} went back from ${position} to ${livePosition}`);
            const events = await eventsForTransaction({
              store,
              db,
              prefetched,
              after: position,
              through: livePosition,
              toHead: false,
              batchSize,
            });
            for (const chunk of chunksOf(events, batchSize)) await applyBatch(tx, projection, VERIFY_GENERATION, chunk);
            return {
              livePosition,
              caughtUp: events.length,
              tables: await compareWithLive(tx, projection, VERIFY_GENERATION, options.sampleSize),
            };
          });
        },
        (error, attempt) =>
          options.log?.(`verify of ${projection.name}: comparison attempt ${attempt} gave way (${String(error)}); trying again`),
      );
      applied += compared.caughtUp;
      const differences = compared.tables.filter(differs);
      return {
        projection: projection.name,
        position: compared.livePosition,
        eventsApplied: applied,
        tables: compared.tables,
        differences,
        ok: differences.length === 0,
        durationMs: Date.now() - started,
      };
    } finally {
      await dropGeneration(db, projection, VERIFY_GENERATION).catch(() => undefined);
    }
  });
}
