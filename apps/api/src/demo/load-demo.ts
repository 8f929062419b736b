import type { INestApplicationContext } from '@nestjs/common';
import { CommandBus, type Command } from '@nestjs/cqrs';
import { ConflictError } from '#domain';
import { streamIdFor } from '#domain';
import type { EventStore } from '#event-store';
import { AssignActionCommand } from '../features/actions/assign-action.command.js';
import { CompleteActionCommand } from '../features/actions/complete-action.command.js';
import { ReportProgressCommand } from '../features/actions/report-progress.command.js';
import { SignOffActionCommand } from '../features/actions/sign-off-action.command.js';
import { CreateCommitteeCommand } from '../features/committees/create-committee.command.js';
import { AppointPostHolderCommand } from '../features/directory/appoint-post-holder.command.js';
import { CreatePostCommand } from '../features/directory/create-post.command.js';
import { RegisterPersonCommand } from '../features/directory/register-person.command.js';
import { AddAgendaItemCommand } from '../features/meetings/add-agenda-item.command.js';
import { RecordAttendanceCommand } from '../features/meetings/record-attendance.command.js';
import { ScheduleMeetingCommand } from '../features/meetings/schedule-meeting.command.js';
import { PassResolutionCommand } from '../features/resolutions/pass-resolution.command.js';
import type { CommandOutcome } from '../features/shared/command-outcome.js';
import { DecisionStepCommand } from '../features/decisions/decision-step.command.js';
import { RecordDecisionCommand } from '../features/decisions/record-decision.command.js';
import { MakeRecommendationCommand } from '../features/recommendations/make-recommendation.command.js';
import { RecommendationStepCommand } from '../features/recommendations/recommendation-step.command.js';
import { EVENT_STORE, type Actor } from '../platform/index.js';
import { systemCaller, type Caller } from '../platform/caller.js';
import {
  DEMO_APPOINTMENTS_FROM,
  demoActions,
  demoAttendance,
  demoCommittee,
  demoFebruaryMeeting,
  demoHistory,
  demoItems,
  demoMarchMeeting,
  demoMeeting,
  demoOfficers,
  demoResolutions,
  type DemoStep,
} from './demo-data.js';
import {
  bromleyCommittee,
  bromleyDecision,
  bromleyItem,
  bromleyMeeting,
  bromleyRecommendation,
  bromleyResolution,
} from './demo-bromley.js';

/** Who the demo's events name as their author. */
export const DEMO_ACTOR: Actor = Object.freeze({
  id: 'demo-loader',
  name: 'Demo data loader',
  roles: Object.freeze(['admin', 'scrutiny'] as const),
});

export type DemoLoadOutcome =
  | { readonly status: 'loaded'; readonly commandsSent: number; readonly lastPosition: number; readonly correlationId: string }
  /** The demo committee was already there (an earlier load, or another loader racing this one): nothing written. */
  | { readonly status: 'already-present'; readonly complete: boolean };

/**
 * Records the demo meeting through the CommandBus, exactly as the HTTP commands would, as the demo actor.
 * The committee is written first and is the marker: when it exists the load is skipped.
 */
export async function loadDemo(app: INestApplicationContext): Promise<DemoLoadOutcome> {
  const store = app.get<EventStore>(EVENT_STORE);
  const commandBus = app.get(CommandBus);
  const caller = demoCaller();
  if (await streamExists(store, streamIdFor('committee', demoCommittee.id))) return alreadyPresent(store);
  const [createCommittee, ...rest] = demoCommands(caller);
  let last: CommandOutcome;
  try {
    last = await commandBus.execute(createCommittee);
  } catch (error) {
    if (error instanceof ConflictError && error.code === 'committee-already-exists') return alreadyPresent(store);
    throw error;
  }
  for (const command of rest) last = await commandBus.execute(command);
  return { status: 'loaded', commandsSent: rest.length + 1, lastPosition: last.position, correlationId: caller.correlationId };
}

export function describeDemoOutcome(outcome: DemoLoadOutcome): string {
  switch (outcome.status) {
    case 'loaded':
      return (
        `Demo data loaded: ${outcome.commandsSent} commands, up to position ${outcome.lastPosition}; ` +
        `meeting ${demoMeeting.id} (GET /api/v1/meetings/${demoMeeting.id})`
      );
    case 'already-present':
      return outcome.complete
        ? `Demo data already loaded (committee ${demoCommittee.id} exists): skipped, nothing written`
        : `Demo committee ${demoCommittee.id} exists but the demo looks incomplete (an earlier load stopped part way, ` +
            'or one is still running): skipped, nothing written; start on an empty store to load it whole';
    default: {
      const _exhaustive: never = outcome;
      return String(_exhaustive);
    }
  }
}

/** The whole demo in dependency order; the committee comes first because its existence marks a load. */
export function demoCommands(caller: Caller = demoCaller()): [Command<CommandOutcome>, ...Command<CommandOutcome>[]] {
  const officers = Object.values(demoOfficers);
  const meetingId = demoMeeting.id;
  return [
    new CreateCommitteeCommand(demoCommittee.id, { name: demoCommittee.name, kind: demoCommittee.kind }, caller),
    ...officers.map(({ postId, postTitle, department }) => new CreatePostCommand(postId, { title: postTitle, department }, caller)),
    ...officers.map(({ personId, name }) => new RegisterPersonCommand(personId, { name }, caller)),
    ...officers.map(
      ({ postId, personId }) => new AppointPostHolderCommand(postId, { personId, from: DEMO_APPOINTMENTS_FROM }, undefined, caller),
    ),
    ...[demoMeeting, demoFebruaryMeeting, demoMarchMeeting].map(
      ({ id, startsAt, title }) => new ScheduleMeetingCommand(id, { committeeId: demoCommittee.id, startsAt, title }, caller),
    ),
    new RecordAttendanceCommand(meetingId, { attendees: [...demoAttendance] }, undefined, caller),
    ...demoItems.map((item) => new AddAgendaItemCommand(meetingId, item, undefined, caller)),
    ...Object.values(demoResolutions).map(
      ({ id, itemNumber, parts }) => new PassResolutionCommand(id, meetingId, { itemNumber, parts: [...parts] }, caller),
    ),
    ...Object.values(demoActions).map(({ id, ...action }) => new AssignActionCommand(id, action, caller)),
    ...bromleyCommands(caller),
    // Last: the history's final step marks a load as complete (see alreadyPresent).
    ...demoHistory.map((step) => stepCommand(step, caller)),
  ];
}

/** Bromley's item 62 and what the Executive did with the committee's support (invented past the minutes). */
function bromleyCommands(caller: Caller): Command<CommandOutcome>[] {
  const { id: recommendationId, receivedOn, response, ...recommendation } = bromleyRecommendation;
  const { id: decisionId, publishedOn, ...decision } = bromleyDecision;
  return [
    new CreateCommitteeCommand(bromleyCommittee.id, { name: bromleyCommittee.name, kind: bromleyCommittee.kind }, caller),
    new ScheduleMeetingCommand(bromleyMeeting.id, { committeeId: bromleyCommittee.id, date: bromleyMeeting.date }, caller),
    new AddAgendaItemCommand(bromleyMeeting.id, bromleyItem, undefined, caller),
    new PassResolutionCommand(
      bromleyResolution.id,
      bromleyMeeting.id,
      { itemNumber: bromleyResolution.itemNumber, parts: [...bromleyResolution.parts] },
      caller,
    ),
    new MakeRecommendationCommand(
      recommendationId,
      { ...recommendation, committeeId: bromleyCommittee.id, resolutionId: bromleyResolution.id },
      caller,
    ),
    new RecommendationStepCommand(recommendationId, { kind: 'send', body: { receivedOn } }, undefined, caller),
    new RecordDecisionCommand(decisionId, { ...decision, recommendationIds: [recommendationId] }, caller),
    new RecommendationStepCommand(recommendationId, { kind: 'respond', body: response }, undefined, caller),
    new DecisionStepCommand(decisionId, { kind: 'publish', body: { publishedOn } }, undefined, caller),
  ];
}

function stepCommand(step: DemoStep, caller: Caller): Command<CommandOutcome> {
  switch (step.kind) {
    case 'progress':
      return new ReportProgressCommand(step.actionId, { note: step.note, rag: step.rag, occurredAt: step.occurredAt }, undefined, caller);
    case 'completion':
      return new CompleteActionCommand(step.actionId, { outcome: step.outcome, occurredAt: step.occurredAt }, undefined, caller);
    case 'sign-off':
      return new SignOffActionCommand(
        step.actionId,
        { meetingId: step.meetingId, note: step.note, occurredAt: step.occurredAt },
        undefined,
        caller,
      );
    default: {
      const _exhaustive: never = step;
      return _exhaustive;
    }
  }
}

/** One load is one "request": every event it appends names the demo actor under one correlation id. */
export function demoCaller(): Caller {
  return systemCaller(DEMO_ACTOR, 'demo-load');
}

async function streamExists(store: EventStore, streamId: string): Promise<boolean> {
  return (await store.streamVersion(streamId)) > 0;
}

/** The last step of the history is the last command of a load: its action's stream at full length means a load finished. */
async function alreadyPresent(store: EventStore): Promise<DemoLoadOutcome> {
  const last = demoHistory.at(-1);
  const steps = demoHistory.filter((step) => step.actionId === last?.actionId).length;
  const complete = last !== undefined && (await store.streamVersion(streamIdFor('action', last.actionId))) >= steps + 1;
  return { status: 'already-present', complete };
}
