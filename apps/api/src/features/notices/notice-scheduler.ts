import { Injectable, Logger } from '@nestjs/common';
import {
  actionDecider,
  addDays,
  committeeDecider,
  fromCalendarDate,
  noticesDueOn,
  streamIdFor,
  type CommitteeState,
  type NoticeDue,
} from '#domain';
import { AggregateStore } from '../shared/aggregate-store.js';
import { NoticeComposer, type NoticeRequest } from './notice-composer.js';
import { NoticeOutbox, type ActionOutboxNotice } from './notice-outbox.js';
import { NoticeReadModel, type NoticeActionFacts } from './notice-read-model.js';
import { NoticesSettings } from './notices-settings.js';

const DAY_MS = 86_400_000;

/** A notice found due, and the post whose holder today it goes to. */
type WantedNotice = {
  readonly facts: NoticeActionFacts;
  readonly due: Pick<NoticeDue, 'kind' | 'dueOn' | 'noticeOn'>;
  readonly postId: string;
  readonly ownerPostId: string;
};

/** Puts the time-based notices due on a UK date in the outbox: what is due is the domain's noticesDueOn. */
@Injectable()
export class NoticeScheduler {
  private readonly logger = new Logger('Notices');
  /** What was skipped and said so already today: the same notice is found due again on every pass. */
  private readonly toldOf = new Set<string>();
  private toldOn = '';

  constructor(
    private readonly settings: NoticesSettings,
    private readonly aggregates: AggregateStore,
    private readonly readModel: NoticeReadModel,
    private readonly composer: NoticeComposer,
    private readonly outbox: NoticeOutbox,
  ) {}

  /** Answers how many notices were new to the outbox. */
  async enqueueDue(today: string): Promise<number> {
    const { reminderDaysBefore, overdueDaysAfter } = this.settings.config;
    if (this.toldOn !== today) this.toldOf.clear();
    this.toldOn = today;
    const until = addDays(today, Math.max(0, ...reminderDaysBefore));
    const committees = new Map<string, Promise<CommitteeState>>();
    const committeeOf = (id: string) => {
      if (!committees.has(id))
        committees.set(
          id,
          this.aggregates.load(committeeDecider, streamIdFor('committee', id)).then((c) => c.state),
        );
      return committees.get(id) as Promise<CommitteeState>;
    };
    const wanted: WantedNotice[] = [];
    for (const facts of await this.readModel.openActionsDueBy(until)) {
      const action = (await this.aggregates.load(actionDecider, streamIdFor('action', facts.actionId))).state;
      if (!action.exists) continue;
      const committee = await committeeOf(action.committeeId);
      const escalation = committee.exists ? committee.escalation : undefined;
      const policy = { reminderDaysBefore, overdueDaysAfter, ...(escalation ? { escalation } : {}) };
      for (const due of noticesDueOn(action, facts.dueOn, today, policy)) {
        const postId = due.to === 'owner' ? action.ownerPostId : (escalation?.postId ?? action.ownerPostId);
        wanted.push({ facts, due, postId, ownerPostId: action.ownerPostId });
      }
    }
    let added = 0;
    for (const composed of await this.composeAll(wanted, today)) if (composed && (await this.outbox.add(composed))) added += 1;
    return added;
  }

  /**
   * A pending reminder, overdue notice or escalation whose post has changed hands since it was written: the same
   * notice for the post's holder today, with that recipient's key (the one this scheduler finds due for them);
   * undefined when there is nobody to send it to.
   */
  async recomposeForHolder(
    notice: ActionOutboxNotice & { kind: NoticeDue['kind'] },
    today: string,
  ): Promise<ActionOutboxNotice | undefined> {
    const facts = await this.readModel.action(notice.actionId);
    if (!facts || notice.dueOn === undefined) return undefined;
    const due = { kind: notice.kind, dueOn: notice.dueOn, noticeOn: notice.noticeOn };
    const [composed] = await this.composeAll([{ facts, due, postId: notice.recipientPostId, ownerPostId: facts.ownerPostId }], today);
    return composed;
  }

  /** The notices for their posts' holders today, in the order asked; undefined where there is nobody to send one to. */
  private async composeAll(wanted: readonly WantedNotice[], today: string): Promise<(ActionOutboxNotice | undefined)[]> {
    const requests: NoticeRequest[] = [];
    for (const { facts, due, postId, ownerPostId } of wanted) {
      const escalating = due.kind === 'escalation';
      const ownerPostTitle = escalating ? await this.readModel.postTitle(ownerPostId) : undefined;
      requests.push({
        kind: due.kind,
        action: facts,
        recipient: await this.readModel.holderOf(postId, today),
        dueOn: due.dueOn,
        noticeOn: due.noticeOn,
        ...(ownerPostTitle ? { ownerPostTitle } : {}),
        ...(escalating ? { daysOverdue: daysBetween(due.dueOn, today) } : {}),
      });
    }
    return (await this.composer.composeAll(requests)).map((composed, i) => {
      if (!('skipped' in composed)) return composed;
      const { facts, due, postId } = wanted[i] as WantedNotice;
      const what = `${due.kind} notice of ${due.noticeOn} for action ${facts.ref} (${facts.actionId})`;
      if (!this.toldOf.has(`${what}/${composed.skipped}`)) this.logger.warn(`No ${what}: ${composed.skipped} (post ${postId})`);
      this.toldOf.add(`${what}/${composed.skipped}`);
      return undefined;
    });
  }
}

const daysBetween = (from: string, to: string): number =>
  Math.round((fromCalendarDate(to).getTime() - fromCalendarDate(from).getTime()) / DAY_MS);
