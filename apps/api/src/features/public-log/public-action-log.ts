import type { ActionLog, ActionLogRow } from '../views/action-log.query.js';

/** A row of the public log: the owning post by title only; who holds it is not published. */
export type PublicActionLogRow = Omit<ActionLogRow, 'holder'>;

export interface PublicActionLog extends Omit<ActionLog, 'rows'> {
  readonly rows: readonly PublicActionLogRow[];
}

/**
 * The action log with officers' personal names taken out: the owner is the post's title, as committee
 * papers name it, and the holder is dropped. The log carries nothing from the events' audit metadata
 * (who recorded what, roles, correlation ids), so there is nothing else to remove.
 */
export function publicActionLog(log: ActionLog): PublicActionLog {
  return {
    committee: log.committee,
    asOf: log.asOf,
    overdueOn: log.overdueOn,
    rows: log.rows.map(({ holder: _holder, ...row }) => ({ ...row, owner: row.ownerPost.title ?? 'Unnamed post' })),
    nextAfter: log.nextAfter,
  };
}

/** The same rows in the shape the CSV writer takes, with no holder to print. */
export function asActionLog(log: PublicActionLog): ActionLog {
  return { ...log, rows: log.rows.map((row) => ({ ...row, holder: null })) };
}
