import { actionEventTypes, isActionEvent, type ActionEvent } from './action/action.events.js';
import { occurrenceOf } from './action/action.state.js';
import { committeeEventTypes, type CommitteeEvent } from './committee/committee.events.js';
import { personEventTypes, type PersonEvent } from './directory/person/person.events.js';
import { postEventTypes, type PostEvent } from './directory/post/post.events.js';
import { meetingEventTypes, type MeetingEvent } from './meeting/meeting.events.js';
import { metricSnapshotEventTypes, type MetricSnapshotEvent } from './metric-snapshot/metric-snapshot.events.js';
import { resolutionEventTypes, type ResolutionEvent } from './resolution/resolution.events.js';
import { decisionEventTypes, isDecisionEvent, type DecisionEvent } from './executive-decision/decision.events.js';
import { isRecommendationEvent, recommendationEventTypes, type RecommendationEvent } from './recommendation/recommendation.events.js';
import { ukStartOfDay } from './shared/time.js';
import type { StreamCategory } from './streams.js';

/** Every event the domain writes, for the store, the projector and the audit log. */
export type DomainEvent =
  | PostEvent
  | PersonEvent
  | CommitteeEvent
  | MeetingEvent
  | ResolutionEvent
  | ActionEvent
  | MetricSnapshotEvent
  | RecommendationEvent
  | DecisionEvent;

export type DomainEventType = DomainEvent['type'];

/** Event types by the category of the streams they are written to. */
export const eventTypesByCategory = {
  post: postEventTypes,
  person: personEventTypes,
  committee: committeeEventTypes,
  meeting: meetingEventTypes,
  resolution: resolutionEventTypes,
  action: actionEventTypes,
  metric: metricSnapshotEventTypes,
  recommendation: recommendationEventTypes,
  decision: decisionEventTypes,
} as const satisfies Record<StreamCategory, readonly DomainEventType[]>;

export const domainEventTypes: readonly DomainEventType[] = Object.values(eventTypesByCategory).flat();

export const isDomainEvent = (event: { readonly type: string }): event is DomainEvent =>
  (domainEventTypes as readonly string[]).includes(event.type);

/**
 * When the council's world says the event happened (its business time), where that is not simply when it was
 * recorded: an action's events carry it in their `*At` field, and a resolution passes at its meeting. Undefined
 * for events whose recording is the happening (a post created, a meeting scheduled).
 */
export const occurredAtOf = (event: DomainEvent): string | undefined => {
  if (isActionEvent(event)) return occurrenceOf(event).at;
  if (event.type === 'ResolutionPassed') return event.data.meetingStartsAt;
  const date = isRecommendationEvent(event) ? recommendationDateOf(event) : isDecisionEvent(event) ? decisionDateOf(event) : undefined;
  return date === undefined ? undefined : ukStartOfDay(date);
};

/** The UK date a recommendation's step happened on; linking an action has no date of its own. */
const recommendationDateOf = (event: RecommendationEvent): string | undefined => {
  switch (event.type) {
    case 'RecommendationMade':
      return event.data.madeOn;
    case 'RecommendationSent':
      return event.data.receivedOn;
    case 'ExecutiveResponded':
      return event.data.respondedOn;
    case 'ResponsePublished':
      return event.data.publishedOn;
    case 'ImplementationReviewed':
      return event.data.reviewedOn;
    case 'RecommendationClosed':
      return event.data.agreedOn;
    case 'ImplementationActionLinked':
      return undefined;
    default: {
      const _exhaustive: never = event;
      return undefined;
    }
  }
};

const decisionDateOf = (event: DecisionEvent): string => {
  switch (event.type) {
    case 'DecisionRecorded':
    case 'DecisionReconsidered':
      return event.data.decidedOn;
    case 'DecisionPublished':
      return event.data.publishedOn;
    case 'CallInRequested':
      return event.data.requestedOn;
    case 'CallInConcluded':
      return event.data.concludedOn;
    default: {
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
};
