import type { DomainEvent } from '#domain';
import { isDomainEvent } from '#domain';
import type { StoredEvent } from '#event-store';
import type { Projection } from '../engine/projection.js';
import { applyActions } from './apply-actions.js';
import { applyDirectory, applyMeetings, applyResolutions } from './apply-directory-and-meetings.js';
import { applyPersonSettings } from './apply-person-settings.js';
import { applyDecisions, applyRecommendations } from './apply-scrutiny.js';
import { recordsTables as t } from './records.tables.js';

type Touch = readonly [table: string, key: string];

const asDomainEvent = (event: StoredEvent): DomainEvent | undefined =>
  isDomainEvent(event) ? ({ type: event.type, data: event.data } as unknown as DomainEvent) : undefined;

function touches(stored: StoredEvent): readonly Touch[] {
  const event = asDomainEvent(stored);
  if (!event) return [];
  switch (event.type) {
    case 'CommitteeCreated':
      return [[t.committees.name, event.data.committeeId]];
    case 'CommitteeEscalationSet':
      return [[t.committees.name, event.data.committeeId]];
    case 'PersonRegistered':
      return [[t.people.name, event.data.personId]];
    case 'NotificationPreferencesSet':
    case 'CalendarFeedIssued':
    case 'CalendarFeedRevoked':
      return [[t.personSettings.name, event.data.personId]];
    case 'PostCreated':
    case 'PostHolderVacated':
      return [[t.posts.name, event.data.postId]];
    case 'PostHolderAppointed':
      return [
        [t.posts.name, event.data.postId],
        [t.people.name, event.data.personId],
      ];
    case 'MeetingScheduled':
    case 'AttendanceRecorded':
    case 'AgendaItemAdded':
    case 'MinutesApproved':
      return [[t.meetings.name, event.data.meetingId]];
    case 'ResolutionPassed':
    case 'ResolutionCorrected':
      return [[t.resolutions.name, event.data.resolutionId]];
    case 'ActionAssigned': {
      const { actionId, committeeId, resolutionId, dueMeetingId } = event.data;
      const due: Touch[] = dueMeetingId ? [[t.meetings.name, dueMeetingId]] : [];
      return [[t.actions.name, actionId], [t.committees.name, committeeId], [t.resolutions.name, resolutionId], ...due];
    }
    case 'ActionDueDateChanged': {
      const due: Touch[] = event.data.dueMeetingId ? [[t.meetings.name, event.data.dueMeetingId]] : [];
      return [[t.actions.name, event.data.actionId], ...due];
    }
    case 'ActionProgressReported':
    case 'ActionCompleted':
    case 'ActionSignedOff':
    case 'ActionReopened':
    case 'ActionReassigned':
    case 'ActionChased':
    case 'ActionWithdrawn':
    case 'ActionNoticeSent':
      return [[t.actions.name, event.data.actionId]];
    case 'RecommendationMade':
    case 'RecommendationSent':
    case 'ExecutiveResponded':
    case 'ResponsePublished':
    case 'ImplementationActionLinked':
    case 'ImplementationReviewed':
    case 'RecommendationClosed':
      return [[t.recommendations.name, event.data.recommendationId]];
    case 'DecisionRecorded':
      return [[t.decisions.name, event.data.decisionId], ...event.data.recommendationIds.map((id): Touch => [t.recommendations.name, id])];
    case 'DecisionPublished':
    case 'CallInRequested':
    case 'CallInConcluded':
    case 'DecisionReconsidered':
      return [[t.decisions.name, event.data.decisionId]];
    case 'MetricsCollated':
    case 'MetricsCorrected':
      return [];
    default: {
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
}

/**
 * Directory, meetings, resolutions, actions, recommendations and executive decisions: the tables behind queues, the
 * chase list, the action log, the records, the recommendations tracker and the decision register.
 */
export const recordsProjection: Projection = {
  name: 'records',
  // 2: an index for the chase list of one committee. 3: the post-queue index in the queue's order, partial.
  // 4: an action's row keeps its latest 20 progress notes; every note is in rm_action_updates.
  // 5: people's identity-provider subject, looked up by authentication.
  // 6: meetings dated without a time (meeting_date, date_only); name and title indexes for the lists.
  // 7: business time: an action's dates are when things happened (the events' *At fields, given as occurredAt),
  // a resolution passes at its meeting; the sign-off note, for the action log.
  // 8: scrutiny recommendations and executive decisions, for the tracker, the decision register and the chase list.
  // 9: each person's notification preferences and calendar feed (rm_person_settings); when an action's row last
  // changed (changed_at), for the calendar feed's LAST-MODIFIED.
  // 10: the chase list's and the action log's indexes in their views' order (action_id and the ref's number last).
  // 11: a committee's escalation (post and days) and its stream's version, for its page and its escalation form.
  version: 11,
  tables: Object.values(t),
  touches,
  apply(stored, rows) {
    const event = asDomainEvent(stored);
    if (!event) return;
    const stamp = { version: stored.streamVersion, position: stored.globalPosition, recordedAt: stored.recordedAt.toISOString() };
    switch (event.type) {
      case 'CommitteeCreated':
      case 'CommitteeEscalationSet':
      case 'PersonRegistered':
      case 'PostCreated':
      case 'PostHolderAppointed':
      case 'PostHolderVacated':
        return applyDirectory(event, stamp, rows);
      case 'NotificationPreferencesSet':
      case 'CalendarFeedIssued':
      case 'CalendarFeedRevoked':
        return applyPersonSettings(event, rows);
      case 'MeetingScheduled':
      case 'AttendanceRecorded':
      case 'AgendaItemAdded':
      case 'MinutesApproved':
        return applyMeetings(event, stamp, rows);
      case 'ResolutionPassed':
      case 'ResolutionCorrected':
        return applyResolutions(event, stamp, rows);
      case 'ActionAssigned':
      case 'ActionProgressReported':
      case 'ActionCompleted':
      case 'ActionSignedOff':
      case 'ActionReopened':
      case 'ActionDueDateChanged':
      case 'ActionReassigned':
      case 'ActionChased':
      case 'ActionWithdrawn':
      case 'ActionNoticeSent':
        return applyActions(event, stamp, rows);
      case 'RecommendationMade':
      case 'RecommendationSent':
      case 'ExecutiveResponded':
      case 'ResponsePublished':
      case 'ImplementationActionLinked':
      case 'ImplementationReviewed':
      case 'RecommendationClosed':
        return applyRecommendations(event, stamp, rows);
      case 'DecisionRecorded':
      case 'DecisionPublished':
      case 'CallInRequested':
      case 'CallInConcluded':
      case 'DecisionReconsidered':
        return applyDecisions(event, stamp, rows);
      case 'MetricsCollated':
      case 'MetricsCorrected':
        return;
      default: {
        const _exhaustive: never = event;
        return _exhaustive;
      }
    }
  },
};
