import { ukDateOf } from '#domain';
import type { Clock } from '../features/shared/clock.js';

/** The day views measure "overdue" against: `asOf` when given, else today in the UK by the injected Clock. */
export function viewDate(clock: Clock, asOf: string | undefined): string {
  return asOf ?? ukDateOf(clock.now());
}
