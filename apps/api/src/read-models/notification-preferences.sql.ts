import { defaultNotificationPreferences, type NotificationPreferences } from '#domain';
import type { SqlDatabase } from '#event-store';
import { readModelTables } from './read-model-tables.js';

export type { NotificationPreferences };

type PreferencesRow = { person_id: string; reminders: boolean; weekly_digest: boolean };

/**
 * The emails each person wants, for whatever sends them: every id asked about is answered, people who never
 * chose (or are unknown) with the defaults (both on). Chases and escalations do not ask: they always go.
 */
export async function notificationPreferencesOf(
  db: SqlDatabase,
  personIds: readonly string[],
): Promise<ReadonlyMap<string, NotificationPreferences>> {
  const chosen = new Map<string, NotificationPreferences>();
  if (personIds.length > 0) {
    const { rows } = await db.query<PreferencesRow>(
      `SELECT person_id, reminders, weekly_digest FROM ${readModelTables.personSettings} WHERE person_id = ANY($1::text[])`,
      [[...new Set(personIds)]],
    );
    for (const row of rows) chosen.set(row.person_id, { reminders: row.reminders, weeklyDigest: row.weekly_digest });
  }
  return new Map(personIds.map((id) => [id, chosen.get(id) ?? defaultNotificationPreferences]));
}
