import type { PostgresDatabase } from '#event-store';

/** Whether a process (by its application_name) has a transaction open now: a batch between BEGIN and COMMIT. */
export async function hasOpenTransaction(db: PostgresDatabase, applicationName: string): Promise<boolean> {
  const { rows } = await db.query<{ open: boolean }>(
    `SELECT count(*) > 0 AS open FROM pg_stat_activity WHERE application_name = $1 AND state IN ('idle in transaction', 'active') AND xact_start IS NOT NULL`,
    [applicationName],
  );
  return rows[0]?.open === true;
}

/** The projections whose leader lock each process holds, by pg_locks (advisory locks on the lock connection). */
export async function advisoryLocksByProcess(db: PostgresDatabase, applicationNames: readonly string[]): Promise<Record<string, number>> {
  const { rows } = await db.query<{ name: string; locks: number }>(
    `SELECT a.application_name AS name, count(*)::int AS locks FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
     WHERE l.locktype = 'advisory' AND l.granted AND a.application_name = ANY($1::text[]) GROUP BY a.application_name`,
    [applicationNames],
  );
  return Object.fromEntries(applicationNames.map((name) => [name, rows.find((row) => row.name === name)?.locks ?? 0]));
}
