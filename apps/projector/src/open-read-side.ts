import type { EventStore, SqlDatabase } from '#event-store';
import type { AppConfig } from '#runtime';
import { openConfiguredStores } from '#runtime';

/** The configured store and the database its read models and checkpoints live in. */
export interface ReadSide {
  readonly store: EventStore;
  readonly db: SqlDatabase;
  close(): Promise<void>;
}

export function openReadSide(config: AppConfig): Promise<ReadSide> {
  return openConfiguredStores(config);
}
