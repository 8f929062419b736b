import { openPostgresEventStore, type SqlEventStore } from '#event-store';
import { startFeatureApp, type FeatureApp } from '../../../../apps/api/test/features/support/feature-app.js';
import { POSTGRES_URL } from '../../../support/postgres.js';

/**
 * The real api (its command layer and views) on a given store. `projections: 'off'` leaves the read models
 * to whoever the test starts: a projector child process, a runner, a rebuild.
 */
export function startCommandApp(store: SqlEventStore, projections: 'in-process' | 'off'): Promise<FeatureApp> {
  return startFeatureApp({ store, env: { PROJECTIONS: projections } });
}

export function openPostgresStore(schema: string, poolSize = 20): Promise<SqlEventStore> {
  return openPostgresEventStore({ connectionString: POSTGRES_URL, schema, poolSize });
}
