import type { DynamicModule, Type } from '@nestjs/common';
import { ActionOwnershipModule } from './actions/action-ownership.module.js';
import { ActionsModule } from './actions/actions.module.js';
import { AuditModule } from './audit/audit.module.js';
import { CommitteesModule } from './committees/committees.module.js';
import { DecisionsModule } from './decisions/decisions.module.js';
import { DirectoryModule } from './directory/directory.module.js';
import { MeetingsModule } from './meetings/meetings.module.js';
import { NoticesModule } from './notices/notices.module.js';
import { MetricSnapshotsModule } from './metric-snapshots/metric-snapshots.module.js';
import { SnapshotActionModule } from './metric-snapshots/snapshot-action.module.js';
import { PersonSettingsModule } from './person-settings/person-settings.module.js';
import { PublicLogModule } from './public-log/public-log.module.js';
import { RecommendationsModule } from './recommendations/recommendations.module.js';
import { ResolutionsModule } from './resolutions/resolutions.module.js';
import { ReadModelsModule } from '../read-models/read-models.module.js';
import { ApplicationModule } from './shared/application.module.js';
import { ViewsModule } from './views/views.module.js';
import { ConsoleGatewayModule } from '../console-gateway/console-gateway.module.js';

/**
 * THE integration point for feature modules: add each feature's Nest module here and AppModule imports it.
 * Keep the list in one place so that the app, the e2e tests and the demo all run the same features.
 */
export const featureModules: readonly (Type<unknown> | DynamicModule)[] = [
  ApplicationModule,
  ReadModelsModule,
  ActionOwnershipModule,
  SnapshotActionModule,
  CommitteesModule,
  ActionsModule,
  DirectoryModule,
  PersonSettingsModule,
  MeetingsModule,
  ResolutionsModule,
  MetricSnapshotsModule,
  RecommendationsModule,
  DecisionsModule,
  AuditModule,
  ViewsModule,
  PublicLogModule,
  ConsoleGatewayModule,
  NoticesModule,
];
