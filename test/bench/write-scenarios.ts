import { randomUUID } from 'node:crypto';
import { ConcurrencyError } from '#event-store';
import type { BenchTarget } from './adapters.js';
import { newEvent, newEvents, payload } from './events.js';
import { Probe, probe, runPool, settle, type Row } from './measure.js';

/** Unmeasured appends and bare inserts, so that neither side of A pays for cold caches or JIT. */
export async function warmUp(t: BenchTarget, count: number): Promise<void> {
  await runPool(count, 4, async (i) => {
    await t.store.appendToStream(`warm-${i}`, [newEvent(i)], { expectedVersion: 'no_stream' });
    await t.bareInsert(randomUUID(), `warm-${i}`, JSON.stringify(payload(i)));
    await t.bareInsertAt(`warm-${i}`, 1, newEvent(i));
  });
}

/**
 * A: one event to a new stream per append, against one autocommit INSERT per row into `bare`. The two
 * sides alternate in rounds, so that a slow spell of this shared machine (disk flushes) hits both alike.
 */
export async function scenarioA(t: BenchTarget, concurrency: number, count: number, rounds = 4): Promise<Row[]> {
  const ours = new Probe(false);
  const bare = new Probe(false);
  for (let round = 0; round < rounds; round++) {
    const first = Math.floor((count * round) / rounds);
    const size = Math.floor((count * (round + 1)) / rounds) - first;
    settle();
    ours.resume();
    await runPool(size, concurrency, async (j) => {
      const i = first + j;
      await ours.time(() => t.store.appendToStream(`a${concurrency}-${i}`, [newEvent(i)], { expectedVersion: 'no_stream' }));
    });
    ours.pause();
    settle();
    bare.resume();
    await runPool(size, concurrency, async (j) => {
      const i = first + j;
      const data = JSON.stringify(payload(i));
      await bare.time(() => t.bareInsert(randomUUID(), `a${concurrency}-${i}`, data));
    });
    bare.pause();
  }
  const oursRow = ours.row(t.name, `A new streams, c=${concurrency}`, count, { note: `${rounds} alternating rounds with plain` });
  const bareRow = bare.row(t.name, `  plain: INSERT bare, c=${concurrency}`, count);
  oursRow.ratio = oursRow.eventsPerSec / bareRow.eventsPerSec;
  return [oursRow, bareRow];
}

/** Splits `count` jobs into `rounds` nearly equal slices: [first, size] of each. */
function slices(count: number, rounds: number): Array<readonly [number, number]> {
  return Array.from({ length: rounds }, (_, round) => {
    const first = Math.floor((count * round) / rounds);
    return [first, Math.floor((count * (round + 1)) / rounds) - first] as const;
  });
}

/**
 * B: ten single-event appends per stream with exact expected versions, 16 streams at a time, against the
 * same events as one autocommit INSERT each at (stream, version) into a table keyed on both (its primary
 * key refuses a taken version, as the expected version does). Alternating rounds, as in A.
 */
export async function scenarioB(t: BenchTarget, streams: number, note?: string, rounds = 4): Promise<Row[]> {
  const ours = new Probe(false);
  const bare = new Probe(false);
  for (const [first, size] of slices(streams, rounds)) {
    settle();
    ours.resume();
    await runPool(size, 16, async (j) => {
      for (let version = 0; version < 10; version++) {
        const event = newEvent(version);
        await ours.time(() => t.store.appendToStream(`b-${first + j}`, [event], { expectedVersion: version }));
      }
    });
    ours.pause();
    settle();
    bare.resume();
    await runPool(size, 16, async (j) => {
      for (let version = 0; version < 10; version++) {
        const event = newEvent(version);
        await bare.time(() => t.bareInsertAt(`b-${first + j}`, version + 1, event));
      }
    });
    bare.pause();
  }
  const notes = [`${rounds} alternating rounds with plain`, ...(note === undefined ? [] : [note])].join('; ');
  const oursRow = ours.row(t.name, 'B 10 appends x stream, c=16', streams * 10, { note: notes });
  const bareRow = bare.row(t.name, '  plain: INSERT at (stream, version), c=16', streams * 10);
  oursRow.ratio = oursRow.eventsPerSec / bareRow.eventsPerSec;
  return [oursRow, bareRow];
}

export interface ContentionResult {
  readonly rows: Row[];
  readonly ok: boolean;
}

interface Tally {
  successes: number;
  conflicts: number;
}

/** 16 writers each write `perWriter` events: read the version, write at the next one, retry on a conflict. */
async function contend(
  perWriter: number,
  tally: Tally,
  readVersion: () => Promise<number>,
  writeAfter: (version: number, n: number) => Promise<void>,
  isConflict: (error: unknown) => boolean,
  offset: number,
): Promise<void> {
  await runPool(16, 16, async (w) => {
    for (let written = 0; written < perWriter;) {
      const n = offset + w * perWriter + written;
      for (;;) {
        const version = await readVersion();
        try {
          await writeAfter(version, n);
          tally.successes++;
          written++;
          break;
        } catch (error) {
          if (!isConflict(error)) throw error;
          tally.conflicts++;
        }
      }
    }
  });
}

/**
 * C: 16 writers on one stream: read the version, append at it, retry on ConcurrencyError; against the same
 * loop on the bare versioned table (read max(version), INSERT at the next, retry on a unique violation).
 */
export async function scenarioC(t: BenchTarget, perWriter: number, rounds = 2): Promise<ContentionResult> {
  const streamId = `c-hot-${randomUUID()}`;
  const ours = new Probe(false);
  const bare = new Probe(false);
  const oursTally: Tally = { successes: 0, conflicts: 0 };
  const bareTally: Tally = { successes: 0, conflicts: 0 };
  const isUniqueViolation = (error: unknown) => (error as { code?: string }).code === '23505';
  for (const [first, size] of slices(perWriter, rounds)) {
    settle();
    ours.resume();
    await contend(
      size,
      oursTally,
      () => t.store.streamVersion(streamId),
      async (version, n) => {
        const event = newEvent(n);
        await ours.time(() => t.store.appendToStream(streamId, [event], { expectedVersion: version }));
      },
      (error) => error instanceof ConcurrencyError,
      first * 16,
    );
    ours.pause();
    settle();
    bare.resume();
    await contend(
      size,
      bareTally,
      () => t.bareVersion(streamId),
      async (version, n) => {
        const event = newEvent(n);
        await bare.time(() => t.bareInsertAt(streamId, version + 1, event));
      },
      isUniqueViolation,
      first * 16,
    );
    bare.pause();
  }
  const expected = 16 * perWriter;
  const stored = await t.store.readStream(streamId);
  const versionsOk = stored.length === expected && stored.every((e, i) => e.streamVersion === i + 1);
  const idsOk = new Set(stored.map((e) => e.eventId)).size === stored.length;
  const ok = versionsOk && idsOk && oursTally.successes === expected;
  const note = `${oursTally.successes} ok / ${oursTally.conflicts} conflicts; versions 1..${stored.length}: ${ok ? 'OK' : 'FAILED'}`;
  const oursRow = ours.row(t.name, 'C 16 writers, 1 stream', oursTally.successes, { note });
  const bareRow = bare.row(t.name, '  plain: 16 writers, 1 stream', bareTally.successes, {
    note: `${bareTally.successes} ok / ${bareTally.conflicts} conflicts`,
  });
  oursRow.ratio = oursRow.eventsPerSec / bareRow.eventsPerSec;
  return { rows: [oursRow, bareRow], ok };
}

/** Tops the log up to `target` events with 100-event appends to fresh streams, 8 at a time. */
export async function seedLog(t: BenchTarget, target: number): Promise<Row | undefined> {
  const { rows } = await t.store.db.query<{ n: string }>('SELECT count(*)::text AS n FROM events');
  const missing = target - Number(rows[0]?.n ?? 0);
  if (missing <= 0) return undefined;
  const batches = Math.ceil(missing / 100);
  const p = probe();
  await runPool(batches, 8, async (b) => {
    const size = Math.min(100, missing - b * 100);
    await p.time(() => t.store.appendToStream(`seed-${b}`, newEvents(size, b * 100), { expectedVersion: 'no_stream' }));
  });
  return p.row(t.name, 'seed: 100-event appends, c=8', missing, { note: 'fills the log for D/E' });
}
