import { Inject, Injectable } from '@nestjs/common';
import type { NotificationPreferences } from '#domain';
import type { SqlDatabase } from '#event-store';
import { SQL_DATABASE } from '#runtime';
import { notificationPreferencesOf } from '../../read-models/notification-preferences.sql.js';

/**
 * What recipient selection asks. Reminders and overdue notices go only to people with `reminders` on; chases and
 * escalations are staff's and the committee's own requests and always go.
 */
export abstract class NoticePreferencesPort {
  /** Every person asked about is answered, in one read (the defaults for those who never chose). */
  abstract preferencesOf(personIds: readonly string[]): Promise<ReadonlyMap<string, NotificationPreferences>>;
}

/** The choices people made on their account page (or through the API), from the read model; both on by default. */
@Injectable()
export class PeoplesOwnPreferences extends NoticePreferencesPort {
  constructor(@Inject(SQL_DATABASE) private readonly db: SqlDatabase) {
    super();
  }

  preferencesOf(personIds: readonly string[]): Promise<ReadonlyMap<string, NotificationPreferences>> {
    return notificationPreferencesOf(this.db, personIds);
  }
}
