import { forbidden, invalid } from './errors.js';
import { isLaterInstant, ukDateOf, ukStartOfDay } from './time.js';

const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** What an event may not happen before: the action's assignment, its previous event, the meeting. */
export type Predecessor = { readonly at: string; readonly what: string };

export type Dating = {
  /** As the caller gave it: an ISO instant, or YYYY-MM-DD for the start of that UK day; absent means now. */
  readonly occurredAt?: string | undefined;
  /** When the command is recorded. */
  readonly now: string;
  /** Staff (scrutiny, admin) record past business; an officer reporting on their own action reports it as of now. */
  readonly byStaff: boolean;
  readonly follows?: Predecessor | undefined;
};

const shown = (instant: string, other: string): string => {
  const date = ukDateOf(instant);
  return date === ukDateOf(other) ? new Date(instant).toISOString() : date;
};

/**
 * When the council's world says an event happened (its business time), beside the recording time its metadata
 * keeps. Absent, it is now. A date in the future is refused; so is one before what the event follows. Only staff
 * may date business in the past: an officer's own report is dated the day it is made.
 */
export function businessTime({ occurredAt, now, byStaff, follows }: Dating): string {
  if (occurredAt === undefined) return now;
  const at = CALENDAR_DATE.test(occurredAt) ? ukStartOfDay(occurredAt) : occurredAt;
  if (!Number.isFinite(Date.parse(at))) {
    throw invalid('occurred-at-invalid', `occurredAt ${occurredAt} is not a date (YYYY-MM-DD) or an ISO 8601 instant`, {
      field: 'occurredAt',
      occurredAt,
    });
  }
  const instant = new Date(at).toISOString();
  if (isLaterInstant(instant, now)) {
    throw invalid('occurred-at-in-future', `occurredAt ${occurredAt} is in the future (it is now ${now})`, {
      field: 'occurredAt',
      occurredAt,
      now,
    });
  }
  if (!byStaff) {
    if (ukDateOf(instant) < ukDateOf(now)) {
      throw forbidden('occurred-at-past-by-officer', 'Only scrutiny staff may record business in the past; leave out occurredAt', {
        field: 'occurredAt',
        occurredAt,
      });
    }
    return now;
  }
  if (follows !== undefined && isLaterInstant(follows.at, instant)) {
    throw invalid(
      'occurred-at-before-predecessor',
      `occurredAt ${shown(instant, follows.at)} is before ${follows.what} on ${shown(follows.at, instant)}`,
      { field: 'occurredAt', occurredAt, follows: follows.what, followsAt: follows.at },
    );
  }
  return instant;
}
