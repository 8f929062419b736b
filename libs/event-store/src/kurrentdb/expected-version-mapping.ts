import { ANY, NO_STREAM, STREAM_EXISTS, type AppendStreamState, type CurrentStreamState } from '@kurrent/kurrentdb-client';
import type { ExpectedVersion } from '../port/event-store.port.js';

/**
 * Our stream versions count events from 1; KurrentDB revisions index them from 0.
 * A stream at version n has its last event at revision n - 1, and version 0 means "no stream".
 */
export function revisionOfVersion(version: number): bigint {
  return BigInt(version - 1);
}

export function versionOfRevision(revision: bigint): number {
  return Number(revision) + 1;
}

/** The caller's expectation in KurrentDB's terms. */
export function toKurrentStreamState(expected: ExpectedVersion): AppendStreamState {
  if (typeof expected === 'number') return expected === 0 ? NO_STREAM : revisionOfVersion(expected);
  switch (expected) {
    case 'no_stream':
      return NO_STREAM;
    case 'stream_exists':
      return STREAM_EXISTS;
    case 'any':
      return ANY;
  }
}

/** The stream's version as KurrentDB reports it in a conflict; deleted or tombstoned streams (negative revisions) count as absent. */
export function versionOfCurrentState(current: CurrentStreamState): number {
  if (current === NO_STREAM || current < 0n) return 0;
  return versionOfRevision(current);
}

export function expectationMet(expected: ExpectedVersion, currentVersion: number): boolean {
  if (typeof expected === 'number') return currentVersion === expected;
  switch (expected) {
    case 'no_stream':
      return currentVersion === 0;
    case 'stream_exists':
      return currentVersion > 0;
    case 'any':
      return true;
  }
}

/**
 * The state an append is actually sent with. Every event carries the hash of the one before it, so the write must
 * land exactly on the head it was chained to: once the caller's expectation has been checked against that head,
 * `any` and `stream_exists` tighten to the head's own revision. Exact versions and `no_stream` already pin it.
 */
export function chainedAppendState(expected: ExpectedVersion, headVersion: number): AppendStreamState {
  if (typeof expected === 'number' || expected === 'no_stream') return toKurrentStreamState(expected);
  return headVersion === 0 ? NO_STREAM : revisionOfVersion(headVersion);
}

/** Only appends that did not pin a version may be chained again onto a head that moved under them. */
export function retriesOnMovedHead(expected: ExpectedVersion): boolean {
  return expected === 'any' || expected === 'stream_exists';
}
