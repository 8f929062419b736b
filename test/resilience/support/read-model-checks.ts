import type { SqlEventStore } from '#event-store';
import { allProjections } from '#projections';
import { verifyProjection } from '#projections';
import type { ServiceProcess } from './service-process.js';
import { leastCheckpoint, projectionFacts, type ProjectionFacts } from '../../system/projections/support/read-model-facts.js';

export interface ReadModelAudit {
  /** Per projection, the tables that differ from a rebuild from zero (empty when equal). */
  readonly differences: Readonly<Record<string, readonly string[]>>;
  readonly rowsCompared: number;
  readonly facts: ProjectionFacts;
}

/** Waits until every projection has applied the head of the store; answers how long that took. */
export async function untilProjectionsAtHead(
  store: SqlEventStore,
  timeoutMs: number,
  projectors: readonly ServiceProcess[] = [],
): Promise<number> {
  const started = Date.now();
  for (;;) {
    const dead = projectors.filter((projector) => projector.unexpectedExits.length > 0);
    if (dead.length > 0 && dead.length === projectors.length) {
      throw new Error(`every projector died while the read models were behind:\n${dead.map((projector) => projector.tail(40)).join('\n')}`);
    }
    const [head, least] = await Promise.all([store.headPosition(), leastCheckpoint(store.db)]);
    if (least >= head) return Date.now() - started;
    if (Date.now() - started > timeoutMs)
      throw new Error(`the projections stayed behind the head (${least} < ${head}) for ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Every read model against a rebuild from zero (libs/projections rebuild/verify), plus what the events say
 * they must hold: one audit row per event, as many updates and chases per action as there are such events.
 */
export async function auditReadModels(store: SqlEventStore): Promise<ReadModelAudit> {
  const differences: Record<string, string[]> = {};
  let rowsCompared = 0;
  for (const projection of allProjections) {
    const result = await verifyProjection({ store, db: store.db, projection, batchSize: 500 });
    rowsCompared += result.tables.reduce((sum, table) => sum + table.liveRows, 0);
    differences[projection.name] = result.differences.map(
      (table) =>
        `${table.table}: ${table.onlyInLive.count} live rows not rebuilt (${table.onlyInLive.sampleKeys.join(', ')}), ` +
        `${table.onlyInRebuilt.count} rebuilt rows not live (${table.onlyInRebuilt.sampleKeys.join(', ')})`,
    );
  }
  return { differences, rowsCompared, facts: await projectionFacts(store, store.db) };
}

export const noDifferences = (): Record<string, string[]> => Object.fromEntries(allProjections.map((projection) => [projection.name, []]));
