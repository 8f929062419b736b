import type { SqlDatabase, SqlQueryable } from '#event-store';

/**
 * A checkpoint that moves sends a NOTIFY on this channel when its transaction commits, from whichever process
 * ran the batch (the api in-process, or apps/projector), so read-your-writes waits sleep until then.
 */
export async function checkpointChannelOf(db: SqlQueryable): Promise<string> {
  const { rows } = await db.query<{ schema: string }>('SELECT current_schema() AS schema');
  return `at_checkpoints_${(rows[0]?.schema ?? 'public').replace(/[^a-z0-9_]/g, '').slice(0, 40)}`;
}

/** Installs the trigger once (a statement trigger: one notification per batch, delivered at commit). */
export async function installCheckpointMovedTrigger(db: SqlDatabase): Promise<void> {
  const channel = await checkpointChannelOf(db);
  await db.transaction(async (tx: SqlQueryable) => {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext('actiontrail.checkpoint-moved'))`);
    const { rows } = await tx.query<{ present: boolean }>(
      `SELECT EXISTS (SELECT 1 FROM pg_trigger WHERE tgname = 'at_checkpoint_moved' AND tgrelid = 'checkpoints'::regclass) AS present`,
    );
    if (rows[0]?.present) return;
    await tx.query(`CREATE OR REPLACE FUNCTION at_checkpoint_moved() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN PERFORM pg_notify(TG_ARGV[0], ''); RETURN NULL; END $$`);
    await tx.query(`CREATE TRIGGER at_checkpoint_moved AFTER INSERT OR UPDATE ON checkpoints
      FOR EACH STATEMENT EXECUTE FUNCTION at_checkpoint_moved('${channel}')`);
  });
}
