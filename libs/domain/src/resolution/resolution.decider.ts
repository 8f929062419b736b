import type { Decider } from '../shared/decider.js';
import { conflict, invalid, notFound, unknownCommand } from '../shared/errors.js';
import { requireText } from '../shared/rules.js';
import type { CorrectResolution, PassResolution, ResolutionCommand } from './resolution.commands.js';
import type { ResolutionEvent } from './resolution.events.js';
import { cleanParts, sameParts, validateParts } from './resolution.parts.js';
import { evolveResolution, initialResolutionState, type ResolutionState } from './resolution.state.js';

const pass = ({ data }: PassResolution, state: ResolutionState): ResolutionEvent[] => {
  if (state.exists) {
    throw conflict('resolution-already-passed', `Resolution ${state.resolutionId} is already passed`, {
      resolutionId: state.resolutionId,
    });
  }
  const meeting = data.facts.meeting;
  if (!meeting.exists) {
    throw notFound('meeting-not-found', `Meeting ${data.meetingId} does not exist`, {
      meetingId: data.meetingId,
    });
  }
  if (!meeting.items.some((item) => item.number === data.itemNumber)) {
    throw invalid('resolution-item-unknown', `Meeting ${data.meetingId} has no item ${data.itemNumber}`, {
      meetingId: data.meetingId,
      itemNumber: data.itemNumber,
      field: 'itemNumber',
    });
  }
  validateParts(data.parts);
  return [
    {
      type: 'ResolutionPassed',
      data: {
        resolutionId: data.resolutionId,
        meetingId: data.meetingId,
        committeeId: meeting.committeeId,
        itemNumber: data.itemNumber,
        meetingStartsAt: meeting.startsAt,
        parts: cleanParts(data.parts),
        // A resolution passes at its meeting, whenever the clerk types it in.
        passedAt: meeting.startsAt,
      },
    },
  ];
};

const correct = ({ data }: CorrectResolution, state: ResolutionState): ResolutionEvent[] => {
  if (!state.exists) {
    throw notFound('resolution-not-found', `Resolution ${data.resolutionId} does not exist`, {
      resolutionId: data.resolutionId,
    });
  }
  requireText(data.reason, 'reason');
  validateParts(data.parts);
  if (sameParts(data.parts, state.parts)) {
    throw conflict('resolution-correction-unchanged', 'The correction is identical to the current wording', {
      resolutionId: state.resolutionId,
    });
  }
  return [
    {
      type: 'ResolutionCorrected',
      data: {
        resolutionId: state.resolutionId,
        parts: cleanParts(data.parts),
        reason: data.reason,
        correctedAt: data.now,
      },
    },
  ];
};

export const decideResolution = (command: ResolutionCommand, state: ResolutionState): ResolutionEvent[] => {
  switch (command.type) {
    case 'PassResolution':
      return pass(command, state);
    case 'CorrectResolution':
      return correct(command, state);
    default: {
      const _exhaustive: never = command;
      return unknownCommand(command);
    }
  }
};

export const resolutionDecider: Decider<ResolutionCommand, ResolutionEvent, ResolutionState> = {
  decide: decideResolution,
  evolve: evolveResolution,
  initialState: initialResolutionState,
};
