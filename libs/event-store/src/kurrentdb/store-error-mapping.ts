import { ErrorType, isCommandError } from '@kurrent/kurrentdb-client';
import { ConcurrencyError, InvalidAppendError, StoreUnavailableError } from '../port/errors.js';
import type { ExpectedVersion } from '../port/event-store.port.js';
import { versionOfCurrentState } from './expected-version-mapping.js';

/** The server could not be reached or did not answer in time: the caller may retry later. */
const UNAVAILABLE: ReadonlySet<ErrorType> = new Set([
  ErrorType.UNAVAILABLE,
  ErrorType.DEADLINE_EXCEEDED,
  ErrorType.TIMEOUT,
  ErrorType.CANCELLED,
  ErrorType.NOT_LEADER,
]);
const OVERSIZED: ReadonlySet<ErrorType> = new Set([
  ErrorType.MAXIMUM_APPEND_SIZE_EXCEEDED,
  ErrorType.APPEND_RECORD_SIZE_EXCEEDED,
  ErrorType.TRANSACTION_MAX_SIZE_EXCEEDED,
]);

/** A client error in the port's terms: unreachable → StoreUnavailableError, too large → InvalidAppendError; others unchanged. */
export function toStoreError(error: unknown): unknown {
  if (!(error instanceof Error) || !isCommandError(error)) return error;
  if (UNAVAILABLE.has(error.type)) return new StoreUnavailableError(error);
  if (OVERSIZED.has(error.type)) return new InvalidAppendError(`KurrentDB refused the append as too large: ${error.message}`);
  return error;
}

/** As toStoreError, and a wrong expected version becomes a ConcurrencyError naming the stream's actual version. */
export function toAppendError(error: unknown, streamId: string, expected: ExpectedVersion): unknown {
  if (error instanceof Error && isCommandError(error) && error.type === ErrorType.WRONG_EXPECTED_VERSION) {
    return new ConcurrencyError(streamId, expected, versionOfCurrentState(error.actualState));
  }
  return toStoreError(error);
}

/** True when KurrentDB reports that the stream is absent, which reads treat as empty. */
export function isMissingStream(error: unknown): boolean {
  return error instanceof Error && isCommandError(error) && error.type === ErrorType.STREAM_NOT_FOUND;
}
