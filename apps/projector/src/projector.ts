import type { SqlQueryable, StoredEvent } from '#event-store';
import { allProjections, ProjectionRunner, type Projection } from '#projections';
import type { ProjectorConfig } from './projector-config.js';
import type { ReadSide } from './open-read-side.js';

/** One JSON line per call: `message` plus fields. */
export interface ProjectorLog {
  info(message: string, fields?: Record<string, unknown>): void;
  debug(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

const LEADERSHIP_CHECK_MS = 200;

/**
 * Runs every projection against the read side. On PostgreSQL each projection has one active runner across
 * all projector processes (an advisory lock); the others retry the lock every second and take over when the
 * active process dies.
 */
export class Projector {
  private readonly runners: ProjectionRunner[];
  private readonly leading = new Map<string, boolean>();
  private leadershipTimer: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(
    private readonly readSide: ReadSide,
    private readonly config: ProjectorConfig,
    private readonly log: ProjectorLog,
  ) {
    this.runners = allProjections.map((projection) => this.runnerFor(projection));
  }

  async start(): Promise<void> {
    for (const runner of this.runners) await runner.prepare();
    if (this.stopped) return;
    for (const runner of this.runners) runner.start();
    this.leadershipTimer = setInterval(() => this.logLeadershipChanges(), LEADERSHIP_CHECK_MS);
    this.leadershipTimer.unref();
    this.log.info('projector started', {
      projections: allProjections.map((p) => p.name),
      store: this.config.app.eventStore,
      schema: this.config.app.databaseSchema,
      batchSize: this.config.batchSize,
      ...(this.config.batchDelayMs > 0 ? { batchDelayMs: this.config.batchDelayMs } : {}),
    });
  }

  /** Lets each runner finish its batch, releases the leader locks and closes the store. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.leadershipTimer);
    await Promise.all(this.runners.map((runner) => runner.stop()));
    await this.readSide.close();
  }

  private runnerFor(projection: Projection): ProjectionRunner {
    const { store, db } = this.readSide;
    const { batchSize, batchDelayMs } = this.config;
    return new ProjectionRunner({
      store,
      db,
      projection,
      batchSize,
      log: (message) => this.log.info(message, { projection: projection.name }),
      onError: (error) => this.log.error('projection batch failed; retrying', { projection: projection.name, error: errorText(error) }),
      beforeCommit: async (events: readonly StoredEvent[], _tx: SqlQueryable) => {
        this.log.debug('committing batch', {
          projection: projection.name,
          events: events.length,
          from: events[0]?.globalPosition,
          to: events.at(-1)?.globalPosition,
        });
        if (batchDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, batchDelayMs));
      },
    });
  }

  private logLeadershipChanges(): void {
    for (const runner of this.runners) {
      const name = runner.projection.name;
      const leads = runner.isLeader;
      if ((this.leading.get(name) ?? false) === leads) continue;
      this.leading.set(name, leads);
      this.log.info(leads ? 'leading projection' : 'no longer leading projection', { projection: name, leader: leads });
    }
  }
}

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));
