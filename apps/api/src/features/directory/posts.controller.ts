import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { personDecider } from '../../../../../libs/domain/src/directory/person/index.js';
import { postDecider, type PostHolder, type PostRecord } from '../../../../../libs/domain/src/directory/post/index.js';
import { streamIdFor } from '../../../../../libs/domain/src/streams.js';
import { IfMatchVersion } from '../../platform/index.js';
import { AggregateStore } from '../shared/aggregate-store.js';
import { CommandResult } from '../shared/command-result.js';
import { idFrom } from '../shared/create-id.js';
import { sendFolded, type HeaderSink } from '../shared/send-folded.js';
import { AppointPostHolderCommand } from './appoint-post-holder.command.js';
import { AppointPostHolderDto } from './appoint-post-holder.dto.js';
import { CreatePostCommand } from './create-post.command.js';
import { CreatePostDto } from './create-post.dto.js';
import { VacatePostCommand } from './vacate-post.command.js';

export interface PostHolderView {
  readonly personId: string;
  /** Null only if the person's stream is missing, which the appointment rule prevents. */
  readonly name: string | null;
  readonly from: string;
}

@ApiTags('directory')
@ApiBearerAuth()
@Controller('posts')
export class PostsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly aggregates: AggregateStore,
  ) {}

  @Post()
  @ApiCreatedResponse({ type: CommandResult })
  create(@Body() body: CreatePostDto): Promise<CommandResult> {
    return this.commands.execute(new CreatePostCommand(idFrom(body), body));
  }

  @Post(':postId/holder')
  @HttpCode(200)
  @ApiOkResponse({ type: CommandResult, description: 'Appoints the person; a current holder is vacated first' })
  appoint(
    @Param('postId', ParseUUIDPipe) postId: string,
    @Body() body: AppointPostHolderDto,
    @IfMatchVersion() expected: number | undefined,
  ): Promise<CommandResult> {
    return this.commands.execute(new AppointPostHolderCommand(postId, body, expected));
  }

  @Delete(':postId/holder')
  @HttpCode(200)
  @ApiOkResponse({ type: CommandResult, description: 'Vacates the post; 409 post-already-vacant when nobody holds it' })
  vacate(@Param('postId', ParseUUIDPipe) postId: string, @IfMatchVersion() expected: number | undefined): Promise<CommandResult> {
    return this.commands.execute(new VacatePostCommand(postId, expected));
  }

  @Get(':postId')
  async get(@Param('postId', ParseUUIDPipe) postId: string, @Res({ passthrough: true }) res: HeaderSink): Promise<object> {
    const loaded = await this.aggregates.load(postDecider, streamIdFor('post', postId));
    const post = sendFolded(res, loaded, 'post-not-found', `Post ${postId} does not exist`);
    const { holder } = loaded.state as PostRecord; // sendFolded has refused a post that does not exist
    return { ...post, holder: holder ? await this.holderView(holder) : null };
  }

  private async holderView(holder: PostHolder): Promise<PostHolderView> {
    const { state: person } = await this.aggregates.load(personDecider, streamIdFor('person', holder.personId));
    return { personId: holder.personId, name: person.exists ? person.name : null, from: holder.from };
  }
}
