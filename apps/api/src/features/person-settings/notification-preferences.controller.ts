import { Body, Controller, Get, HttpCode, Put, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { defaultNotificationPreferences, personDecider, streamIdFor } from '#domain';
import { Roles } from '../../platform/auth/index.js';
import { Caller } from '../../platform/caller.js';
import { AnswersETag, etagFor, IfMatchVersion, Sends, UuidParam } from '../../platform/index.js';
import { AggregateStore } from '../shared/aggregate-store.js';
import { CommandOutcome } from '../shared/command-outcome.js';
import type { HeaderSink } from '../shared/send-folded.js';
import { NotificationPreferencesDto } from './notification-preferences.dto.js';
import { SetNotificationPreferencesCommand } from './set-notification-preferences.command.js';
import { personNotInDirectory, signedInPersonOf } from './signed-in-person.js';

export interface NotificationPreferencesView {
  readonly personId: string;
  readonly reminders: boolean;
  readonly weeklyDigest: boolean;
  /** Null while the defaults apply. */
  readonly setAt: string | null;
  readonly setBy: string | null;
  readonly version: number;
}

const PREFERENCES_SHAPE = "{ personId, reminders, weeklyDigest, setAt, setBy, version } with ETag: the person record's version";

/**
 * Which routine emails a person gets: reminders and the weekly digest, both on until turned off. Chases and
 * escalations are not preferences. The ETag is the person record's version, for If-Match on PUT.
 */
@ApiTags('directory')
@ApiBearerAuth()
@Controller()
export class NotificationPreferencesController {
  constructor(
    private readonly commands: CommandBus,
    private readonly aggregates: AggregateStore,
  ) {}

  @Get('me/notification-preferences')
  @AnswersETag()
  @Roles('officer', 'scrutiny', 'monitoring', 'admin', 'member')
  @ApiOperation({ summary: "The signed-in person's email preferences (404 when they are not in the directory)" })
  @ApiOkResponse({ description: PREFERENCES_SHAPE })
  mine(@Caller() caller: Caller, @Res({ passthrough: true }) res: HeaderSink): Promise<NotificationPreferencesView> {
    return this.read(signedInPersonOf(caller, 'see your email preferences'), res);
  }

  @Put('me/notification-preferences')
  @Sends(['SetNotificationPreferences'])
  @HttpCode(200)
  @Roles('officer', 'scrutiny', 'monitoring', 'admin', 'member')
  @ApiOperation({ summary: "Sets the signed-in person's email preferences, both at once" })
  @ApiOkResponse({ type: CommandOutcome })
  setMine(
    @Body() body: NotificationPreferencesDto,
    @IfMatchVersion() expected: number | undefined,
    @Caller() caller: Caller,
  ): Promise<CommandOutcome> {
    const personId = signedInPersonOf(caller, 'set your email preferences');
    return this.commands.execute(new SetNotificationPreferencesCommand(personId, body, expected, caller));
  }

  @Get('people/:personId/notification-preferences')
  @AnswersETag()
  @Roles('scrutiny', 'monitoring', 'admin')
  @ApiOperation({ summary: "A person's email preferences" })
  @ApiOkResponse({ description: PREFERENCES_SHAPE })
  theirs(@UuidParam('personId') personId: string, @Res({ passthrough: true }) res: HeaderSink): Promise<NotificationPreferencesView> {
    return this.read(personId, res);
  }

  @Put('people/:personId/notification-preferences')
  @Sends(['SetNotificationPreferences'])
  @HttpCode(200)
  @Roles('scrutiny', 'admin')
  @ApiOperation({ summary: "Sets a person's email preferences on their behalf (the event names who set them)" })
  @ApiOkResponse({ type: CommandOutcome })
  setTheirs(
    @UuidParam('personId') personId: string,
    @Body() body: NotificationPreferencesDto,
    @IfMatchVersion() expected: number | undefined,
    @Caller() caller: Caller,
  ): Promise<CommandOutcome> {
    return this.commands.execute(new SetNotificationPreferencesCommand(personId, body, expected, caller));
  }

  private async read(personId: string, res: HeaderSink): Promise<NotificationPreferencesView> {
    const { state, version } = await this.aggregates.load(personDecider, streamIdFor('person', personId));
    if (!state.exists) throw personNotInDirectory(personId);
    res.header('ETag', etagFor(version));
    const chosen = state.notificationPreferences;
    return {
      personId,
      reminders: chosen?.reminders ?? defaultNotificationPreferences.reminders,
      weeklyDigest: chosen?.weeklyDigest ?? defaultNotificationPreferences.weeklyDigest,
      setAt: chosen?.setAt ?? null,
      setBy: chosen?.setBy ?? null,
      version,
    };
  }
}
