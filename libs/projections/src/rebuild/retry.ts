import { CheckpointMovedError, pgErrorOf } from '#event-store';
import { EventsArrivedLateError } from './transaction-events.js';

/** deadlock_detected, lock_not_available (lock_timeout), serialization_failure */
const TRANSIENT_CODES = new Set(['40P01', '55P03', '40001']);

/** A swap or a comparison that lost a race with the live runner: worth trying again after catching up. */
export function isTransient(error: unknown): boolean {
  return (
    error instanceof EventsArrivedLateError || error instanceof CheckpointMovedError || TRANSIENT_CODES.has(pgErrorOf(error).code ?? '')
  );
}

export const MAX_ATTEMPTS = 10;

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Runs `attempt` until it succeeds, a non-transient error, or MAX_ATTEMPTS; waits a little longer each time. */
export async function retryTransient<T>(
  attempt: (attemptNumber: number) => Promise<T>,
  onRetry?: (error: unknown, attemptNumber: number) => void,
): Promise<T> {
  for (let attemptNumber = 1; ; attemptNumber++) {
    try {
      return await attempt(attemptNumber);
    } catch (error) {
      if (!isTransient(error) || attemptNumber >= MAX_ATTEMPTS) throw error;
      onRetry?.(error, attemptNumber);
      await sleep(Math.min(50 * 2 ** attemptNumber, 2_000));
    }
  }
}
