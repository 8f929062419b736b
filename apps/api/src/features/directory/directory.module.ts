import { Module } from '@nestjs/common';
import { AppointPostHolderHandler } from './appoint-post-holder.command.js';
import { CreatePostHandler } from './create-post.command.js';
import { PeopleController } from './people.controller.js';
import { PostsController } from './posts.controller.js';
import { RegisterPersonHandler } from './register-person.command.js';
import { VacatePostHandler } from './vacate-post.command.js';

@Module({
  controllers: [PeopleController, PostsController],
  providers: [RegisterPersonHandler, CreatePostHandler, AppointPostHolderHandler, VacatePostHandler],
})
export class DirectoryModule {}
