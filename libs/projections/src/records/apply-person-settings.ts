import { defaultNotificationPreferences, type PersonEvent } from '#domain';
import type { Row, RowAccess } from '../engine/projection.js';
import { recordsTables as t } from './records.tables.js';

type PersonSettingsEvent = Exclude<PersonEvent, { type: 'PersonRegistered' }>;

const blankSettings = (personId: string): Row => ({
  person_id: personId,
  reminders: defaultNotificationPreferences.reminders,
  weekly_digest: defaultNotificationPreferences.weeklyDigest,
  preferences_set_at: null,
  calendar_token_hash: null,
  calendar_issued_at: null,
});

export function applyPersonSettings(event: PersonSettingsEvent, rows: RowAccess): void {
  const { personId } = event.data;
  const settings = rows.get(t.personSettings.name, personId) ?? blankSettings(personId);
  switch (event.type) {
    case 'NotificationPreferencesSet': {
      const { reminders, weeklyDigest, setAt } = event.data;
      return rows.set(t.personSettings.name, personId, { ...settings, reminders, weekly_digest: weeklyDigest, preferences_set_at: setAt });
    }
    case 'CalendarFeedIssued':
      return rows.set(t.personSettings.name, personId, {
        ...settings,
        calendar_token_hash: event.data.tokenHash,
        calendar_issued_at: event.data.issuedAt,
      });
    case 'CalendarFeedRevoked':
      return rows.set(t.personSettings.name, personId, { ...settings, calendar_token_hash: null, calendar_issued_at: null });
    default: {
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
}
