import { Global, Module } from '@nestjs/common';
import { SNAPSHOT_ACTION_LOOKUP } from '../../platform/auth/ownership-lookups.js';
import { SnapshotAction } from './snapshot-action.js';

/** Global so that the platform's authorization guard finds the lookup under the token it declares. */
@Global()
@Module({
  providers: [{ provide: SNAPSHOT_ACTION_LOOKUP, useClass: SnapshotAction }],
  exports: [SNAPSHOT_ACTION_LOOKUP],
})
export class SnapshotActionModule {}
