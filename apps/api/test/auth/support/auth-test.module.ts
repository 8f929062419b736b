import { Controller, Get, HttpCode, Inject, Module, Post } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EventStore } from '#event-store';
import { OwnerOfAction, Public, Roles } from '../../../src/platform/auth/index.js';
import { currentRequestContext, eventMetadata, EVENT_STORE } from '../../../src/platform/index.js';

/** Representative routes: one per kind of rule the real controllers will declare in phase 2. */
@Controller('auth-test')
class AuthTestController {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  @Get('public')
  @Public()
  open() {
    return { actor: currentRequestContext()?.actor ?? null };
  }

  @Get('undeclared')
  undeclared() {
    return { reached: true };
  }

  @Post('posts')
  @HttpCode(200)
  @Roles('admin', 'scrutiny')
  managePosts() {
    return { reached: true };
  }

  @Get('audit')
  @Roles('monitoring', 'admin')
  audit() {
    return { reached: true };
  }

  @Get('meetings')
  @Roles('officer', 'scrutiny', 'monitoring', 'member', 'admin')
  meetings() {
    return { actor: currentRequestContext()?.actor ?? null };
  }

  @Post('actions/:actionId/progress')
  @HttpCode(200)
  @Roles('scrutiny', 'admin')
  @OwnerOfAction()
  progress() {
    return { reached: true };
  }

  @Post('notes')
  @Roles('officer', 'scrutiny', 'monitoring', 'member', 'admin')
  async note() {
    const streamId = `authnote-${randomUUID()}`;
    await this.store.appendToStream(streamId, [{ eventId: randomUUID(), type: 'NoteAdded', data: {}, metadata: eventMetadata() }], {
      expectedVersion: 'no_stream',
    });
    const [event] = await this.store.readStream(streamId);
    return { metadata: event?.metadata };
  }
}

/** A controller-wide rule, with one handler that declares its own. */
@Controller('auth-test-admin')
@Roles('admin')
class AdminAreaController {
  @Get('settings')
  settings() {
    return { reached: true };
  }

  @Get('status')
  @Public()
  status() {
    return { reached: true };
  }
}

@Module({ controllers: [AuthTestController, AdminAreaController] })
export class AuthTestModule {}
