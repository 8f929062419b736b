import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { actionDecider, streamIdFor, type ActionState, type RecordActionNotice } from '#domain';
import type { Caller } from '../../platform/caller.js';
import { AggregateStore } from '../shared/aggregate-store.js';
import type { ActionOutboxNotice } from './notice-outbox.js';

/** The notice on the action's history: the decider records a key once, so recording again is a no-op. */
@Injectable()
export class NoticeRecorder {
  constructor(private readonly aggregates: AggregateStore) {}

  async actionOf(notice: ActionOutboxNotice): Promise<ActionState> {
    return (await this.aggregates.load(actionDecider, streamIdFor('action', notice.actionId))).state;
  }

  async record(notice: ActionOutboxNotice): Promise<void> {
    // No actor: the system sent it; the history shows it as the system's.
    const caller: Caller = { actor: undefined, correlationId: `notice-${randomUUID()}`, requestId: randomUUID() };
    await this.aggregates.execute(
      actionDecider,
      { id: notice.actionId, streamId: streamIdFor('action', notice.actionId) },
      (_state, now): RecordActionNotice => ({
        type: 'RecordActionNotice',
        data: {
          actionId: notice.actionId,
          key: notice.key,
          kind: notice.kind,
          recipientPersonId: notice.recipientPersonId,
          recipientPostId: notice.recipientPostId,
          ...(notice.dueOn ? { dueOn: notice.dueOn } : {}),
          noticeOn: notice.noticeOn,
          now,
        },
      }),
      { caller },
    );
  }
}
