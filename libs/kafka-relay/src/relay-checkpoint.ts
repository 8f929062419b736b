import type { SqlQueryable } from '#event-store';

/** Another relay moved the checkpoint while this one was publishing: that relay is active, this one stands down. */
export class RelayCheckpointMovedError extends Error {
  constructor(readonly checkpointName: string) {
    super(`Kafka relay checkpoint ${checkpointName} was moved by another relay; standing down`);
    this.name = 'RelayCheckpointMovedError';
  }
}

/**
 * Moves the checkpoint from `from` to `to` only if it is still at `from` (compare-and-set): one short statement,
 * so no transaction is held open while the broker answers. False when another relay moved it first.
 */
export async function moveRelayCheckpoint(db: SqlQueryable, name: string, from: number, to: number): Promise<boolean> {
  const { rows } = await db.query(
    `INSERT INTO checkpoints (name, position, updated_at) VALUES ($1, $2, now())
     ON CONFLICT (name) DO UPDATE SET position = EXCLUDED.position, updated_at = now()
     WHERE checkpoints.position = $3 RETURNING name`,
    [name, to, from],
  );
  return rows.length > 0;
}
