import { executiveResponseDueOn } from '../calendar/statutory-periods.js';
import type { Decider } from '../shared/decider.js';
import { conflict, forbidden, invalid, notFound, unknownCommand } from '../shared/errors.js';
import { requireText } from '../shared/rules.js';
import { requireBusinessDate } from './business-dates.js';
import { requireDecisionMaker } from './decision-maker.js';
import type {
  AgreeRecommendationClosure,
  LinkImplementationAction,
  MakeRecommendation,
  PublishResponse,
  RecommendationCommand,
  RecordExecutiveResponse,
  ReviewImplementation,
  SendRecommendation,
} from './recommendation.commands.js';
import { executiveResponses, implementationRags, type RecommendationEvent } from './recommendation.events.js';
import { initialRecommendationState, isAccepted, type RecommendationRecord, type RecommendationState } from './recommendation.state.js';

const existing = (state: RecommendationState, id: string): RecommendationRecord => {
  if (!state.exists) throw notFound('recommendation-not-found', `Recommendation ${id} does not exist`, { recommendationId: id });
  return state;
};

const open = (state: RecommendationState, id: string): RecommendationRecord => {
  const record = existing(state, id);
  if (record.closedOn !== undefined) {
    throw conflict('recommendation-closed', `Recommendation ${id} was closed on ${record.closedOn}`, { closedOn: record.closedOn });
  }
  return record;
};

const responded = (
  state: RecommendationState,
  id: string,
): RecommendationRecord & { response: NonNullable<RecommendationRecord['response']> } => {
  const record = open(state, id);
  if (!record.response) throw conflict('recommendation-not-responded', `The executive has not responded to recommendation ${id}`);
  return record as RecommendationRecord & { response: NonNullable<RecommendationRecord['response']> };
};

/** The decision maker, its post, the committee and the resolution part a recommendation names must exist and fit. */
function checkReferences({ committeeId, source, decisionMaker, facts }: MakeRecommendation['data']): void {
  requireDecisionMaker(decisionMaker, facts.decisionMakerPost);
  if (!facts.committee.exists) throw notFound('committee-not-found', `Committee ${committeeId} does not exist`, { committeeId });
  if (source.kind === 'resolution') {
    const resolution = facts.resolution;
    const { resolutionId, partLabel } = source;
    if (!resolution?.exists) throw notFound('resolution-not-found', `Resolution ${resolutionId} does not exist`, { resolutionId });
    if (resolution.committeeId !== committeeId) {
      throw invalid('resolution-of-another-committee', `Resolution ${resolutionId} was passed by another committee`, {
        field: 'resolutionId',
      });
    }
    if (!resolution.parts.some((part) => part.label === partLabel)) {
      const labels = resolution.parts.map((part) => part.label ?? '(unlabelled)');
      throw invalid('part-not-found', `Resolution ${resolutionId} has no part ${partLabel ?? 'without a label'}`, {
        field: 'partLabel',
        labels,
      });
    }
  }
}

const make = ({ data }: MakeRecommendation, state: RecommendationState): RecommendationEvent[] => {
  if (state.exists) throw conflict('recommendation-already-exists', `Recommendation ${state.recommendationId} already exists`);
  requireText(data.reference, 'reference');
  requireText(data.text, 'text');
  if (data.source.kind === 'report') requireText(data.source.reportRef, 'reportRef');
  checkReferences(data);
  requireBusinessDate(data.madeOn, 'madeOn', data.now);
  return [
    {
      type: 'RecommendationMade',
      data: {
        recommendationId: data.recommendationId,
        committeeId: data.committeeId,
        source: data.source,
        reference: data.reference,
        text: data.text,
        decisionMaker: data.decisionMaker,
        madeOn: data.madeOn,
        madeBy: data.by,
      },
    },
  ];
};

const send = ({ data }: SendRecommendation, state: RecommendationState): RecommendationEvent[] => {
  const record = open(state, data.recommendationId);
  if (record.sent)
    throw conflict('recommendation-already-sent', `Recommendation ${data.recommendationId} was received on ${record.sent.receivedOn}`);
  requireBusinessDate(data.receivedOn, 'receivedOn', data.now, { date: record.madeOn, what: 'date made' });
  return [
    {
      type: 'RecommendationSent',
      data: {
        recommendationId: data.recommendationId,
        receivedOn: data.receivedOn,
        responseDueOn: executiveResponseDueOn(data.receivedOn),
        sentBy: data.by,
      },
    },
  ];
};

const respond = ({ data }: RecordExecutiveResponse, state: RecommendationState): RecommendationEvent[] => {
  const record = open(state, data.recommendationId);
  if (!data.facts.callerHoldsDecisionMakerPost && !data.facts.callerIsScrutinyStaff) {
    throw forbidden(
      'not-the-decision-maker',
      `Only the holder of ${record.decisionMaker.name}'s post, or scrutiny staff on its behalf, may record its response`,
    );
  }
  if (!record.sent)
    throw conflict('recommendation-not-sent', `Recommendation ${data.recommendationId} has not been sent to ${record.decisionMaker.name}`);
  if (record.response)
    throw conflict('recommendation-already-responded', `${record.decisionMaker.name} responded on ${record.response.respondedOn}`);
  if (!(executiveResponses as readonly string[]).includes(data.response)) {
    throw invalid('response-unknown', `Unknown response ${String(data.response)}`, { field: 'response', allowed: executiveResponses });
  }
  requireText(data.reasons, 'reasons');
  requireBusinessDate(data.respondedOn, 'respondedOn', data.now, { date: record.sent.receivedOn, what: 'date received' });
  return [
    {
      type: 'ExecutiveResponded',
      data: {
        recommendationId: data.recommendationId,
        response: data.response,
        reasons: data.reasons,
        ...(data.proposedAction ? { proposedAction: data.proposedAction } : {}),
        respondedOn: data.respondedOn,
        late: data.respondedOn > record.sent.responseDueOn,
        recordedBy: data.by,
        recordedOnBehalf: !data.facts.callerHoldsDecisionMakerPost,
      },
    },
  ];
};

const publish = ({ data }: PublishResponse, state: RecommendationState): RecommendationEvent[] => {
  const record = responded(state, data.recommendationId);
  if (record.publishedOn) throw conflict('response-already-published', `The response was published on ${record.publishedOn}`);
  requireBusinessDate(data.publishedOn, 'publishedOn', data.now, { date: record.response.respondedOn, what: 'date responded' });
  return [
    { type: 'ResponsePublished', data: { recommendationId: data.recommendationId, publishedOn: data.publishedOn, publishedBy: data.by } },
  ];
};

const acceptedOpen = (state: RecommendationState, id: string) => {
  const record = responded(state, id);
  if (!isAccepted(record)) {
    throw conflict('recommendation-rejected', `Recommendation ${id} was rejected: there is nothing to implement`, {
      response: record.response.response,
    });
  }
  return record;
};

const link = ({ data }: LinkImplementationAction, state: RecommendationState): RecommendationEvent[] => {
  const record = acceptedOpen(state, data.recommendationId);
  if (!data.facts.action.exists) throw notFound('action-not-found', `Action ${data.actionId} does not exist`, { actionId: data.actionId });
  if (record.actionIds.includes(data.actionId)) {
    throw conflict('action-already-linked', `Action ${data.actionId} already implements this recommendation`, { actionId: data.actionId });
  }
  return [
    {
      type: 'ImplementationActionLinked',
      data: { recommendationId: data.recommendationId, actionId: data.actionId, linkedBy: data.by, linkedAt: data.now },
    },
  ];
};

const review = ({ data }: ReviewImplementation, state: RecommendationState): RecommendationEvent[] => {
  const record = acceptedOpen(state, data.recommendationId);
  if (!(implementationRags as readonly string[]).includes(data.rag)) {
    throw invalid('rag-unknown', `Unknown RAG ${String(data.rag)}`, { field: 'rag', allowed: implementationRags });
  }
  requireText(data.evidence, 'evidence');
  requireBusinessDate(data.reviewedOn, 'reviewedOn', data.now, { date: record.response.respondedOn, what: 'date responded' });
  return [
    {
      type: 'ImplementationReviewed',
      data: {
        recommendationId: data.recommendationId,
        rag: data.rag,
        evidence: data.evidence,
        reviewedOn: data.reviewedOn,
        reviewedBy: data.by,
      },
    },
  ];
};

const close = ({ data }: AgreeRecommendationClosure, state: RecommendationState): RecommendationEvent[] => {
  const record = responded(state, data.recommendationId);
  requireBusinessDate(data.agreedOn, 'agreedOn', data.now, { date: record.response.respondedOn, what: 'date responded' });
  return [
    {
      type: 'RecommendationClosed',
      data: {
        recommendationId: data.recommendationId,
        ...(data.note ? { note: data.note } : {}),
        agreedOn: data.agreedOn,
        closedBy: data.by,
      },
    },
  ];
};

export const decideRecommendation = (command: RecommendationCommand, state: RecommendationState): RecommendationEvent[] => {
  switch (command.type) {
    case 'MakeRecommendation':
      return make(command, state);
    case 'SendRecommendation':
      return send(command, state);
    case 'RecordExecutiveResponse':
      return respond(command, state);
    case 'PublishResponse':
      return publish(command, state);
    case 'LinkImplementationAction':
      return link(command, state);
    case 'ReviewImplementation':
      return review(command, state);
    case 'AgreeRecommendationClosure':
      return close(command, state);
    default: {
      const _exhaustive: never = command;
      return unknownCommand(_exhaustive);
    }
  }
};

export const evolveRecommendation = (state: RecommendationState, event: RecommendationEvent): RecommendationState => {
  if (event.type === 'RecommendationMade') {
    const { madeBy: _madeBy, ...made } = event.data;
    return { exists: true, ...made, actionIds: [] };
  }
  if (!state.exists) return state;
  switch (event.type) {
    case 'RecommendationSent':
      return { ...state, sent: { receivedOn: event.data.receivedOn, responseDueOn: event.data.responseDueOn } };
    case 'ExecutiveResponded': {
      const { recommendationId: _id, recordedBy: _by, ...response } = event.data;
      return { ...state, response };
    }
    case 'ResponsePublished':
      return { ...state, publishedOn: event.data.publishedOn };
    case 'ImplementationActionLinked':
      return { ...state, actionIds: [...state.actionIds, event.data.actionId] };
    case 'ImplementationReviewed':
      return { ...state, lastReview: { rag: event.data.rag, evidence: event.data.evidence, reviewedOn: event.data.reviewedOn } };
    case 'RecommendationClosed':
      return { ...state, closedOn: event.data.agreedOn };
    default: {
      const _exhaustive: never = event;
      return state;
    }
  }
};

export const recommendationDecider: Decider<RecommendationCommand, RecommendationEvent, RecommendationState> = {
  decide: decideRecommendation,
  evolve: evolveRecommendation,
  initialState: initialRecommendationState,
};
