import { Body, Controller, Delete, Get, HttpCode, Inject, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { notFound } from '#domain';
import type { SqlDatabase } from '#event-store';
import { AnswersETag, IfMatchVersion, Sends, SQL_DATABASE } from '../../platform/index.js';
import { ProjectionView } from '../../read-models/projection-view.interceptor.js';
import { ViewQueryDto } from '../../read-models/view-query.dto.js';
import { CommandOutcome } from '../shared/command-outcome.js';
import { idFrom } from '../shared/create-id.js';
import { AppointPostHolderCommand } from './appoint-post-holder.command.js';
import { AppointPostHolderDto } from './appoint-post-holder.dto.js';
import { CreatePostCommand } from './create-post.command.js';
import { CreatePostDto } from './create-post.dto.js';
import { readPost, type PostView } from './post-record.sql.js';
import { ListPostsQuery, type PostList } from './list-posts.query.js';
import { listPagingOf, TitleListQueryDto } from '../shared/list-query.dto.js';
import { VacatePostCommand } from './vacate-post.command.js';
import { Roles } from '../../platform/auth/index.js';
import { Caller } from '../../platform/caller.js';
import { UuidParam } from '../../platform/index.js';

@ApiTags('directory')
@ApiBearerAuth()
@Controller('posts')
export class PostsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    @Inject(SQL_DATABASE) private readonly db: SqlDatabase,
  ) {}

  @Post()
  @Sends(['CreatePost'])
  @Roles('admin', 'scrutiny')
  @ApiCreatedResponse({ type: CommandOutcome })
  create(@Body() body: CreatePostDto, @Caller() caller: Caller): Promise<CommandOutcome> {
    return this.commands.execute(new CreatePostCommand(idFrom(body, caller), body, caller));
  }

  @Post(':postId/holder')
  @Sends(['AppointPostHolder'])
  @Roles('admin', 'scrutiny')
  @HttpCode(200)
  @ApiOkResponse({ type: CommandOutcome, description: 'Appoints the person; a current holder is vacated first' })
  appoint(
    @UuidParam('postId') postId: string,
    @Body() body: AppointPostHolderDto,
    @IfMatchVersion() expected: number | undefined,
    @Caller() caller: Caller,
  ): Promise<CommandOutcome> {
    return this.commands.execute(new AppointPostHolderCommand(postId, body, expected, caller));
  }

  @Delete(':postId/holder')
  @Sends(['VacatePost'])
  @Roles('admin', 'scrutiny')
  @HttpCode(200)
  @ApiOkResponse({ type: CommandOutcome, description: 'Vacates the post; 409 post-already-vacant when nobody holds it' })
  vacate(
    @UuidParam('postId') postId: string,
    @IfMatchVersion() expected: number | undefined,
    @Caller() caller: Caller,
  ): Promise<CommandOutcome> {
    return this.commands.execute(new VacatePostCommand(postId, expected, caller));
  }

  @Get()
  @Roles('officer', 'scrutiny', 'monitoring', 'admin')
  @ProjectionView()
  @ApiOperation({
    summary: 'Posts in title order with their holders, optionally only titles containing `title` (any case), a page at a time',
  })
  @ApiOkResponse({ description: '{ posts: [{ postId, title, department?, holder: { personId, name, from } | null }], nextAfter }' })
  list(@Query() query: TitleListQueryDto): Promise<PostList> {
    return this.queries.execute(new ListPostsQuery(query.title, listPagingOf(query)));
  }

  /** From the read models, with the current holder; pass a command's position as `minPosition` to read your own write. */
  @Get(':postId')
  @AnswersETag()
  @Roles('officer', 'scrutiny', 'monitoring', 'admin')
  @ProjectionView()
  async get(@UuidParam('postId') postId: string, @Query() _view: ViewQueryDto): Promise<PostView> {
    const post = await readPost(this.db, postId);
    if (!post) throw notFound('post-not-found', `Post ${postId} does not exist`, { postId });
    return post;
  }
}
