import type { ActionDue } from '../../../../../libs/domain/src/action/index.js';

/** Councils keep UK dates: a meeting at 00:30 BST is on that UK day, not the UTC one before it. */
const ukDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' });

export function ukDateOf(instant: Date | string): string {
  return ukDate.format(typeof instant === 'string' ? new Date(instant) : instant);
}

/** An action due at a meeting is due on that meeting's date. */
export function dueDateOf(due: ActionDue, dueMeetingStartsAt: string | undefined): string | undefined {
  if (due.dueDate) return due.dueDate;
  return dueMeetingStartsAt ? ukDateOf(dueMeetingStartsAt) : undefined;
}

/** Whole days from one YYYY-MM-DD to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
