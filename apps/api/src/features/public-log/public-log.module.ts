import { Module } from '@nestjs/common';
import { PublicActionLogController } from './public-action-log.controller.js';

/** The read-only public action log; the query itself is the views module's (reached through the QueryBus). */
@Module({ controllers: [PublicActionLogController] })
export class PublicLogModule {}
