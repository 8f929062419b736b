import { Module } from '@nestjs/common';
import type { AppConfig } from '#runtime';
import { APP_CONFIG } from '#runtime';
import { ChaseNotices } from './chase-notices.js';
import { NoticeComposer } from './notice-composer.js';
import { NoticeMailer } from './notice-mailer.js';
import { NoticeOutbox } from './notice-outbox.js';
import { NoticePreferencesPort, PeoplesOwnPreferences } from './notice-preferences.js';
import { NoticeReadModel } from './notice-read-model.js';
import { NoticeRecorder } from './notice-recorder.js';
import { NoticeScheduler } from './notice-scheduler.js';
import { NoticesObservability } from './notices-observability.js';
import { NoticesSender } from './notices-sender.js';
import { NoticesSettings } from './notices-settings.js';
import { WeeklyDigests } from './weekly-digests.js';

/** Reminders, overdue notices, escalations and chases by email, through the outbox (see docs/notifications.md). */
@Module({
  providers: [
    { provide: NoticesSettings, inject: [APP_CONFIG], useFactory: (config: AppConfig) => new NoticesSettings(config.notices) },
    { provide: NoticePreferencesPort, useClass: PeoplesOwnPreferences },
    NoticeOutbox,
    NoticeReadModel,
    NoticeComposer,
    NoticeScheduler,
    WeeklyDigests,
    ChaseNotices,
    NoticeMailer,
    NoticeRecorder,
    NoticesSender,
    NoticesObservability,
  ],
  exports: [NoticesSender],
})
export class NoticesModule {}
