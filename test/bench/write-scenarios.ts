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

/** B: ten single-event appends per stream with exact expected versions, 16 streams at a time. */
export async function scenarioB(t: BenchTarget, streams: number, note?: string): Promise<Row> {
  const p = probe();
  await runPool(streams, 16, async (s) => {
    for (let version = 0; version < 10; version++) {
      await p.time(() => t.store.appendToStream(`b-${s}`, [newEvent(version)], { expectedVersion: version }));
    }
  });
  return p.row(t.name, 'B 10 appends x stream, c=16', streams * 10, note === undefined ? {} : { note });
}

export interface ContentionResult {
  readonly row: Row;
  readonly ok: boolean;
}

/** C: 16 writers on one stream: read version, append at it, retry on ConcurrencyError. */
export async function scenarioC(t: BenchTarget, perWriter: number): Promise<ContentionResult> {
  const streamId = `c-hot-${randomUUID()}`;
  const writers = 16;
  let successes = 0;
  let conflicts = 0;
  const p = probe();
  await runPool(writers, writers, async (w) => {
    for (let written = 0; written < perWriter;) {
      const event = newEvent(w * perWriter + written);
      for (;;) {
        const version = await t.store.streamVersion(streamId);
        try {
          await p.time(() => t.store.appendToStream(streamId, [event], { expectedVersion: version }));
          successes++;
          written++;
          break;
        } catch (error) {
          if (!(error instanceof ConcurrencyError)) throw error;
          conflicts++;
        }
      }
    }
  });
  p.stop();
  const expected = writers * perWriter;
  const stored = await t.store.readStream(streamId);
  const versionsOk = stored.length === expected && stored.every((e, i) => e.streamVersion === i + 1);
  const idsOk = new Set(stored.map((e) => e.eventId)).size === stored.length;
  const ok = versionsOk && idsOk && successes === expected;
  const note = `${successes} ok / ${conflicts} conflicts; versions 1..${stored.length}: ${ok ? 'OK' : 'FAILED'}`;
  return { row: p.row(t.name, `C 16 writers, 1 stream`, successes, { note }), ok };
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
