import { Body, Controller, Get, Post, Query, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { personDecider } from '#domain';
import { streamIdFor } from '#domain';
import { AggregateStore } from '../shared/aggregate-store.js';
import { CommandOutcome } from '../shared/command-outcome.js';
import { idFrom } from '../shared/create-id.js';
import { sendFolded, type HeaderSink } from '../shared/send-folded.js';
import { RegisterPersonCommand } from './register-person.command.js';
import { RegisterPersonDto } from './register-person.dto.js';
import { ListPeopleQuery, type PersonList } from './list-people.query.js';
import { listPagingOf, NameListQueryDto } from '../shared/list-query.dto.js';
import { ProjectionView } from '../../read-models/projection-view.interceptor.js';
import { Roles } from '../../platform/auth/index.js';
import { Caller } from '../../platform/caller.js';
import { AnswersETag, Sends, UuidParam } from '../../platform/index.js';

@ApiTags('directory')
@ApiBearerAuth()
@Controller('people')
export class PeopleController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly aggregates: AggregateStore,
  ) {}

  @Post()
  @Sends(['RegisterPerson'])
  @Roles('admin', 'scrutiny')
  @ApiCreatedResponse({ type: CommandOutcome })
  register(@Body() body: RegisterPersonDto, @Caller() caller: Caller): Promise<CommandOutcome> {
    return this.commands.execute(new RegisterPersonCommand(idFrom(body, caller), body, caller));
  }

  @Get()
  @Roles('scrutiny', 'monitoring', 'admin')
  @ProjectionView()
  @ApiOperation({ summary: 'People in name order, optionally only those whose name contains `name` (any case), a page at a time' })
  @ApiOkResponse({ description: '{ people: [{ personId, name, email? }], nextAfter }' })
  list(@Query() query: NameListQueryDto): Promise<PersonList> {
    return this.queries.execute(new ListPeopleQuery(query.name, listPagingOf(query)));
  }

  @Get(':personId')
  @AnswersETag()
  @Roles('scrutiny', 'monitoring', 'admin')
  async get(@UuidParam('personId') personId: string, @Res({ passthrough: true }) res: HeaderSink): Promise<object> {
    const loaded = await this.aggregates.load(personDecider, streamIdFor('person', personId));
    return sendFolded(res, loaded, 'person-not-found', `Person ${personId} does not exist`);
  }
}
