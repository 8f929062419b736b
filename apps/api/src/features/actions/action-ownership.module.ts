import { Global, Module } from '@nestjs/common';
import { ACTION_OWNERSHIP_LOOKUP } from '../../platform/auth/ownership-lookups.js';
import { ActionOwnership } from './action-ownership.js';

/** Global so that the platform's authorization guard finds the lookup under the token it declares. */
@Global()
@Module({
  providers: [ActionOwnership, { provide: ACTION_OWNERSHIP_LOOKUP, useExisting: ActionOwnership }],
  exports: [ActionOwnership, ACTION_OWNERSHIP_LOOKUP],
})
export class ActionOwnershipModule {}
