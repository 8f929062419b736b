import { callInPeriod } from '../calendar/statutory-periods.js';
import { bankHolidayDivisions } from '../calendar/bank-holidays.js';
import { requireBusinessDate } from '../recommendation/business-dates.js';
import { requireDecisionMaker, type DecisionMakerFacts } from '../recommendation/decision-maker.js';
import type { Decider } from '../shared/decider.js';
import { conflict, forbidden, invalid, notFound, unknownCommand } from '../shared/errors.js';
import { requireText } from '../shared/rules.js';
import { ukDateOf } from '../shared/time.js';
import type {
  ConcludeCallIn,
  DecisionCommand,
  PublishDecision,
  ReconsiderDecision,
  RecordDecision,
  RequestCallIn,
} from './decision.commands.js';
import { callInOutcomes, reconsiderationOutcomes, type DecisionEvent } from './decision.events.js';
import { initialDecisionState, type DecisionRecord, type DecisionState } from './decision.state.js';

const MAX_CALL_IN_DAYS = 30;

const existing = (state: DecisionState, id: string): DecisionRecord => {
  if (!state.exists) throw notFound('decision-not-found', `Decision ${id} does not exist`, { decisionId: id });
  return state;
};

const requireDecisionMakerOrStaff = (facts: DecisionMakerFacts, name: string): void => {
  if (!facts.callerHoldsDecisionMakerPost && !facts.callerIsScrutinyStaff) {
    throw forbidden(
      'not-the-decision-maker',
      `Only the holder of ${name}'s post, or scrutiny staff on its behalf, may record its decisions`,
    );
  }
};

const record = ({ data }: RecordDecision, state: DecisionState): DecisionEvent[] => {
  if (state.exists) throw conflict('decision-already-exists', `Decision ${state.decisionId} already exists`);
  requireDecisionMaker(data.decisionMaker, data.facts.decisionMakerPost);
  requireDecisionMakerOrStaff(data.facts, data.decisionMaker.name);
  requireText(data.title, 'title');
  requireText(data.decision, 'decision');
  requireText(data.reasons, 'reasons');
  requireBusinessDate(data.decidedOn, 'decidedOn', data.now);
  const [unknown] = data.facts.unknownRecommendationIds;
  if (unknown !== undefined) {
    throw notFound('recommendation-not-found', `Recommendation ${unknown} does not exist`, { recommendationId: unknown });
  }
  return [
    {
      type: 'DecisionRecorded',
      data: {
        decisionId: data.decisionId,
        decisionMaker: data.decisionMaker,
        title: data.title,
        decision: data.decision,
        decidedOn: data.decidedOn,
        keyDecision: data.keyDecision,
        reasons: data.reasons,
        ...(data.alternativesConsidered ? { alternativesConsidered: data.alternativesConsidered } : {}),
        recommendationIds: data.recommendationIds,
        ...(data.reportRef ? { reportRef: data.reportRef } : {}),
        recordedBy: data.by,
        recordedOnBehalf: !data.facts.callerHoldsDecisionMakerPost,
      },
    },
  ];
};

const publish = ({ data }: PublishDecision, state: DecisionState): DecisionEvent[] => {
  const decision = existing(state, data.decisionId);
  if (decision.publication)
    throw conflict('decision-already-published', `Decision ${data.decisionId} was published on ${decision.publication.publishedOn}`);
  if (!Number.isInteger(data.callInClearWorkingDays) || data.callInClearWorkingDays < 0 || data.callInClearWorkingDays > MAX_CALL_IN_DAYS) {
    throw invalid('call-in-days-out-of-range', `The call-in period must be 0 to ${MAX_CALL_IN_DAYS} clear working days`, {
      callInClearWorkingDays: data.callInClearWorkingDays,
    });
  }
  if (!(bankHolidayDivisions as readonly string[]).includes(data.bankHolidays)) {
    throw invalid('bank-holidays-unknown', `Unknown bank-holiday division ${String(data.bankHolidays)}`, { allowed: bankHolidayDivisions });
  }
  requireBusinessDate(data.publishedOn, 'publishedOn', data.now, { date: decision.decidedOn, what: 'date decided' });
  const period = callInPeriod(data.publishedOn, data.callInClearWorkingDays, data.bankHolidays);
  return [
    {
      type: 'DecisionPublished',
      data: {
        decisionId: data.decisionId,
        publishedOn: data.publishedOn,
        callInClearWorkingDays: data.callInClearWorkingDays,
        bankHolidays: data.bankHolidays,
        callInEndsOn: period.endsOn,
        effectiveOn: period.effectiveOn,
        publishedBy: data.by,
      },
    },
  ];
};

const requestCallIn = ({ data }: RequestCallIn, state: DecisionState): DecisionEvent[] => {
  const decision = existing(state, data.decisionId);
  if (!decision.publication)
    throw conflict('decision-not-published', `Decision ${data.decisionId} has not been published: there is nothing to call in yet`);
  if (decision.callIn)
    throw conflict('decision-already-called-in', `Decision ${data.decisionId} was called in on ${decision.callIn.requestedOn}`);
  const today = ukDateOf(data.now);
  if (today > decision.publication.callInEndsOn) {
    throw conflict('call-in-period-ended', `The call-in period ended on ${decision.publication.callInEndsOn}`, {
      callInEndsOn: decision.publication.callInEndsOn,
    });
  }
  if (data.members.length === 0) throw invalid('members-required', 'Name the members calling it in', { field: 'members' });
  data.members.forEach((member, index) => requireText(member, `members.${index}`));
  requireText(data.reasons, 'reasons');
  return [
    {
      type: 'CallInRequested',
      data: { decisionId: data.decisionId, requestedBy: data.by, members: data.members, reasons: data.reasons, requestedOn: today },
    },
  ];
};

const conclude = ({ data }: ConcludeCallIn, state: DecisionState): DecisionEvent[] => {
  const decision = existing(state, data.decisionId);
  if (!decision.callIn) throw conflict('decision-not-called-in', `Decision ${data.decisionId} has not been called in`);
  if (decision.callIn.outcome)
    throw conflict('call-in-already-concluded', `The call-in ended ${decision.callIn.outcome} on ${decision.callIn.concludedOn ?? ''}`);
  if (!(callInOutcomes as readonly string[]).includes(data.outcome)) {
    throw invalid('outcome-unknown', `Unknown call-in outcome ${String(data.outcome)}`, { field: 'outcome', allowed: callInOutcomes });
  }
  requireBusinessDate(data.concludedOn, 'concludedOn', data.now, { date: decision.callIn.requestedOn, what: 'date called in' });
  return [
    {
      type: 'CallInConcluded',
      data: {
        decisionId: data.decisionId,
        outcome: data.outcome,
        ...(data.note ? { note: data.note } : {}),
        concludedOn: data.concludedOn,
        concludedBy: data.by,
      },
    },
  ];
};

const reconsider = ({ data }: ReconsiderDecision, state: DecisionState): DecisionEvent[] => {
  const decision = existing(state, data.decisionId);
  requireDecisionMakerOrStaff(data.facts, decision.decisionMaker.name);
  const callIn = decision.callIn;
  if (!callIn?.outcome || callIn.outcome === 'upheld' || !callIn.concludedOn) {
    throw conflict('decision-not-referred', `Decision ${data.decisionId} has not been referred back or to full council`);
  }
  if (decision.reconsideration)
    throw conflict(
      'decision-already-reconsidered',
      `Decision ${data.decisionId} was reconsidered on ${decision.reconsideration.decidedOn}`,
    );
  if (!(reconsiderationOutcomes as readonly string[]).includes(data.outcome)) {
    throw invalid('outcome-unknown', `Unknown reconsideration outcome ${String(data.outcome)}`, {
      field: 'outcome',
      allowed: reconsiderationOutcomes,
    });
  }
  if (data.outcome === 'amended') requireText(data.decision, 'decision');
  requireText(data.reasons, 'reasons');
  requireBusinessDate(data.decidedOn, 'decidedOn', data.now, { date: callIn.concludedOn, what: 'date referred' });
  return [
    {
      type: 'DecisionReconsidered',
      data: {
        decisionId: data.decisionId,
        outcome: data.outcome,
        ...(data.decision ? { decision: data.decision } : {}),
        reasons: data.reasons,
        decidedOn: data.decidedOn,
        recordedBy: data.by,
      },
    },
  ];
};

export const decideDecision = (command: DecisionCommand, state: DecisionState): DecisionEvent[] => {
  switch (command.type) {
    case 'RecordDecision':
      return record(command, state);
    case 'PublishDecision':
      return publish(command, state);
    case 'RequestCallIn':
      return requestCallIn(command, state);
    case 'ConcludeCallIn':
      return conclude(command, state);
    case 'ReconsiderDecision':
      return reconsider(command, state);
    default: {
      const _exhaustive: never = command;
      return unknownCommand(_exhaustive);
    }
  }
};

export const evolveDecision = (state: DecisionState, event: DecisionEvent): DecisionState => {
  if (event.type === 'DecisionRecorded') {
    const { recordedBy: _by, ...recorded } = event.data;
    return { exists: true, ...recorded };
  }
  if (!state.exists) return state;
  switch (event.type) {
    case 'DecisionPublished': {
      const { decisionId: _id, publishedBy: _by, ...publication } = event.data;
      return { ...state, publication };
    }
    case 'CallInRequested':
      return { ...state, callIn: { members: event.data.members, reasons: event.data.reasons, requestedOn: event.data.requestedOn } };
    case 'CallInConcluded':
      return state.callIn
        ? { ...state, callIn: { ...state.callIn, outcome: event.data.outcome, concludedOn: event.data.concludedOn } }
        : state;
    case 'DecisionReconsidered':
      return {
        ...state,
        ...(event.data.decision ? { decision: event.data.decision } : {}),
        reconsideration: { outcome: event.data.outcome, decidedOn: event.data.decidedOn },
      };
    default: {
      const _exhaustive: never = event;
      return state;
    }
  }
};

export const decisionDecider: Decider<DecisionCommand, DecisionEvent, DecisionState> = {
  decide: decideDecision,
  evolve: evolveDecision,
  initialState: initialDecisionState,
};
