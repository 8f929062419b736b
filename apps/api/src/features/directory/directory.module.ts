import { Module } from '@nestjs/common';
import { AppointPostHolderHandler } from './appoint-post-holder.command.js';
import { CreatePostHandler } from './create-post.command.js';
import { ListPeopleHandler } from './list-people.query.js';
import { ListPostsHandler } from './list-posts.query.js';
import { PeopleController } from './people.controller.js';
import { PostsController } from './posts.controller.js';
import { RegisterPersonHandler } from './register-person.command.js';
import { VacatePostHandler } from './vacate-post.command.js';

@Module({
  controllers: [PeopleController, PostsController],
  providers: [RegisterPersonHandler, CreatePostHandler, AppointPostHolderHandler, VacatePostHandler, ListPeopleHandler, ListPostsHandler],
})
export class DirectoryModule {}
