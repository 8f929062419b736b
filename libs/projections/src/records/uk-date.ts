/** Councils keep UK dates: a meeting at 00:30 BST is on that UK day, not the UTC one before it. */
const ukDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' });

export function ukDateOf(instant: Date | string): string {
  return ukDate.format(typeof instant === 'string' ? new Date(instant) : instant);
}
