import { Module } from '@nestjs/common';
import { CalendarFeedController } from './calendar-feed.controller.js';
import { IssueCalendarFeedHandler, RevokeCalendarFeedHandler } from './calendar-feed.commands.js';
import { NotificationPreferencesController } from './notification-preferences.controller.js';
import { SetNotificationPreferencesHandler } from './set-notification-preferences.command.js';

/** What each person chooses for themselves: which emails they get, and a calendar feed of their due dates. */
@Module({
  controllers: [NotificationPreferencesController, CalendarFeedController],
  providers: [SetNotificationPreferencesHandler, IssueCalendarFeedHandler, RevokeCalendarFeedHandler],
})
export class PersonSettingsModule {}
