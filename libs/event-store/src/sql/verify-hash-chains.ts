import { eventHash } from '../hashing/event-hash.js';
import type { BrokenLink, VerifyProgress, VerifyResult } from '../port/event-store.port.js';
import type { SqlQueryable } from './sql-database.js';
import { EVENT_COLUMNS, rawEventFromRow, type StoredEventRow } from './stored-event-row.js';

const PAGE = 5_000;

interface Row extends StoredEventRow {
  head_version: number | null;
  head_hash: string | null;
}

/** Recomputes every stream's hash chain, page by page in (stream, version) order, and stops at the first broken link. */
export async function verifyHashChains(db: SqlQueryable, onProgress?: (p: VerifyProgress) => void): Promise<VerifyResult> {
  let checkedEvents = 0;
  let checkedStreams = 0;
  let cursor: { streamId: string; version: number } = { streamId: '', version: 0 };
  let previous: { streamId: string; version: number; hash: string; headVersion: number | null; headHash: string | null } | undefined;

  const headMismatch = (p: NonNullable<typeof previous>): BrokenLink | undefined =>
    p.headVersion !== p.version || p.headHash !== p.hash
      ? { streamId: p.streamId, streamVersion: p.version, eventId: null, globalPosition: null, reason: 'stream-head-mismatch' }
      : undefined;

  for (;;) {
    const { rows } = await db.query<Row>(
      `SELECT ${EVENT_COLUMNS.split(', ')
        .map((c) => `e.${c}`)
        .join(', ')}, s.version AS head_version, s.last_hash AS head_hash
       FROM events e LEFT JOIN streams s ON s.stream_id = e.stream_id
       WHERE (e.stream_id, e.stream_version) > ($1, $2)
       ORDER BY e.stream_id, e.stream_version LIMIT ${PAGE}`,
      [cursor.streamId, cursor.version],
    );
    for (const row of rows) {
      const event = rawEventFromRow(row);
      const continuing = previous?.streamId === event.streamId;
      if (!continuing) {
        const broken = previous && headMismatch(previous);
        if (broken) return { ok: false, checkedEvents, checkedStreams, firstBroken: broken };
        checkedStreams += 1;
      }
      const expectedVersion = continuing ? (previous?.version ?? 0) + 1 : 1;
      const expectedPrev = continuing ? (previous?.hash ?? null) : null;
      const at = {
        streamId: event.streamId,
        streamVersion: event.streamVersion,
        eventId: event.eventId,
        globalPosition: event.globalPosition,
      };
      if (event.streamVersion !== expectedVersion)
        return { ok: false, checkedEvents, checkedStreams, firstBroken: { ...at, reason: 'version-gap' } };
      if (event.prevHash !== expectedPrev)
        return { ok: false, checkedEvents, checkedStreams, firstBroken: { ...at, reason: 'chain-broken' } };
      if (eventHash(event, expectedPrev) !== event.hash)
        return { ok: false, checkedEvents, checkedStreams, firstBroken: { ...at, reason: 'hash-mismatch' } };
      checkedEvents += 1;
      previous = {
        streamId: event.streamId,
        version: event.streamVersion,
        hash: event.hash,
        headVersion: row.head_version === null ? null : Number(row.head_version),
        headHash: row.head_hash,
      };
    }
    onProgress?.({ checkedEvents });
    if (rows.length < PAGE) break;
    const last = rows.at(-1) as Row;
    cursor = { streamId: last.stream_id, version: Number(last.stream_version) };
  }
  const broken = previous && headMismatch(previous);
  return broken ? { ok: false, checkedEvents, checkedStreams, firstBroken: broken } : { ok: true, checkedEvents, checkedStreams };
}
