import { START, type Position, type ReadPosition } from '@kurrent/kurrentdb-client';

/** Servers before 22.6 send the largest unsigned 64-bit value instead of a position on stream reads. */
const NO_POSITION = 2n ** 64n - 1n;

export class MissingLogPositionError extends Error {
  constructor(eventId: string) {
    super(`KurrentDB sent event ${eventId} without its $all position; this adapter needs KurrentDB (EventStoreDB) 22.6 or later`);
    this.name = 'MissingLogPositionError';
  }
}

/**
 * Our global position is the event's commit position in the transaction log. Every event appended over gRPC
 * (the only write API since KurrentDB 24) is committed on its own record, so its commit position is unique,
 * increases with the log, and equals its prepare position. Events written in legacy explicit transactions (TCP
 * API) share their transaction's commit position; this adapter does not support stores that hold them.
 */
export function globalPositionOf(position: Position | undefined, eventId: string): number {
  if (!position || position.commit === NO_POSITION) throw new MissingLogPositionError(eventId);
  const global = Number(position.commit);
  if (!Number.isSafeInteger(global)) throw new RangeError(`Commit position ${position.commit} is beyond Number.MAX_SAFE_INTEGER`);
  return global;
}

/**
 * Where to resume reading $all after `after`. Only the commit position is kept, so the prepare position is taken
 * equal to it: (c, c) sorts after every record with commit position c or less (a prepare never comes after its
 * commit) and before every later one. Reads from a position include the record at it, so callers still drop
 * events at or below `after`.
 */
export function readPositionAfter(after: number): ReadPosition {
  if (after <= 0) return START;
  const commit = BigInt(after);
  return { commit, prepare: commit };
}
