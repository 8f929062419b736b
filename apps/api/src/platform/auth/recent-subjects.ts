/**
 * Which person each recently seen token subject named, for a few seconds. Every request names its caller, and a
 * busy api would otherwise ask rm_people the same question hundreds of times a second. Least recently used out.
 */
export class RecentSubjects {
  private readonly entries = new Map<string, { readonly personId: string; readonly until: number }>();

  constructor(
    private readonly keepMs: number,
    private readonly capacity: number,
  ) {}

  personIdFor(subject: string, nowMs: number): string | undefined {
    const entry = this.entries.get(subject);
    if (entry === undefined) return undefined;
    this.entries.delete(subject);
    if (entry.until <= nowMs) return undefined;
    this.entries.set(subject, entry);
    return entry.personId;
  }

  remember(subject: string, personId: string, nowMs: number): void {
    this.entries.delete(subject);
    this.entries.set(subject, { personId, until: nowMs + this.keepMs });
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as string);
  }
}
