import type { DynamicModule, Type } from '@nestjs/common';
import { CommitteesModule } from './committees/committees.module.js';
import { ApplicationModule } from './shared/application.module.js';

/**
 * THE integration point for feature modules: add each feature's Nest module here and AppModule imports it.
 * Keep the list in one place so that the app, the e2e tests and the demo all run the same features.
 */
export const featureModules: readonly (Type<unknown> | DynamicModule)[] = [ApplicationModule, CommitteesModule];
