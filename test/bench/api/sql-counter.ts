import { performance } from 'node:perf_hooks';
import type { QueryOptions, SqlDatabase, SqlQueryable } from '#event-store';

/** Round trips to the database and the time spent waiting on them, summed over concurrent callers. */
export interface SqlCounts {
  statements: number;
  transactions: number;
  /** Time inside db.query / db.transaction / db.notify, from call to settle (pool waits included). */
  busyMs: number;
  /** Time inside transactions only (they hold a connection, and the stream's row lock, for all of it). */
  transactionMs: number;
  /** Statement (first words, whitespace folded) -> count, to name the round trips. */
  byStatement: Record<string, number>;
  /** Reads of one stream: from its first event (the whole stream), or from a later version (the tail past a cached state). */
  streamReads: { whole: number; fromVersion: number };
}

export interface SqlCounter {
  /** Zeroes the counts, e.g. after the warm-up. */
  reset(): void;
  snapshot(): SqlCounts;
}

const zero = (): SqlCounts => ({
  statements: 0,
  transactions: 0,
  busyMs: 0,
  transactionMs: 0,
  byStatement: {},
  streamReads: { whole: 0, fromVersion: 0 },
});

/** The store's readStream statement; its second parameter is the first version read. */
const READ_STREAM = 'WHERE stream_id = $1 AND stream_version >= $2';

/** The store's statements are a handful of constant strings, so their short forms are worked out once. */
const shortForms = new Map<string, string>();
function shortSql(sql: string): string {
  let short = shortForms.get(sql);
  if (short === undefined) {
    short = sql.replace(/\s+/g, ' ').trim().slice(0, 70);
    if (shortForms.size < 10_000) shortForms.set(sql, short);
  }
  return short;
}

async function timed<T>(work: () => Promise<T>, add: (ms: number) => void): Promise<T> {
  const t0 = performance.now();
  try {
    return await work();
  } finally {
    add(performance.now() - t0);
  }
}

/**
 * Wraps the methods of the store's own database object, which the app shares, so that every statement any
 * command sends is counted without touching the store's code. BEGIN and COMMIT count as two statements.
 */
export function countSql(db: SqlDatabase): SqlCounter {
  let counts = zero();
  const query = db.query.bind(db);
  const transaction = db.transaction.bind(db);
  const notify = db.notify.bind(db);
  const addBusy = (ms: number) => (counts.busyMs += ms);
  const count = (sql: string, params?: readonly unknown[]) => {
    counts.statements++;
    if (sql.includes(READ_STREAM)) {
      if (Number(params?.[1]) <= 1) counts.streamReads.whole++;
      else counts.streamReads.fromVersion++;
    }
    const key = shortSql(sql);
    counts.byStatement[key] = (counts.byStatement[key] ?? 0) + 1;
  };

  db.query = <Row>(sql: string, params?: readonly unknown[], options?: QueryOptions) => {
    count(sql, params);
    // The options carry the prepared statement's name: dropping them would make the bench measure unprepared statements.
    return timed(() => query<Row>(sql, params, options), addBusy);
  };
  db.transaction = <T>(work: (tx: SqlQueryable) => Promise<T>) => {
    counts.transactions++;
    count('BEGIN');
    count('COMMIT');
    const countedTx = (tx: SqlQueryable): SqlQueryable => ({
      query: <Row>(sql: string, params?: readonly unknown[], options?: QueryOptions) => {
        count(sql, params);
        return tx.query<Row>(sql, params, options);
      },
    });
    return timed(
      () => transaction((tx) => work(countedTx(tx))),
      (ms) => {
        addBusy(ms);
        counts.transactionMs += ms;
      },
    );
  };
  db.notify = (channel: string) => {
    count('NOTIFY');
    return timed(() => notify(channel), addBusy);
  };
  return {
    reset: () => {
      counts = zero();
    },
    snapshot: () => ({ ...counts, byStatement: { ...counts.byStatement }, streamReads: { ...counts.streamReads } }),
  };
}

/** For the pg pool: how many callers wait for a connection, sampled while the load runs. */
export interface PoolWaits {
  stop(): { meanWaiting: number; maxWaiting: number } | undefined;
}

export function samplePoolWaits(db: SqlDatabase): PoolWaits {
  const pool = (db as { pool?: { waitingCount: number } }).pool;
  if (!pool) return { stop: () => undefined };
  let samples = 0;
  let sum = 0;
  let max = 0;
  const timer = setInterval(() => {
    samples++;
    sum += pool.waitingCount;
    max = Math.max(max, pool.waitingCount);
  }, 20);
  return {
    stop: () => {
      clearInterval(timer);
      return { meanWaiting: samples > 0 ? sum / samples : 0, maxWaiting: max };
    },
  };
}
