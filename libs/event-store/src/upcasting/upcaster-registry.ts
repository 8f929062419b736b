/** Turns events stored in older schema versions into the current shape when they are read. */
export type Upcaster = (data: Record<string, unknown>) => Record<string, unknown>;

export class UpcasterRegistry {
  private readonly current = new Map<string, number>();
  private readonly steps = new Map<string, Upcaster>();

  /** Registers the step that lifts `type` from `fromVersion` to `fromVersion + 1`. */
  register(type: string, fromVersion: number, upcast: Upcaster): this {
    this.steps.set(`${type}@${fromVersion}`, upcast);
    this.current.set(type, Math.max(this.currentVersion(type), fromVersion + 1));
    return this;
  }

  currentVersion(type: string): number {
    return this.current.get(type) ?? 1;
  }

  upcast(type: string, schemaVersion: number, data: Record<string, unknown>): { schemaVersion: number; data: Record<string, unknown> } {
    let version = schemaVersion;
    let result = data;
    for (;;) {
      const step = this.steps.get(`${type}@${version}`);
      if (!step) return { schemaVersion: version, data: result };
      result = step(result);
      version += 1;
    }
  }
}
