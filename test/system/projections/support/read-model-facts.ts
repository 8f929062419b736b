import type { EventStore, SqlDatabase, StoredEvent } from '#event-store';
import { allProjections, checkpointNameOf, UPDATES_KEPT_ON_ACTION } from '#projections';

export async function allEvents(store: EventStore): Promise<StoredEvent[]> {
  const events: StoredEvent[] = [];
  for (let position = 0; ;) {
    const page = await store.readAll(position, 5_000);
    if (page.events.length === 0) return events;
    events.push(...page.events);
    position = page.lastPosition;
  }
}

export async function checkpoints(db: SqlDatabase): Promise<Record<string, number>> {
  const { rows } = await db.query<{ name: string; position: string }>('SELECT name, position::text AS position FROM checkpoints');
  return Object.fromEntries(rows.map((row) => [row.name, Number(row.position)]));
}

/** The least checkpoint of all projections (0 while one has none). */
export async function leastCheckpoint(db: SqlDatabase): Promise<number> {
  const known = await checkpoints(db);
  return Math.min(...allProjections.map((p) => known[checkpointNameOf(p)] ?? 0));
}

export async function waitUntil(what: string, condition: () => Promise<boolean>, timeoutMs = 30_000, pollMs = 25): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}

export interface ProjectionFacts {
  readonly head: number;
  readonly checkpoints: Readonly<Record<string, number>>;
  readonly events: number;
  readonly auditRows: number;
  readonly distinctAuditPositions: number;
  /** Actions whose row disagrees with their stream: [actionId, what the row says, what the events say]. */
  readonly actionMismatches: readonly (readonly [string, string, string])[];
  readonly actionsChecked: number;
}

/**
 * What the read models should say, counted from the events themselves: one audit row per event, and per action
 * as many updates and chases as there are such events (an event applied twice would add one more). Updates are
 * counted three ways: the row's count, the rows of rm_action_updates, and the latest ones the row keeps.
 */
export async function projectionFacts(store: EventStore, db: SqlDatabase): Promise<ProjectionFacts> {
  const events = await allEvents(store);
  const expected = new Map<string, { updates: number; chases: number; version: number }>();
  for (const event of events) {
    if (!event.type.startsWith('Action')) continue;
    const actionId = String(event.data.actionId);
    const counts = expected.get(actionId) ?? { updates: 0, chases: 0, version: 0 };
    if (event.type === 'ActionProgressReported') counts.updates++;
    if (event.type === 'ActionChased') counts.chases++;
    counts.version = event.streamVersion;
    expected.set(actionId, counts);
  }
  const { rows } = await db.query<{
    action_id: string;
    updates: number;
    update_rows: number;
    kept_updates: number;
    chases: number;
    chase_count: number;
    version: number;
  }>(
    `SELECT a.action_id, a.update_count AS updates, jsonb_array_length(a.updates) AS kept_updates, a.chase_count, a.version,
            (SELECT count(*)::int FROM rm_action_updates u WHERE u.action_id = a.action_id) AS update_rows,
            jsonb_array_length(a.chases) AS chases
       FROM rm_actions a`,
  );
  const mismatches: (readonly [string, string, string])[] = [];
  for (const row of rows) {
    const want = expected.get(row.action_id) ?? { updates: -1, chases: -1, version: -1 };
    const got = `updates ${row.updates}/${row.update_rows}/${row.kept_updates}, chases ${row.chases}, chase_count ${row.chase_count}, version ${row.version}`;
    const kept = Math.min(want.updates, UPDATES_KEPT_ON_ACTION);
    const should = `updates ${want.updates}/${want.updates}/${kept}, chases ${want.chases}, chase_count ${want.chases}, version ${want.version}`;
    if (got !== should) mismatches.push([row.action_id, got, should]);
  }
  if (rows.length !== expected.size) mismatches.push(['(row count)', `${rows.length} actions`, `${expected.size} actions`]);
  const audit = await db.query<{ total: string; distinct_positions: string }>(
    'SELECT count(*)::text AS total, count(DISTINCT global_position)::text AS distinct_positions FROM rm_audit_events',
  );
  return {
    head: events.at(-1)?.globalPosition ?? 0,
    checkpoints: await checkpoints(db),
    events: events.length,
    auditRows: Number(audit.rows[0]?.total ?? 0),
    distinctAuditPositions: Number(audit.rows[0]?.distinct_positions ?? 0),
    actionMismatches: mismatches,
    actionsChecked: rows.length,
  };
}

export const liveCheckpointsAt = (facts: ProjectionFacts): Record<string, number> =>
  Object.fromEntries(allProjections.map((p) => [checkpointNameOf(p), facts.checkpoints[checkpointNameOf(p)] ?? 0]));
export const everyProjectionAt = (position: number): Record<string, number> =>
  Object.fromEntries(allProjections.map((p) => [checkpointNameOf(p), position]));
