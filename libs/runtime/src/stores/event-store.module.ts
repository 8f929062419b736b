import { Global, Inject, Injectable, Logger, Module, type DynamicModule, type OnApplicationShutdown, type Provider } from '@nestjs/common';
import { Registry } from 'prom-client';
import {
  openEmbeddedEventStore,
  openKurrentDbEventStore,
  openPostgresEventStore,
  PostgresDatabase,
  type EventStore,
  type ForeignEvent,
  type SqlDatabase,
  type SqlEventStore,
} from '#event-store';
import type { AppConfig } from '../config/app-config.js';
import { foreignEventSink } from './foreign-event-metrics.js';
import { APP_CONFIG, EVENT_STORE, SQL_DATABASE } from '../tokens.js';

export { EVENT_STORE, SQL_DATABASE } from '../tokens.js';

const OWNS_STORE = Symbol('OWNS_STORE');
const OPENED_STORES = Symbol('OPENED_STORES');

/** Opens the store the configuration names; the read models and idempotency keys share its database. */
export async function openConfiguredEventStore(config: AppConfig): Promise<SqlEventStore> {
  switch (config.eventStore) {
    case 'embedded':
      return openEmbeddedEventStore(config.dataDir);
    case 'postgres':
      return openPostgresEventStore({ connectionString: requireValue(config.databaseUrl, 'DATABASE_URL'), schema: config.databaseSchema });
    case 'kurrentdb':
      throw new Error('EVENT_STORE=kurrentdb keeps its read models in a separate database: use openConfiguredStores');
  }
}

export interface ConfiguredStores {
  readonly store: EventStore;
  /** Read models, checkpoints and idempotency keys: the store's own database, or PostgreSQL beside KurrentDB. */
  readonly db: SqlDatabase;
  close(): Promise<void>;
}

export interface StoreReporting {
  /** KurrentDB only: told of each event the store skips because it did not write it (default: a console warning). */
  readonly onForeignEvent?: (event: ForeignEvent) => void;
}

/** The configured event store and the SQL database beside it. */
export async function openConfiguredStores(config: AppConfig, reporting: StoreReporting = {}): Promise<ConfiguredStores> {
  if (config.eventStore !== 'kurrentdb') {
    const store = await openConfiguredEventStore(config);
    return { store, db: store.db, close: () => store.close() };
  }
  const db = await PostgresDatabase.open({
    connectionString: requireValue(config.databaseUrl, 'DATABASE_URL'),
    schema: config.databaseSchema,
  });
  try {
    const store = await openKurrentDbEventStore(requireValue(config.kurrentDbUrl, 'KURRENTDB_URL'), reporting);
    return {
      store,
      db,
      close: async () => {
        await store.close();
        await db.close();
      },
    };
  } catch (error) {
    await db.close();
    throw error;
  }
}

function requireValue(value: string | undefined, name: string): string {
  if (!value) throw new Error(`${name} is required`);
  return value;
}

/** Closes the store at shutdown, but only one this module opened: a store handed in by a test belongs to the test. */
@Injectable()
class EventStoreLifecycle implements OnApplicationShutdown {
  private readonly logger = new Logger('EventStore');

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(SQL_DATABASE) private readonly db: SqlDatabase,
    @Inject(OWNS_STORE) private readonly ownsStore: boolean,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    if (!this.ownsStore) return;
    await this.store.close().catch((error: unknown) => this.logger.error(`Closing the event store failed: ${String(error)}`));
    // Beside KurrentDB the read models have a database of their own.
    if ((this.store as Partial<SqlEventStore>).db !== this.db) await this.db.close().catch(() => undefined);
  }
}

@Global()
@Module({})
export class EventStoreModule {
  /** The store named by APP_CONFIG, opened while the application starts. */
  static fromConfig(): DynamicModule {
    return EventStoreModule.build(
      [
        {
          provide: OPENED_STORES,
          inject: [APP_CONFIG, { token: Registry, optional: true }],
          useFactory: (config: AppConfig, registry?: Registry) =>
            openConfiguredStores(config, registry ? { onForeignEvent: foreignEventSink(registry, new Logger('EventStore')) } : {}),
        },
        { provide: EVENT_STORE, inject: [OPENED_STORES], useFactory: (opened: ConfiguredStores) => opened.store },
        { provide: SQL_DATABASE, inject: [OPENED_STORES], useFactory: (opened: ConfiguredStores) => opened.db },
      ],
      true,
    );
  }

  /** An already-open store (tests); its database defaults to the SQL store's own. */
  static forStore(store: EventStore, database?: SqlDatabase): DynamicModule {
    const db = database ?? (store as Partial<SqlEventStore>).db;
    if (!db) throw new Error('EventStoreModule.forStore: pass the SqlDatabase for a store that has none of its own');
    return EventStoreModule.build(
      [
        { provide: EVENT_STORE, useValue: store },
        { provide: SQL_DATABASE, useValue: db },
      ],
      false,
    );
  }

  private static build(providers: Provider[], ownsStore: boolean): DynamicModule {
    return {
      module: EventStoreModule,
      global: true,
      providers: [...providers, { provide: OWNS_STORE, useValue: ownsStore }, EventStoreLifecycle],
      exports: [EVENT_STORE, SQL_DATABASE],
    };
  }
}
