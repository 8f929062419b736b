import type { Decider } from '../shared/decider.js';
import { conflict, invalid, unknownCommand } from '../shared/errors.js';
import { requireText } from '../shared/rules.js';
import type { CommitteeCommand, CreateCommittee } from './committee.commands.js';
import { committeeKinds, type CommitteeEvent, type CommitteeKind } from './committee.events.js';

export type CommitteeRecord = {
  readonly exists: true;
  readonly committeeId: string;
  readonly name: string;
  readonly kind: CommitteeKind;
  readonly createdAt: string;
};

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

export const decideCommittee = (command: CommitteeCommand, state: CommitteeState): CommitteeEvent[] => {
  switch (command.type) {
    case 'CreateCommittee':
      return create(command, state);
    default: {
      const _exhaustive: never = command.type;
      return unknownCommand(command);
    }
  }
};

export const evolveCommittee = (state: CommitteeState, event: CommitteeEvent): CommitteeState => {
  switch (event.type) {
    case 'CommitteeCreated':
      return { exists: true, ...event.data };
    default: {
      const _exhaustive: never = event.type;
      return state;
    }
  }
};

export const committeeDecider: Decider<CommitteeCommand, CommitteeEvent, CommitteeState> = {
  decide: decideCommittee,
  evolve: evolveCommittee,
  initialState: initialCommitteeState,
};
