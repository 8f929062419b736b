import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { committeeKinds, DomainError, resolutionPartKinds } from '#domain';
import type {
  ActionArisingInput,
  AttendeeInput,
  CommandResult,
  CommitteeInput,
  ConsoleCaller,
  CreateResult,
  ItemInput,
  MeetingInput,
  MeetingPage,
  PartInput,
  PostOption,
  Read,
  RecordingGateway,
  RecordingVocabulary,
  ResolutionInput,
} from '#console';
import { AssignActionDto } from '../features/actions/action-requests.dto.js';
import { ActionsController } from '../features/actions/actions.controller.js';
import { AssignActionCommand } from '../features/actions/assign-action.command.js';
import { GetCommitteeMeetingsQuery, type CommitteeMeetings } from '../features/committees/committee-meetings.query.js';
import { CommitteesController } from '../features/committees/committees.controller.js';
import { CreateCommitteeCommand } from '../features/committees/create-committee.command.js';
import { CreateCommitteeDto } from '../features/committees/create-committee.dto.js';
import { ListPostsQuery, type PostList } from '../features/directory/list-posts.query.js';
import { PostsController } from '../features/directory/posts.controller.js';
import { AddAgendaItemCommand } from '../features/meetings/add-agenda-item.command.js';
import { AddAgendaItemDto } from '../features/meetings/add-agenda-item.dto.js';
import { ApproveMinutesCommand } from '../features/meetings/approve-minutes.command.js';
import { ApproveMinutesDto } from '../features/meetings/approve-minutes.dto.js';
import { GetMeetingRecordQuery, type MeetingRecordView } from '../features/meetings/meeting-record.query.js';
import { MeetingsController } from '../features/meetings/meetings.controller.js';
import { RecordAttendanceCommand } from '../features/meetings/record-attendance.command.js';
import { RecordAttendanceDto } from '../features/meetings/record-attendance.dto.js';
import { ScheduleMeetingCommand } from '../features/meetings/schedule-meeting.command.js';
import { ScheduleMeetingDto } from '../features/meetings/schedule-meeting.dto.js';
import { CorrectResolutionCommand } from '../features/resolutions/correct-resolution.command.js';
import { CorrectResolutionDto } from '../features/resolutions/correct-resolution.dto.js';
import { PassResolutionCommand } from '../features/resolutions/pass-resolution.command.js';
import { PassResolutionDto } from '../features/resolutions/pass-resolution.dto.js';
import { ResolutionsController } from '../features/resolutions/resolutions.controller.js';
import { isUuid } from '../features/shared/uuid.js';
import { refusalOf } from './console-answers.js';
import { RouteCommands } from './route-commands.js';

const LIST_LIMIT = 1000;

/** Recording a meeting over the api's commands, each behind its route's access rule and its DTO's validation. */
@Injectable()
export class ApiRecordingGateway implements RecordingGateway {
  readonly recordingVocabulary: RecordingVocabulary = { committeeKinds, resolutionPartKinds };

  constructor(
    private readonly queries: QueryBus,
    private readonly routes: RouteCommands,
  ) {}

  async mayRecord(caller: ConsoleCaller): Promise<boolean> {
    const decisions = await Promise.all(
      (
        [
          [CommitteesController, 'create'],
          [MeetingsController, 'schedule'],
          [MeetingsController, 'addItem'],
          [ResolutionsController, 'pass'],
          [ActionsController, 'assign'],
        ] as const
      ).map(([controller, handler]) => this.routes.decide([controller, handler], caller)),
    );
    return decisions.every((d) => d.kind === 'allow');
  }

  async createCommittee(caller: ConsoleCaller, input: CommitteeInput): Promise<CreateResult> {
    const id = randomUUID();
    return created(
      id,
      await this.routes.run(
        caller,
        [CommitteesController, 'create'],
        CreateCommitteeDto,
        input,
        (body, c) => new CreateCommitteeCommand(id, body, c),
      ),
    );
  }

  async scheduleMeeting(caller: ConsoleCaller, committeeId: string, input: MeetingInput): Promise<CreateResult> {
    const id = randomUUID();
    const body = { committeeId, ...defined(input) };
    return created(
      id,
      await this.routes.run(
        caller,
        [MeetingsController, 'schedule'],
        ScheduleMeetingDto,
        body,
        (dto, c) => new ScheduleMeetingCommand(id, dto, c),
      ),
    );
  }

  async meeting(caller: ConsoleCaller, meetingId: string): Promise<Read<MeetingPage>> {
    const refusal = refusalOf(await this.routes.decide([MeetingsController, 'get'], caller));
    if (refusal) return refusal;
    if (!isUuid(meetingId)) return { kind: 'not-found' };
    const found = await notFoundAsRead(() =>
      this.queries.execute<GetMeetingRecordQuery, MeetingRecordView>(new GetMeetingRecordQuery(meetingId)),
    );
    if (found.kind !== 'ok') return found;
    const record = found.value;
    const [committee, posts] = await Promise.all([
      this.queries.execute<GetCommitteeMeetingsQuery, CommitteeMeetings>(
        new GetCommitteeMeetingsQuery(record.committeeId, { limit: LIST_LIMIT }),
      ),
      this.queries.execute<ListPostsQuery, PostList>(new ListPostsQuery(undefined, { limit: LIST_LIMIT })),
    ]);
    const postTitles = new Map(posts.posts.map((p) => [p.postId, p.title]));
    return {
      kind: 'ok',
      value: {
        meetingId: record.meetingId,
        committee: committee.committee,
        date: record.date,
        startsAt: record.startsAt,
        title: record.title,
        location: record.location,
        attendees: record.attendees.map(({ name, role, status }) => ({ name, role, status })),
        items: record.items,
        resolutions: record.resolutions.map((r) => ({
          resolutionId: r.resolutionId,
          itemNumber: r.itemNumber,
          parts: r.parts,
          corrections: r.corrections,
          version: r.version,
        })),
        actions: record.actions.map((a) => ({
          actionId: a.actionId,
          ref: a.ref,
          resolutionId: a.resolutionId,
          partLabel: a.partLabel,
          title: a.title,
          ownerPost: postTitles.get(a.ownerPostId) ?? '',
          dueOn: a.due.dueDate ?? committee.meetings.find((m) => m.meetingId === a.due.dueMeetingId)?.date,
          status: a.status,
        })),
        minutesApproved: record.minutesApproved,
        otherMeetings: committee.meetings
          .filter((m) => m.meetingId !== record.meetingId)
          .map((m) => ({ meetingId: m.meetingId, date: m.date, title: m.title })),
        version: record.version,
      },
    };
  }

  recordAttendance(
    caller: ConsoleCaller,
    meetingId: string,
    attendees: readonly AttendeeInput[],
    expectedVersion: number,
  ): Promise<CommandResult> {
    if (!isUuid(meetingId)) return Promise.resolve({ kind: 'not-found' });
    return this.routes.run(
      caller,
      [MeetingsController, 'recordAttendance'],
      RecordAttendanceDto,
      { attendees },
      (body, c) => new RecordAttendanceCommand(meetingId, body, expectedVersion, c),
    );
  }

  addItem(caller: ConsoleCaller, meetingId: string, input: ItemInput, expectedVersion: number): Promise<CommandResult> {
    if (!isUuid(meetingId)) return Promise.resolve({ kind: 'not-found' });
    return this.routes.run(
      caller,
      [MeetingsController, 'addItem'],
      AddAgendaItemDto,
      defined(input),
      (body, c) => new AddAgendaItemCommand(meetingId, body, expectedVersion, c),
    );
  }

  async passResolution(caller: ConsoleCaller, meetingId: string, input: ResolutionInput): Promise<CreateResult> {
    if (!isUuid(meetingId)) return { kind: 'not-found' };
    const id = randomUUID();
    const body = { itemNumber: input.itemNumber, parts: input.parts.map(defined) };
    return created(
      id,
      await this.routes.run(
        caller,
        [ResolutionsController, 'pass'],
        PassResolutionDto,
        body,
        (dto, c) => new PassResolutionCommand(id, meetingId, dto, c),
      ),
    );
  }

  async postOptions(caller: ConsoleCaller): Promise<Read<readonly PostOption[]>> {
    const refusal = refusalOf(await this.routes.decide([PostsController, 'list'], caller));
    if (refusal) return refusal;
    const list = await this.queries.execute<ListPostsQuery, PostList>(new ListPostsQuery(undefined, { limit: LIST_LIMIT }));
    return { kind: 'ok', value: list.posts.map((p) => ({ postId: p.postId, title: p.title, holder: p.holder?.name ?? null })) };
  }

  async assignAction(caller: ConsoleCaller, input: ActionArisingInput): Promise<CreateResult> {
    const id = randomUUID();
    return created(
      id,
      await this.routes.run(
        caller,
        [ActionsController, 'assign'],
        AssignActionDto,
        defined(input),
        (body, c) => new AssignActionCommand(id, body, c),
      ),
    );
  }

  approveMinutes(caller: ConsoleCaller, meetingId: string, approvedAtMeetingId: string, expectedVersion: number): Promise<CommandResult> {
    if (!isUuid(meetingId)) return Promise.resolve({ kind: 'not-found' });
    return this.routes.run(
      caller,
      [MeetingsController, 'approveMinutes'],
      ApproveMinutesDto,
      { approvedAtMeetingId },
      (body, c) => new ApproveMinutesCommand(meetingId, body, expectedVersion, c),
    );
  }

  correctResolution(
    caller: ConsoleCaller,
    resolutionId: string,
    parts: readonly PartInput[],
    reason: string,
    expectedVersion: number,
  ): Promise<CommandResult> {
    if (!isUuid(resolutionId)) return Promise.resolve({ kind: 'not-found' });
    return this.routes.run(
      caller,
      [ResolutionsController, 'correct'],
      CorrectResolutionDto,
      { parts: parts.map(defined), reason },
      (body, c) => new CorrectResolutionCommand(resolutionId, body, expectedVersion, c),
    );
  }
}

function created(id: string, result: CommandResult): CreateResult {
  return result.kind === 'done' ? { kind: 'created', id } : result;
}

/** Leaves out what the form left blank, as an API client would. */
function defined<T extends object>(input: T): T {
  return Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined && value !== '')) as T;
}

async function notFoundAsRead<T>(read: () => Promise<T>): Promise<Read<T>> {
  try {
    return { kind: 'ok', value: await read() };
  } catch (error) {
    if (error instanceof DomainError && error.kind === 'not-found') return { kind: 'not-found' };
    throw error;
  }
}
