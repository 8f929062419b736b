import { Inject, Injectable } from '@nestjs/common';
import type { SqlDatabase } from '../../../../libs/event-store/src/index.js';
import { allProjections, checkpointNameOf } from '../../../../libs/projections/src/index.js';
import { SQL_DATABASE } from '../platform/index.js';

const POLL_MS = 20;

/** How far the read models have got: the least checkpoint of all projections, as every view may join several. */
@Injectable()
export class ProjectionPositions {
  private readonly names = allProjections.map((p) => checkpointNameOf(p));

  constructor(@Inject(SQL_DATABASE) private readonly db: SqlDatabase) {}

  async current(): Promise<number> {
    const { rows } = await this.db.query<{ name: string; position: string }>(
      `SELECT name, position::text AS position FROM checkpoints WHERE name IN (SELECT value FROM jsonb_array_elements_text($1::jsonb))`,
      [JSON.stringify(this.names)]);
    if (rows.length < this.names.length) return 0;
    return Math.min(...rows.map((r) => Number(r.position)));
  }

  /** Waits until every projection has applied `position`; answers the position reached, or undefined on timeout. */
  async waitFor(position: number, timeoutMs: number): Promise<number | undefined> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const reached = await this.current();
      if (reached >= position) return reached;
      if (Date.now() >= deadline) return undefined;
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }
}
