import type { EventStore, SqlDatabase } from '../../../libs/event-store/src/index.js';
import type { AppConfig } from '../../api/src/config/app-config.js';
import { openConfiguredStores } from '../../api/src/platform/event-store.module.js';

/** The configured store and the database its read models and checkpoints live in. */
export interface ReadSide {
  readonly store: EventStore;
  readonly db: SqlDatabase;
  close(): Promise<void>;
}

export function openReadSide(config: AppConfig): Promise<ReadSide> {
  return openConfiguredStores(config);
}
