import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { postDecider, type CreatePost } from '#domain';
import { streamIdFor } from '#domain';
import { AggregateStore } from '../shared/aggregate-store.js';
import type { Caller } from '../../platform/caller.js';
import type { CommandOutcome } from '../shared/command-outcome.js';
import type { CreatePostDto } from './create-post.dto.js';

export class CreatePostCommand extends Command<CommandOutcome> {
  constructor(
    readonly postId: string,
    readonly body: CreatePostDto,
    readonly caller: Caller,
  ) {
    super();
  }
}

@CommandHandler(CreatePostCommand)
export class CreatePostHandler implements ICommandHandler<CreatePostCommand> {
  constructor(private readonly aggregates: AggregateStore) {}

  execute({ postId, body, caller }: CreatePostCommand): Promise<CommandOutcome> {
    return this.aggregates.execute(
      postDecider,
      { id: postId, streamId: streamIdFor('post', postId) },
      (_state, now): CreatePost => ({
        type: 'CreatePost',
        data: { postId, title: body.title, department: body.department, now },
      }),
      { caller },
    );
  }
}
