import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AnswersETag, IfMatchVersion, Sends } from '../../platform/index.js';
import { ProjectionView } from '../../read-models/projection-view.interceptor.js';
import { ActionViewQueryDto } from './action-view-query.dto.js';
import { CommandOutcome } from '../shared/command-outcome.js';
import { idFrom } from '../shared/create-id.js';
import { ChangeDueCommand } from './change-due.command.js';
import { ChaseActionCommand } from './chase-action.command.js';
import { CompleteActionCommand } from './complete-action.command.js';
import { ReassignActionCommand } from './reassign-action.command.js';
import { ReopenActionCommand } from './reopen-action.command.js';
import { ReportProgressCommand } from './report-progress.command.js';
import { SignOffActionCommand } from './sign-off-action.command.js';
import { WithdrawActionCommand } from './withdraw-action.command.js';
import {
  AssignActionDto,
  ChangeDueDto,
  ChaseActionDto,
  CompleteActionDto,
  ReasonDto,
  ReassignActionDto,
  ReportProgressDto,
  SignOffActionDto,
} from './action-requests.dto.js';
import { GetActionQuery, type ActionView } from './action-view.query.js';
import { ACTING_FOR_ANY_OWNER } from './action-writer.js';
import { AssignActionCommand } from './assign-action.command.js';
import { OwnerOfAction, Roles } from '../../platform/auth/index.js';
import { Caller } from '../../platform/caller.js';
import { UuidParam } from '../../platform/index.js';

const Id = () => UuidParam('actionId');

@ApiTags('actions')
@ApiBearerAuth()
@Controller('actions')
export class ActionsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @Sends(['AssignAction'])
  @Roles('scrutiny', 'admin')
  @ApiCreatedResponse({ type: CommandOutcome })
  assign(@Body() body: AssignActionDto, @Caller() caller: Caller): Promise<CommandOutcome> {
    return this.commands.execute(new AssignActionCommand(idFrom(body, caller), body, caller));
  }

  /** From the read models: pass the position a command answered as `minPosition` to read your own write. */
  @Get(':actionId')
  @AnswersETag()
  @Roles('officer', 'scrutiny', 'monitoring', 'admin')
  @ProjectionView()
  get(@Id() actionId: string, @Query() query: ActionViewQueryDto): Promise<ActionView> {
    return this.queries.execute(new GetActionQuery(actionId, query.updatesAfter === undefined ? 0 : Number(query.updatesAfter)));
  }

  @Post(':actionId/progress')
  @Sends(['ReportActionProgress'])
  @Roles(...ACTING_FOR_ANY_OWNER)
  @OwnerOfAction()
  @HttpCode(200)
  @ApiOkResponse({ type: CommandOutcome })
  progress(
    @Id() id: string,
    @Body() body: ReportProgressDto,
    @IfMatchVersion() expected: number | undefined,
    @Caller() caller: Caller,
  ): Promise<CommandOutcome> {
    return this.commands.execute(new ReportProgressCommand(id, body, expected, caller));
  }

  @Post(':actionId/completion')
  @Sends(['CompleteAction'])
  @Roles(...ACTING_FOR_ANY_OWNER)
  @OwnerOfAction()
  @HttpCode(200)
  @ApiOkResponse({ type: CommandOutcome })
  complete(
    @Id() id: string,
    @Body() body: CompleteActionDto,
    @IfMatchVersion() expected: number | undefined,
    @Caller() caller: Caller,
  ): Promise<CommandOutcome> {
    return this.commands.execute(new CompleteActionCommand(id, body, expected, caller));
  }

  @Post(':actionId/sign-off')
  @Sends(['SignOffAction'])
  @Roles('scrutiny', 'admin')
  @HttpCode(200)
  @ApiOkResponse({ type: CommandOutcome })
  signOff(
    @Id() id: string,
    @Body() body: SignOffActionDto,
    @IfMatchVersion() expected: number | undefined,
    @Caller() caller: Caller,
  ): Promise<CommandOutcome> {
    return this.commands.execute(new SignOffActionCommand(id, body, expected, caller));
  }

  @Post(':actionId/reopen')
  @Sends(['ReopenAction'])
  @Roles('scrutiny', 'admin')
  @HttpCode(200)
  @ApiOkResponse({ type: CommandOutcome })
  reopen(
    @Id() id: string,
    @Body() body: ReasonDto,
    @IfMatchVersion() expected: number | undefined,
    @Caller() caller: Caller,
  ): Promise<CommandOutcome> {
    return this.commands.execute(new ReopenActionCommand(id, body, expected, caller));
  }

  @Post(':actionId/due-date')
  @Sends(['ChangeActionDueDate'])
  @Roles('scrutiny', 'admin')
  @HttpCode(200)
  @ApiOkResponse({ type: CommandOutcome })
  changeDue(
    @Id() id: string,
    @Body() body: ChangeDueDto,
    @IfMatchVersion() expected: number | undefined,
    @Caller() caller: Caller,
  ): Promise<CommandOutcome> {
    return this.commands.execute(new ChangeDueCommand(id, body, expected, caller));
  }

  @Post(':actionId/reassignment')
  @Sends(['ReassignAction'])
  @Roles('scrutiny', 'admin')
  @HttpCode(200)
  @ApiOkResponse({ type: CommandOutcome })
  reassign(
    @Id() id: string,
    @Body() body: ReassignActionDto,
    @IfMatchVersion() expected: number | undefined,
    @Caller() caller: Caller,
  ): Promise<CommandOutcome> {
    return this.commands.execute(new ReassignActionCommand(id, body, expected, caller));
  }

  @Post(':actionId/chase')
  @Sends(['ChaseAction'])
  @Roles('scrutiny', 'admin')
  @HttpCode(200)
  @ApiOkResponse({ type: CommandOutcome })
  chase(
    @Id() id: string,
    @Body() body: ChaseActionDto,
    @IfMatchVersion() expected: number | undefined,
    @Caller() caller: Caller,
  ): Promise<CommandOutcome> {
    return this.commands.execute(new ChaseActionCommand(id, body, expected, caller));
  }

  @Post(':actionId/withdrawal')
  @Sends(['WithdrawAction'])
  @Roles('scrutiny', 'admin')
  @HttpCode(200)
  @ApiOkResponse({ type: CommandOutcome })
  withdraw(
    @Id() id: string,
    @Body() body: ReasonDto,
    @IfMatchVersion() expected: number | undefined,
    @Caller() caller: Caller,
  ): Promise<CommandOutcome> {
    return this.commands.execute(new WithdrawActionCommand(id, body, expected, caller));
  }
}
