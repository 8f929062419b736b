import ical, { ICalCalendarMethod } from 'ical-generator';
import type { FeedEntry, FeedOwner } from './calendar-feed.sql.js';

/** Stable for the action's life, so a calendar updates its entry rather than adding another. */
export const calendarUidOf = (actionId: string): string => `action-${actionId}@actiontrail`;

const utcMidnight = (date: string): Date => new Date(`${date}T00:00:00Z`);

/**
 * One all-day event per action on its due date. SEQUENCE is the action's version and LAST-MODIFIED when it last
 * changed: Outlook replaces an entry only when these move on, which they do when the due date changes.
 */
export function calendarFeedIcs(owner: FeedOwner, entries: readonly FeedEntry[], consoleOrigin: string, now: Date): string {
  const calendar = ical({
    name: `Actiontrail: actions due${owner.name ? ` (${owner.name})` : ''}`,
    prodId: { company: 'Actiontrail', product: 'due-dates', language: 'EN' },
    method: ICalCalendarMethod.PUBLISH,
    ttl: 60 * 60,
  });
  for (const entry of entries) {
    const link = `${consoleOrigin}/actions/${entry.actionId}`;
    calendar.createEvent({
      id: calendarUidOf(entry.actionId),
      allDay: true,
      start: utcMidnight(entry.dueOn),
      summary: `${entry.ref}: ${entry.title}`,
      description: `${entry.committeeName}, action ${entry.ref}, owned by ${entry.postTitle}.\n\n${entry.title}\n\n${link}`,
      url: link,
      sequence: entry.version,
      stamp: now,
      ...(entry.changedAt === null ? {} : { lastModified: new Date(entry.changedAt) }),
    });
  }
  return calendar.toString();
}
