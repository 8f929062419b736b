import { Inject, Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { SqlEventStore, type EventStore, type SqlDatabase } from '#event-store';
import { WakeSignal } from '#event-store';
import { allProjections, checkpointNameOf } from '#projections';
import { EVENT_STORE, SQL_DATABASE } from '../platform/index.js';
import { checkpointChannelOf } from './checkpoint-moved.js';

/** A lost notification (a dropped listening connection) costs at most this much of a wait. */
const FALLBACK_RECHECK_MS = 1_000;

/** How far the read models have got: the least checkpoint of all projections, as every view may join several. */
@Injectable()
export class ProjectionPositions implements OnModuleInit, OnApplicationShutdown {
  private readonly names = allProjections.map((p) => checkpointNameOf(p));
  private readonly moved = new WakeSignal();
  private unlisten: (() => Promise<void>) | undefined;

  constructor(
    @Inject(SQL_DATABASE) private readonly db: SqlDatabase,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async onModuleInit(): Promise<void> {
    this.unlisten = await this.db.listen(await checkpointChannelOf(this.db), () => this.moved.wake());
  }

  async onApplicationShutdown(): Promise<void> {
    await this.unlisten?.();
    this.moved.wake();
  }

  async current(): Promise<number> {
    const positions = await this.byProjection();
    return Math.min(...positions.map((p) => p.position));
  }

  /** Each projection's checkpoint by its name (`records`, `audit-log`, …); 0 for one that has not started. */
  async byProjection(): Promise<{ readonly projection: string; readonly position: number }[]> {
    const { rows } = await this.db.query<{ name: string; position: string }>(
      `SELECT name, position::text AS position FROM checkpoints WHERE name IN (SELECT value FROM jsonb_array_elements_text($1::jsonb))`,
      [JSON.stringify(this.names)],
    );
    const positions = new Map(rows.map((r) => [r.name, Number(r.position)]));
    return allProjections.map((p) => ({ projection: p.name, position: positions.get(checkpointNameOf(p)) ?? 0 }));
  }

  /**
   * The position of the last committed event. On SQL this is read past the safe horizon: a position a command
   * answered exists even while an older transaction still holds readers back.
   */
  async committedHead(): Promise<number> {
    if (!(this.store instanceof SqlEventStore)) return this.store.headPosition();
    const { rows } = await this.store.db.query<{ head: string | null }>('SELECT max(global_position)::text AS head FROM events');
    return Number(rows[0]?.head ?? 0);
  }

  /**
   * Waits until every projection has applied `position`; answers the position reached, or undefined on timeout.
   * It sleeps until a checkpoint moves (a NOTIFY sent at the batch's commit), reading the checkpoints once per move.
   */
  async waitFor(position: number, timeoutMs: number): Promise<number | undefined> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      // Listen before reading, so that a move between the read and the sleep still wakes it.
      const moved = this.moved.wait(Math.min(FALLBACK_RECHECK_MS, Math.max(0, deadline - Date.now())));
      const reached = await this.current();
      if (reached >= position) return reached;
      if (Date.now() >= deadline) return undefined;
      await moved;
    }
  }
}
