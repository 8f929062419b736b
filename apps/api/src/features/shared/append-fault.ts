import { StoreUnavailableError } from '#event-store';

/**
 * Test-only, for the resilience suite's retry drills: ACTIONTRAIL_TEST_AFTER_APPEND widens or breaks the moment
 * between an append's commit and the command's answer, for requests with an Idempotency-Key only.
 * `hold:<ms>` waits that long (the drill kills the process or cuts its connections meanwhile); `lose-answer` fails
 * the request as a commit acknowledgement lost on the wire would (503, claim released). Unset, it does nothing.
 */
export async function afterIdempotentAppend(): Promise<void> {
  const setting = process.env.ACTIONTRAIL_TEST_AFTER_APPEND;
  if (!setting) return;
  if (setting === 'lose-answer') throw new StoreUnavailableError(new Error('test fault: the commit acknowledgement was lost'));
  const hold = /^hold:(\d{1,6})$/.exec(setting);
  if (hold) await new Promise((resolve) => setTimeout(resolve, Number(hold[1])));
}
