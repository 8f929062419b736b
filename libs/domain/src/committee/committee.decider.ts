import type { Decider } from '../shared/decider.js';
import { conflict, invalid, notFound, unknownCommand } from '../shared/errors.js';
import { requireText } from '../shared/rules.js';
import type { CommitteeCommand, CreateCommittee, SetCommitteeEscalation } from './committee.commands.js';
import { committeeKinds, type CommitteeEvent, type CommitteeKind } from './committee.events.js';

export type CommitteeRecord = {
  readonly exists: true;
  readonly committeeId: string;
  readonly name: string;
  readonly kind: CommitteeKind;
  readonly createdAt: string;
  /** Where overdue actions are escalated; absent until staff set it. */
  readonly escalation?: CommitteeEscalation;
};

export type CommitteeEscalation = { readonly postId: string; readonly afterDays: number };

/** A year: beyond that an escalation is no longer a chase. */
export const MAX_ESCALATION_DAYS = 365;

export type CommitteeState = { readonly exists: false } | CommitteeRecord;

export const initialCommitteeState = (): CommitteeState => ({ exists: false });

const create = ({ data }: CreateCommittee, state: CommitteeState): CommitteeEvent[] => {
  if (state.exists) {
    throw conflict('committee-already-exists', `Committee ${state.committeeId} already exists`, {
      committeeId: state.committeeId,
    });
  }
  requireText(data.name, 'name');
  if (!(committeeKinds as readonly string[]).includes(data.kind)) {
    throw invalid('committee-kind-unknown', `Unknown committee kind ${String(data.kind)}`, {
      kind: data.kind,
      allowed: committeeKinds,
    });
  }
  return [
    {
      type: 'CommitteeCreated',
      data: { committeeId: data.committeeId, name: data.name, kind: data.kind, createdAt: data.now },
    },
  ];
};

const setEscalation = ({ data }: SetCommitteeEscalation, state: CommitteeState): CommitteeEvent[] => {
  if (!state.exists) {
    throw notFound('committee-not-found', `Committee ${data.committeeId} does not exist`, { committeeId: data.committeeId });
  }
  if (!Number.isInteger(data.afterDays) || data.afterDays < 1 || data.afterDays > MAX_ESCALATION_DAYS) {
    throw invalid('escalation-days-out-of-range', `afterDays must be a whole number of days from 1 to ${MAX_ESCALATION_DAYS}`, {
      field: 'afterDays',
      value: data.afterDays,
    });
  }
  if (!data.facts.escalationPost.exists) {
    throw notFound('escalation-post-not-found', `Post ${data.escalationPostId} does not exist`, {
      field: 'escalationPostId',
      postId: data.escalationPostId,
    });
  }
  const { committeeId, escalationPostId, afterDays, now } = data;
  return [{ type: 'CommitteeEscalationSet', data: { committeeId, escalationPostId, afterDays, setAt: now } }];
};

export const decideCommittee = (command: CommitteeCommand, state: CommitteeState): CommitteeEvent[] => {
  switch (command.type) {
    case 'CreateCommittee':
      return create(command, state);
    case 'SetCommitteeEscalation':
      return setEscalation(command, state);
    default: {
      const _exhaustive: never = command;
      return unknownCommand(command);
    }
  }
};

export const evolveCommittee = (state: CommitteeState, event: CommitteeEvent): CommitteeState => {
  switch (event.type) {
    case 'CommitteeCreated':
      return { exists: true, ...event.data };
    case 'CommitteeEscalationSet': {
      if (!state.exists) return state;
      const { escalationPostId: postId, afterDays } = event.data;
      return { ...state, escalation: { postId, afterDays } };
    }
    default: {
      const _exhaustive: never = event;
      return state;
    }
  }
};

export const committeeDecider: Decider<CommitteeCommand, CommitteeEvent, CommitteeState> = {
  decide: decideCommittee,
  evolve: evolveCommittee,
  initialState: initialCommitteeState,
};
