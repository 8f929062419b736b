import { Injectable } from '@nestjs/common';
import { defaultNotificationPreferences, noticeKeyOf, type NoticeKind, type NotificationPreferences } from '#domain';
import { renderNotice, type NoticeContent } from './notice-message.js';
import type { ActionOutboxNotice } from './notice-outbox.js';
import { NoticePreferencesPort } from './notice-preferences.js';
import type { NoticeActionFacts, PostHolder } from './notice-read-model.js';
import { NoticesSettings } from './notices-settings.js';

export type NoticeRequest = {
  readonly kind: NoticeKind;
  readonly action: NoticeActionFacts;
  readonly recipient: PostHolder | undefined;
  readonly dueOn?: string;
  readonly noticeOn: string;
  readonly chaseNumber?: number;
  readonly chaseNote?: string;
  readonly ownerPostTitle?: string;
  readonly daysOverdue?: number;
};

/** Why a notice was not written to the outbox: nobody to send it to, or they asked not to get it. */
export type NoticeSkipped = { readonly skipped: 'vacant-post' | 'no-email' | 'opted-out' };

/** Picks the recipient's address and preferences and writes what the email says, with the notice's key. */
@Injectable()
export class NoticeComposer {
  constructor(
    private readonly settings: NoticesSettings,
    private readonly preferences: NoticePreferencesPort,
  ) {}

  async compose(request: NoticeRequest): Promise<ActionOutboxNotice | NoticeSkipped> {
    return this.composeWith(request, await this.preferencesFor([request]));
  }

  /** A batch of notices, their recipients' preferences read at once; answered in the order asked. */
  async composeAll(requests: readonly NoticeRequest[]): Promise<(ActionOutboxNotice | NoticeSkipped)[]> {
    const preferences = await this.preferencesFor(requests);
    return requests.map((request) => this.composeWith(request, preferences));
  }

  /** Only reminders and overdue notices heed preferences: one read for the recipients of those. */
  private preferencesFor(requests: readonly NoticeRequest[]): Promise<ReadonlyMap<string, NotificationPreferences>> {
    const asking = requests.flatMap(({ kind, recipient }) => (heedsPreferences(kind) && recipient?.email ? [recipient.personId] : []));
    return this.preferences.preferencesOf([...new Set(asking)]);
  }

  private composeWith(
    request: NoticeRequest,
    preferences: ReadonlyMap<string, NotificationPreferences>,
  ): ActionOutboxNotice | NoticeSkipped {
    const { recipient, action, kind } = request;
    if (!recipient) return { skipped: 'vacant-post' };
    if (!recipient.email) return { skipped: 'no-email' };
    if (heedsPreferences(kind) && !(preferences.get(recipient.personId) ?? defaultNotificationPreferences).reminders) {
      return { skipped: 'opted-out' };
    }
    const content: NoticeContent = {
      kind,
      recipientName: recipient.name,
      actionId: action.actionId,
      ref: action.ref,
      title: action.title,
      ...(action.description ? { description: action.description } : {}),
      committeeName: action.committeeName,
      ...(request.dueOn ? { dueOn: request.dueOn } : {}),
      ...(request.ownerPostTitle ? { ownerPostTitle: request.ownerPostTitle } : {}),
      ...(request.daysOverdue !== undefined ? { daysOverdue: request.daysOverdue } : {}),
      ...(request.chaseNote ? { chaseNote: request.chaseNote } : {}),
    };
    const identity = {
      actionId: action.actionId,
      kind,
      dueOn: request.dueOn,
      noticeOn: request.noticeOn,
      chaseNumber: request.chaseNumber,
      recipientPersonId: recipient.personId,
    };
    return {
      key: noticeKeyOf(identity),
      actionId: action.actionId,
      kind,
      recipientPersonId: recipient.personId,
      recipientPostId: recipient.postId,
      recipientEmail: recipient.email,
      ...(request.dueOn ? { dueOn: request.dueOn } : {}),
      noticeOn: request.noticeOn,
      message: renderNotice(content, this.settings.config.publicBaseUrl),
    };
  }
}

const heedsPreferences = (kind: NoticeKind): boolean => kind === 'reminder' || kind === 'overdue';
