import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import type { EventStore, SqlDatabase } from '#event-store';
import { allProjections, ProjectionRunner } from '#projections';
import type { AppConfig } from '#runtime';
import { APP_CONFIG, EVENT_STORE, HealthRegistry, SQL_DATABASE } from '../platform/index.js';
import { installCheckpointMovedTrigger } from './checkpoint-moved.js';
import { ProjectionPositions } from './projection-positions.js';

/** Prepares the read-model tables and, unless PROJECTIONS=off, runs the projections inside this process. */
@Injectable()
export class ProjectionsLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Projections');
  private readonly runners: ProjectionRunner[];

  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(SQL_DATABASE) private readonly db: SqlDatabase,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly positions: ProjectionPositions,
    private readonly health: HealthRegistry,
  ) {
    const onError = (error: unknown) =>
      this.logger.error(`Projection batch failed: ${error instanceof Error ? error.message : String(error)}`);
    const log = (message: string) => this.logger.log(message);
    this.runners = allProjections.map((projection) => new ProjectionRunner({ store, db, projection, onError, log }));
    this.health.register('projections', async () => {
      const [head, position] = await Promise.all([store.headPosition(), this.positions.current()]);
      return { status: 'up', position, head, behind: head > position, mode: this.config.projections };
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    for (const runner of this.runners) await runner.prepare();
    await installCheckpointMovedTrigger(this.db);
    if (this.config.projections === 'off') return;
    for (const runner of this.runners) runner.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await Promise.all(this.runners.map((runner) => runner.stop()));
  }
}
