import { createHash } from 'node:crypto';
import { streamIdFor, type StreamCategory } from '#domain';
import type { QueryOptions } from '#event-store';

/**
 * Instants leave SQL as text so PGlite and `pg` answer alike (pg would build local-time Dates):
 * UTC with milliseconds, as JavaScript's toISOString writes the instants the server stamps.
 */
export const isoInstant = (column: string): string => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

export const isoDate = (column: string): string => `to_char(${column}, 'YYYY-MM-DD')`;

/** The UK calendar day of an instant: a meeting at 00:30 BST is on that UK day. */
export const ukDay = (column: string): string => `to_char(${column} AT TIME ZONE 'Europe/London', 'YYYY-MM-DD')`;

/** Instants people typed, like a meeting's start, seldom carry milliseconds: answer them as they were given. */
export const asTyped = (instant: string): string => instant.replace(/\.000Z$/, 'Z');

/** The stream id a row's key belongs to, as SQL (the audit log keys events by stream id). */
export const streamIdSql = (category: StreamCategory, keyColumn: string): string => `'${streamIdFor(category, '')}' || ${keyColumn}`;

/** A ref like A12 sorts as the number 12 (refs count a committee's actions in the order they were assigned). */
export const refNumberSql = (alias = 'a'): string => `substring(${alias}.ref FROM '^A([0-9]{1,9})$')::int`;

/** Views asked for on every page load are prepared once per connection: PostgreSQL then skips parsing and planning them. */
export const preparedView = (sql: string): QueryOptions => ({
  prepareAs: `view_${createHash('sha1').update(sql).digest('hex').slice(0, 24)}`,
});
