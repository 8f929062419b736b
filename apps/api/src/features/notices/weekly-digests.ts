import { Injectable } from '@nestjs/common';
import { digestWeekOf, isOverdueOn } from '#domain';
import { renderDigest } from './notice-message.js';
import { NoticeOutbox } from './notice-outbox.js';
import { NoticePreferencesPort } from './notice-preferences.js';
import { NoticeReadModel } from './notice-read-model.js';
import { NoticesSettings } from './notices-settings.js';

/**
 * Each week, one email per officer listing their open actions, overdue ones first: written to the outbox on the
 * first pass of the week (its key is the person and the week), for those whose weeklyDigest preference is on.
 */
@Injectable()
export class WeeklyDigests {
  constructor(
    private readonly settings: NoticesSettings,
    private readonly readModel: NoticeReadModel,
    private readonly preferences: NoticePreferencesPort,
    private readonly outbox: NoticeOutbox,
  ) {}

  /** Answers how many digests were new to the outbox. */
  async enqueueWeek(today: string): Promise<number> {
    const weekOf = digestWeekOf(today);
    let added = 0;
    for (const recipient of await this.readModel.digestRecipients(today)) {
      if (!(await this.preferences.preferencesOf(recipient.personId)).weeklyDigest) continue;
      const actions = recipient.actions.map((action) => ({ ...action, overdue: isOverdueOn(action.dueOn, today) }));
      const ordered = [...actions.filter((action) => action.overdue), ...actions.filter((action) => !action.overdue)];
      const message = renderDigest({ recipientName: recipient.name, weekOf, actions: ordered }, this.settings.config.publicBaseUrl);
      const key = `digest/${recipient.personId}/${weekOf}`;
      const notice = {
        key,
        kind: 'digest',
        recipientPersonId: recipient.personId,
        recipientEmail: recipient.email,
        noticeOn: weekOf,
        message,
      } as const;
      if (await this.outbox.add(notice)) added += 1;
    }
    return added;
  }
}
