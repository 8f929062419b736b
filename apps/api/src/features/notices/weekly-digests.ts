import { Injectable } from '@nestjs/common';
import { defaultNotificationPreferences, digestWeekOf, isOverdueOn, responsesInDigestDueBy } from '#domain';
import { renderDigest } from './notice-message.js';
import { NoticeOutbox } from './notice-outbox.js';
import { NoticePreferencesPort } from './notice-preferences.js';
import { NoticeReadModel, type NoticeActionFacts, type ResponseDueFacts } from './notice-read-model.js';
import { NoticesSettings } from './notices-settings.js';

type Recipient = { personId: string; name: string; email: string; actions: NoticeActionFacts[]; responses: ResponseDueFacts[] };

/**
 * Each week, one email per officer listing their open actions, overdue ones first, and the executive responses
 * their decision maker's post owes (overdue or due within four weeks): written to the outbox on the first pass of
 * the week (its key is the person and the week), for those whose weeklyDigest preference is on.
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
    const recipients = await this.recipients(today);
    const preferences = await this.preferences.preferencesOf(recipients.map((recipient) => recipient.personId));
    for (const recipient of recipients) {
      if (!(preferences.get(recipient.personId) ?? defaultNotificationPreferences).weeklyDigest) continue;
      const actions = recipient.actions.map((action) => ({ ...action, overdue: isOverdueOn(action.dueOn, today) }));
      const ordered = [...actions.filter((action) => action.overdue), ...actions.filter((action) => !action.overdue)];
      const responses = recipient.responses.map((response) => ({ ...response, overdue: isOverdueOn(response.responseDueOn, today) }));
      const message = renderDigest(
        { recipientName: recipient.name, weekOf, actions: ordered, responses },
        this.settings.config.publicBaseUrl,
      );
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

  /** Officers owning open actions and holders of decision makers' posts owing responses: one digest each. */
  private async recipients(today: string): Promise<Recipient[]> {
    const [owners, holders] = await Promise.all([
      this.readModel.digestRecipients(today),
      this.readModel.responsesDueBy(today, responsesInDigestDueBy(today)),
    ]);
    const byPerson = new Map<string, Recipient>(owners.map((o) => [o.personId, { ...o, actions: [...o.actions], responses: [] }]));
    for (const holder of holders) {
      const recipient = byPerson.get(holder.personId) ?? { ...holder, actions: [], responses: [] };
      recipient.responses = [...holder.responses];
      byPerson.set(holder.personId, recipient);
    }
    return [...byPerson.values()];
  }
}
