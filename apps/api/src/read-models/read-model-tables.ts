import { auditEventsTable, checkpointNameOf, recordsProjection, recordsTables } from '#projections';

/** The live read-model tables the views read. */
export const readModelTables = {
  committees: recordsTables.committees.name,
  people: recordsTables.people.name,
  personSettings: recordsTables.personSettings.name,
  posts: recordsTables.posts.name,
  meetings: recordsTables.meetings.name,
  resolutions: recordsTables.resolutions.name,
  actions: recordsTables.actions.name,
  actionUpdates: recordsTables.actionUpdates.name,
  recommendations: recordsTables.recommendations.name,
  decisions: recordsTables.decisions.name,
  audit: auditEventsTable.name,
} as const;

export const RECORDS_CHECKPOINT = checkpointNameOf(recordsProjection);
