import { Inject, Injectable, Logger } from '@nestjs/common';
import { moveCheckpoint, readStoredCheckpoint, type EventStore, type SqlDatabase } from '#event-store';
import { actionDecider, streamIdFor, ukDateOf, type ActionChased } from '#domain';
import { EVENT_STORE, SQL_DATABASE } from '#runtime';
import { AggregateStore } from '../shared/aggregate-store.js';
import { Clock } from '../shared/clock.js';
import { NoticeComposer } from './notice-composer.js';
import { NoticeOutbox } from './notice-outbox.js';
import { NoticeReadModel } from './notice-read-model.js';

export const CHASE_NOTICES_CHECKPOINT = 'notices-chases';
const BATCH = 200;

/**
 * Follows the log for chases and puts an email to the owning post's holder in the outbox for each. Writing a
 * notice is idempotent by key, so a batch read again after a crash (before the checkpoint moved) adds nothing.
 */
@Injectable()
export class ChaseNotices {
  private readonly logger = new Logger('Notices');

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(SQL_DATABASE) private readonly db: SqlDatabase,
    private readonly aggregates: AggregateStore,
    private readonly readModel: NoticeReadModel,
    private readonly composer: NoticeComposer,
    private readonly outbox: NoticeOutbox,
    private readonly clock: Clock,
  ) {}

  /** The first time, the checkpoint starts at the head: chases recorded before notices were switched on are not emailed. */
  async start(): Promise<void> {
    if ((await readStoredCheckpoint(this.db, CHASE_NOTICES_CHECKPOINT)) !== null) return;
    await moveCheckpoint(this.db, CHASE_NOTICES_CHECKPOINT, null, await this.store.headPosition());
  }

  /** Reads the chases recorded since the checkpoint; answers how many notices were new to the outbox. */
  async enqueueNew(): Promise<number> {
    let added = 0;
    for (;;) {
      const checkpoint = await readStoredCheckpoint(this.db, CHASE_NOTICES_CHECKPOINT);
      const after = checkpoint ?? 0;
      const { events, lastPosition } = await this.store.readAll(after, BATCH);
      for (const event of events) {
        if (event.type === 'ActionChased' && (await this.enqueue(event.data as ActionChased['data']))) added += 1;
      }
      if (lastPosition === after) return added;
      // Another sender that took over moved it first: it has read these chases too, and their keys are the same.
      if (!(await moveCheckpoint(this.db, CHASE_NOTICES_CHECKPOINT, checkpoint, lastPosition))) return added;
    }
  }

  private async enqueue(chase: ActionChased['data']): Promise<boolean> {
    const [action, facts] = await Promise.all([
      this.aggregates.load(actionDecider, streamIdFor('action', chase.actionId)).then((loaded) => loaded.state),
      this.readModel.action(chase.actionId),
    ]);
    if (!action.exists) return false;
    // Left for the next pass, with the checkpoint before it: the projection has not reached the action yet.
    if (!facts) throw new Error(`The read model has not reached action ${chase.actionId} yet`);
    const chasedOn = ukDateOf(this.clock.now());
    const composed = await this.composer.compose({
      kind: 'chase',
      action: facts,
      recipient: await this.readModel.holderOf(action.ownerPostId, chasedOn),
      ...(facts.dueOn ? { dueOn: facts.dueOn } : {}),
      noticeOn: ukDateOf(chase.chasedAt),
      chaseNumber: chase.chaseNumber,
      ...(chase.note ? { chaseNote: chase.note } : {}),
    });
    if ('skipped' in composed) {
      this.logger.warn(`No email for chase ${chase.chaseNumber} of action ${facts.ref} (${chase.actionId}): ${composed.skipped}`);
      return false;
    }
    return this.outbox.add(composed);
  }
}
