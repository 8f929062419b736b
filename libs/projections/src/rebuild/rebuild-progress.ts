import { SqlEventStore, type EventStore } from '#event-store';

export type RebuildPhase = 'building' | 'swapping' | 'comparing';
export type ProgressUnit = 'events' | 'positions';

/** How far a rebuild or verify has got: events applied of all events, or (stores that cannot count) positions. */
export interface RebuildProgress {
  readonly projection: string;
  readonly phase: RebuildPhase;
  readonly done: number;
  readonly total: number;
  readonly unit: ProgressUnit;
}

const RECOUNT_EVERY_MS = 2_000;

/** Measures progress against the store: count(*) of events where the store is SQL, else global positions. */
export class ProgressMeter {
  private total = 0;
  private countedAt = 0;

  constructor(
    private readonly store: EventStore,
    private readonly projection: string,
  ) {}

  get unit(): ProgressUnit {
    return this.store instanceof SqlEventStore ? 'events' : 'positions';
  }

  /** `applied` events so far, the last of them at `position`; the total is counted again now and then as the log grows. */
  async measure(phase: RebuildPhase, applied: number, position: number): Promise<RebuildProgress> {
    const done = this.unit === 'events' ? applied : position;
    if (Date.now() - this.countedAt >= RECOUNT_EVERY_MS || done > this.total) {
      this.total = await this.countTotal();
      this.countedAt = Date.now();
    }
    return { projection: this.projection, phase, done, total: Math.max(this.total, done), unit: this.unit };
  }

  private async countTotal(): Promise<number> {
    if (this.store instanceof SqlEventStore) {
      const { rows } = await this.store.db.query<{ total: string }>('SELECT count(*)::text AS total FROM events');
      return Number(rows[0]?.total ?? 0);
    }
    return this.store.headPosition();
  }
}
